import * as Y from 'yjs'
import { defaultFacilitationState, facilitationFieldSchemas } from './state.ts'
import type { FacilitationField, FacilitationState } from './state.ts'

/**
 * How the facilitation state lives in the control room's Yjs document: one Y.Map `facilitation`, one key
 * per field (`stageId`, `timer`, …), each value plain JSON replaced whole. One key per field lets the
 * facilitator change the timer and the stage concurrently without one overwriting the other, and lets a
 * reader validate each field on its own. Values come from the network, so reads validate and fall back to
 * the field's default; writes validate too, so a bug in the facilitator's client fails there, loudly.
 */
export const FACILITATION_MAP = 'facilitation'

export const facilitationFields = Object.keys(facilitationFieldSchemas) as FacilitationField[]

export function facilitationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FACILITATION_MAP)
}

export function readFacilitationField<K extends FacilitationField>(doc: Y.Doc, field: K): FacilitationState[K] {
  const parsed = facilitationFieldSchemas[field].safeParse(facilitationMap(doc).get(field))
  return parsed.success ? (parsed.data as FacilitationState[K]) : defaultFacilitationState[field]
}

export function readFacilitation(doc: Y.Doc): FacilitationState {
  return {
    stageId: readFacilitationField(doc, 'stageId'),
    follow: readFacilitationField(doc, 'follow'),
    summon: readFacilitationField(doc, 'summon'),
    timer: readFacilitationField(doc, 'timer'),
    templateLock: readFacilitationField(doc, 'templateLock'),
    privateWriting: readFacilitationField(doc, 'privateWriting'),
    rounds: readFacilitationField(doc, 'rounds'),
    layoutOverrides: readFacilitationField(doc, 'layoutOverrides'),
    stageHistory: readFacilitationField(doc, 'stageHistory'),
    exportsForEveryone: readFacilitationField(doc, 'exportsForEveryone'),
    cursors: readFacilitationField(doc, 'cursors'),
    timerAutoStart: readFacilitationField(doc, 'timerAutoStart'),
  }
}

/** Writes one field; throws (before touching the document) when the value does not fit its schema. */
export function writeFacilitationField<K extends FacilitationField>(
  doc: Y.Doc,
  field: K,
  value: FacilitationState[K],
): void {
  const parsed = facilitationFieldSchemas[field].parse(value)
  facilitationMap(doc).set(field, parsed)
}

/** Several fields in one transaction, so observers see them change together (e.g. stage and timer). */
export function writeFacilitation(doc: Y.Doc, changes: Partial<FacilitationState>): void {
  const entries = Object.entries(changes) as [FacilitationField, unknown][]
  const parsed = entries.map(([field, value]) => [field, facilitationFieldSchemas[field].parse(value)] as const)
  doc.transact(() => {
    for (const [field, value] of parsed) facilitationMap(doc).set(field, value)
  })
}

/**
 * Whether a field name may be written by anyone at all: the server's check of a facilitator's update can
 * refuse keys that are not part of the layout.
 */
export function isFacilitationField(key: string): key is FacilitationField {
  return Object.hasOwn(facilitationFieldSchemas, key)
}
