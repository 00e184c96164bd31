import type { JsonObject, TLRecord } from 'tldraw'

/**
 * Which records are private stickies, and whose: a sticky written while "Privé schrijven" is on carries
 * `meta.private: true` and `meta.privateOwner: <participant id>`, and lives in its owner's private room until
 * the facilitator reveals it (the server then copies it to the board room with `meta.private: false`). The
 * store binding keeps one lane per document with these predicates (see `board/storeBinding.ts`). Records come
 * from the network unchecked, so these read `meta` defensively.
 */
function metaOf(record: TLRecord): Record<string, unknown> | null {
  const meta: unknown = 'meta' in record ? record.meta : null
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : null
}

export function isPrivateRecord(record: TLRecord): boolean {
  return metaOf(record)?.private === true
}

export function privateOwnerOf(record: TLRecord): string | null {
  const owner = metaOf(record)?.privateOwner
  return isPrivateRecord(record) && typeof owner === 'string' ? owner : null
}

/** The board room's lane: everything but private stickies, which must never reach the board room. */
export function isBoardLaneRecord(record: TLRecord): boolean {
  return !isPrivateRecord(record)
}

/** One participant's private room's lane: their private stickies, nothing else. */
export function privateLaneOf(participantId: string): (record: TLRecord) => boolean {
  return (record) => privateOwnerOf(record) === participantId
}

/** The meta a new sticky gets while private writing is on. */
export function privateMeta(meta: JsonObject, participantId: string): JsonObject {
  return { ...meta, private: true, privateOwner: participantId }
}
