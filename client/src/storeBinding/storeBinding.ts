import {
  boardMeta,
  boardRecords,
  BOARD_SCHEMA_KEY,
  readBoardRecords,
  isBoardEmpty,
  readStoredSchema,
  writeStoredSchema,
  type BoardRecord,
} from '@werkplaats/shared'
import {
  DocumentRecordType,
  getIndexAbove,
  PageRecordType,
  TLDOCUMENT_ID,
  type SerializedSchema,
  type SerializedStore,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import type * as Y from 'yjs'
import { nextFrame, type FrameScheduler } from './nextFrame.ts'
import { isTemplateLayerRecordId } from './derivedRecords.ts'

/**
 * Keeps the document records of a tldraw store and a room's Yjs document equal, both ways.
 *
 * - store → Yjs: every batch of the user's document changes becomes one Yjs transaction tagged with this
 *   binding's origin (so the Yjs observer below knows not to apply it back).
 * - Yjs → store: what remote transactions changed is gathered and applied once per frame, in one
 *   `store.mergeRemoteChanges`, so tldraw marks it 'remote': it neither enters the local undo history nor
 *   reaches the store listener above, and a crowd's edits cost one store transaction per frame.
 *
 * Session records (camera, selection, pointer) and presence stay local; presence travels via awareness.
 * So do the records of the template layer (`templateLayer/`): every client derives them from the template and
 * the control room, so they are never written to the room, never taken from it (a peer cannot change another
 * screen's template cards by writing such a key), and never removed because the room lacks them.
 *
 * A read-only binding (an observer's) never writes to the document: the server closes a connection that
 * writes without the right to, so the board an observer sees is seeded and migrated in their store only.
 */

export type BoardLoadFailure = 'too-new' | 'unreadable'

export class BoardLoadError extends Error {
  readonly reason: BoardLoadFailure

  constructor(reason: BoardLoadFailure, message: string) {
    super(message)
    this.name = 'BoardLoadError'
    this.reason = reason
  }
}

export interface StoreBindingOptions {
  /** Name of the first page of a brand-new board. */
  firstPageName: string
  /** A newer client upgraded the board's schema while we had it open: we can no longer read its records. */
  onSchemaTooNew(): void
  /** Nothing goes from the store to the document: not the seed of an empty board, no migration, no edit. */
  readOnly?: boolean
  /**
   * The records this document holds, when several documents share one store (a lane per document): the board
   * room's binding leaves out private stickies, a private room's binding takes only its owner's. A binding
   * writes, takes from its document, and removes on load only the records of its lane. Default: all.
   */
  lane?: (record: TLRecord) => boolean
  /** Whether an empty document is a new board to seed with a page (a private room's is not). Default: yes. */
  seedEmpty?: boolean
  /**
   * Records of the lane that the store holds and the document lacks when it is bound were written on this page
   * before its room had synced (a private sticky begun the moment private writing came on): they go into the
   * document instead of being removed as stale. Only for a lane that nobody but this page writes. Default: no.
   */
  keepUnsentLaneRecords?: boolean
  /**
   * When remote changes are put into the store: all that arrived before the next frame in one store
   * transaction (`nextFrame`), so a crowd's edits cost one render per frame, not one per message.
   */
  scheduleFrame?: FrameScheduler
}

export interface StoreBinding {
  dispose(): void
}

/**
 * Loads the Yjs document into the store (seeding an empty board, migrating an old one) and from then on keeps
 * the two in step. Call once the provider has synced with the server for the first time, so an existing
 * board is not mistaken for an empty one. Throws `BoardLoadError` when the board cannot be shown.
 */
export function bindStoreToDoc(store: TLStore, doc: Y.Doc, options: StoreBindingOptions): StoreBinding {
  // An object unique to this binding: another binding on the same doc (a second editor) is "remote" to us.
  const origin = { binding: 'werkplaats-store' }
  const records = boardRecords(doc)

  const readOnly = options.readOnly ?? false
  const lane = options.lane
  const inLane = lane ? (record: TLRecord) => isShared(record) && lane(record) : isShared
  if (options.keepUnsentLaneRecords && !readOnly) sendUnsentLaneRecords(store, doc, origin, inLane)
  loadDocIntoStore(store, doc, origin, options.firstPageName, readOnly, inLane, options.seedEmpty ?? true)

  // The editor is read-only too, but a read-only binding does not depend on it: it simply does not listen.
  const stopListening = readOnly ? () => {} : writeLocalChangesToDoc(store, doc, origin, inLane)

  const scheduleFrame = options.scheduleFrame ?? nextFrame
  /** Records changed by others since the last frame; read from the document when the frame comes. */
  const remotelyChanged = new Set<string>()
  let cancelFrame: (() => void) | null = null
  let frameDue = false
  const onRecordsChanged = (event: Y.YMapEvent<BoardRecord>, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    for (const id of event.keysChanged) if (!isTemplateLayerRecordId(id)) remotelyChanged.add(id)
    if (frameDue || remotelyChanged.size === 0) return
    frameDue = true
    const cancel = scheduleFrame(applyRemoteChanges)
    if (frameDue) cancelFrame = cancel
  }
  const applyRemoteChanges = () => {
    frameDue = false
    cancelFrame = null
    const changedIds = [...remotelyChanged]
    remotelyChanged.clear()
    store.mergeRemoteChanges(() => {
      // mergeRemoteChanges first flushes our own pending changes to the listener above, which may write the
      // same records again. So the values are read here, after that flush, not taken from the event: the
      // store then ends with exactly what the Yjs document (and so every other participant) holds.
      const toPut: TLRecord[] = []
      const toRemove: TLRecord['id'][] = []
      for (const id of changedIds) {
        const value = records.get(id)
        if (value === undefined) {
          const existing = store.get(id as TLRecord['id'])
          // A record that moved to another lane (a revealed sticky, now on the board) is not ours to remove.
          if (existing && inLane(existing)) toRemove.push(existing.id)
          continue
        }
        const record = validRecord(store, value, inLane)
        if (record) toPut.push(record)
      }
      if (toRemove.length > 0) store.remove(toRemove)
      if (toPut.length > 0) store.put(toPut)
    })
  }
  records.observe(onRecordsChanged)

  const meta = boardMeta(doc)
  const onMetaChanged = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has(BOARD_SCHEMA_KEY)) return
    const theirs = readStoredSchema(doc)
    if (theirs && !store.schema.getMigrationsSince(theirs as SerializedSchema).ok) options.onSchemaTooNew()
  }
  meta.observe(onMetaChanged)

  return {
    dispose() {
      stopListening()
      cancelFrame?.()
      records.unobserve(onRecordsChanged)
      meta.unobserve(onMetaChanged)
    },
  }
}

/** store → Yjs: each batch of the user's document changes becomes one transaction tagged with `origin`. */
function writeLocalChangesToDoc(
  store: TLStore,
  doc: Y.Doc,
  origin: object,
  inLane: (record: TLRecord) => boolean,
): () => void {
  const records = boardRecords(doc)
  return store.listen(
    ({ changes }) => {
      doc.transact(() => {
        for (const record of Object.values(changes.added)) if (inLane(record)) records.set(record.id, record)
        for (const [, record] of Object.values(changes.updated)) if (inLane(record)) records.set(record.id, record)
        for (const record of Object.values(changes.removed)) if (inLane(record)) records.delete(record.id)
      }, origin)
    },
    { source: 'user', scope: 'document' },
  )
}

function loadDocIntoStore(
  store: TLStore,
  doc: Y.Doc,
  origin: object,
  firstPageName: string,
  readOnly: boolean,
  inLane: (record: TLRecord) => boolean,
  seedEmpty: boolean,
): void {
  const records = boardRecords(doc)
  const ourSchema = store.schema.serialize()

  if (isBoardEmpty(doc) && !seedEmpty) {
    replaceDocumentRecords(store, [], inLane)
    return
  }
  if (isBoardEmpty(doc)) {
    // Ids are fixed (tldraw's own defaults), so two people opening a new board at the same moment both write
    // the same two keys: last writer wins per key and the board still has exactly one page.
    const seed: TLRecord[] = [
      DocumentRecordType.create({ id: TLDOCUMENT_ID }),
      PageRecordType.create({
        id: PageRecordType.createId('page'),
        name: firstPageName,
        index: getIndexAbove(null),
        meta: {},
      }),
    ]
    // An observer shows the same seed without writing it; the first writer's seed has the same ids, so it
    // replaces this one record for record when it arrives.
    if (!readOnly) {
      doc.transact(() => {
        for (const record of seed) records.set(record.id, record)
        writeStoredSchema(doc, ourSchema)
      }, origin)
    }
    replaceDocumentRecords(store, seed, inLane)
    return
  }

  // A board written before schemas were stored (or by a tool that skipped it) is taken as current: tldraw's
  // validation below still refuses records that do not fit.
  const theirSchema = (readStoredSchema(doc) as SerializedSchema | null) ?? ourSchema
  const migrations = store.schema.getMigrationsSince(theirSchema)
  if (!migrations.ok) {
    throw new BoardLoadError('too-new', `the board's schema is newer than this client's: ${migrations.error}`)
  }
  const stored = readBoardRecords(doc)
  // The cast hands unchecked JSON to tldraw, which migrates and then validates every record below.
  const snapshot = {
    schema: theirSchema,
    store: Object.fromEntries(stored) as unknown as SerializedStore<TLRecord>,
  }
  const migrated = store.schema.migrateStoreSnapshot(snapshot)
  if (migrated.type === 'error') {
    throw new BoardLoadError('unreadable', `the board could not be migrated: ${migrated.reason}`)
  }
  const loaded: TLRecord[] = []
  for (const value of Object.values(migrated.value)) {
    const record = validRecord(store, value, inLane)
    if (record) loaded.push(record)
  }

  if (!readOnly && (migrations.value.length > 0 || readStoredSchema(doc) === null)) {
    // Write the upgrade back once, so the next visitor need not migrate again. Only records that changed are
    // rewritten: every write grows the Yjs history.
    doc.transact(() => {
      for (const id of stored.keys()) if (!(id in migrated.value)) records.delete(id)
      for (const record of loaded) {
        if (JSON.stringify(stored.get(record.id)) !== JSON.stringify(record)) records.set(record.id, record)
      }
      writeStoredSchema(doc, ourSchema)
    }, origin)
  }
  replaceDocumentRecords(store, loaded, inLane)
}

/** Makes the store's shared document records exactly `records` (the template layer stays), as a remote change (no undo entry, no echo). */
function replaceDocumentRecords(store: TLStore, records: TLRecord[], inLane: (record: TLRecord) => boolean): void {
  const keep = new Set<string>(records.map((record) => record.id))
  store.mergeRemoteChanges(() => {
    const stale = store
      .allRecords()
      .filter((record) => store.scopedTypes.document.has(record.typeName) && inLane(record) && !keep.has(record.id))
      .map((record) => record.id)
    if (stale.length > 0) store.remove(stale)
    store.put(records)
  })
}

/** The store's records of the lane that the document does not hold yet, written into it (see `keepUnsentLaneRecords`). */
function sendUnsentLaneRecords(
  store: TLStore,
  doc: Y.Doc,
  origin: object,
  inLane: (record: TLRecord) => boolean,
): void {
  const records = boardRecords(doc)
  const unsent = store
    .allRecords()
    .filter((record) => store.scopedTypes.document.has(record.typeName) && inLane(record) && !records.has(record.id))
  if (unsent.length === 0) return
  doc.transact(() => {
    for (const record of unsent) records.set(record.id, record)
  }, origin)
}

/** Whether a document record belongs in the board room (the template layer's do not). */
function isShared(record: TLRecord): boolean {
  return !isTemplateLayerRecordId(record.id)
}

/**
 * A record from the network as tldraw accepts it, or null. One malformed record (from a buggy or hostile
 * peer) is skipped rather than failing the whole batch it came in.
 */
function validRecord(store: TLStore, value: unknown, inLane: (record: TLRecord) => boolean): TLRecord | null {
  if (typeof value !== 'object' || value === null || !('typeName' in value) || !('id' in value)) return null
  try {
    const candidate = value as TLRecord
    if (!store.scopedTypes.document.has(candidate.typeName) || !inLane(candidate)) return null
    return store.schema.validateRecord(store, candidate, 'updateRecord', store.get(candidate.id) ?? null)
  } catch (error) {
    console.warn('Werkplaats: skipped a board record that does not fit the schema', error)
    return null
  }
}
