import * as Y from 'yjs'
import { z } from 'zod'

/**
 * How one board lives in its room's Yjs document. The browser and the benchmarks read and write boards through
 * these accessors, and so must any server code that looks inside a board (the sync server itself relays
 * updates without reading them), so the layout is defined here and nowhere else.
 *
 * - `records`: a Y.Map from tldraw record id (`shape:…`, `page:…`, `document:document`, …) to that record as
 *   plain JSON. Only records of tldraw's 'document' scope live here; session state (camera, selection) and
 *   presence never do. A record is replaced whole on every change: concurrent edits of one record resolve
 *   last-writer-wins, edits of different records merge.
 * - `meta`: a Y.Map with `schema`, tldraw's serialized schema (`store.schema.serialize()`) of the records, so
 *   a newer client can migrate an older board on load.
 */
export const BOARD_RECORDS_MAP = 'records'
export const BOARD_META_MAP = 'meta'
export const BOARD_SCHEMA_KEY = 'schema'

/** The field of a Yjs awareness state that carries a participant's presence (see `presence.ts`). */
export const PRESENCE_AWARENESS_FIELD = 'presence'

/** What every stored record has; the rest is tldraw's business and is validated by tldraw on load. */
export const boardRecordSchema = z.looseObject({
  id: z.string().min(1),
  typeName: z.string().min(1),
})

/** Deliberately narrow (no index signature), so richer record types such as tldraw's fit it as they are. */
export interface BoardRecord {
  readonly id: string
  readonly typeName: string
}

/**
 * tldraw's serialized schema: a version plus either per-record-type versions (v1) or migration sequences (v2).
 * Only the envelope is checked here; tldraw decides whether it can migrate from it.
 */
export const storedSchemaSchema = z.looseObject({ schemaVersion: z.number().int().positive() })

export interface StoredSchema {
  readonly schemaVersion: number
}

/**
 * The records map. `R` lets a caller that knows its records' type (the client: tldraw's `TLRecord`) say so;
 * values from the network are unchecked, so callers validate before trusting more than `BoardRecord`.
 */
export function boardRecords<R extends BoardRecord = BoardRecord>(doc: Y.Doc): Y.Map<R> {
  return doc.getMap<R>(BOARD_RECORDS_MAP)
}

export function boardMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(BOARD_META_MAP)
}

/** The schema the board's records were written with, or null for a new board (or a malformed entry). */
export function readStoredSchema(doc: Y.Doc): StoredSchema | null {
  const parsed = storedSchemaSchema.safeParse(boardMeta(doc).get(BOARD_SCHEMA_KEY))
  return parsed.success ? parsed.data : null
}

export function writeStoredSchema(doc: Y.Doc, schema: StoredSchema): void {
  boardMeta(doc).set(BOARD_SCHEMA_KEY, schema)
}

/** A board with no records has never been opened (or was emptied entirely): the first client seeds it. */
export function isBoardEmpty(doc: Y.Doc): boolean {
  return boardRecords(doc).size === 0
}

/** All stored records that have at least an id and a type name, keyed by id; anything else is skipped. */
export function readBoardRecords(doc: Y.Doc): Map<string, BoardRecord> {
  const result = new Map<string, BoardRecord>()
  for (const [id, value] of boardRecords(doc).entries()) {
    const parsed = boardRecordSchema.safeParse(value)
    if (parsed.success && parsed.data.id === id) result.set(id, parsed.data)
  }
  return result
}
