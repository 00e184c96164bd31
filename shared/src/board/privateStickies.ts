import type { BoardRecord } from './layout.ts'

/**
 * What makes a board record private, on every client and on the server alike. A sticky written while
 * "Privé schrijven" is on carries `meta.private: true` and `meta.privateOwner: <participant id>`, and lives in its
 * owner's private room until the facilitator reveals it; revealing copies it to the board room with
 * `meta.private: false`. Records come from the network unchecked, so these read `meta` defensively.
 */

type Meta = Readonly<Record<string, unknown>>

function metaOf(record: unknown): Meta | null {
  if (typeof record !== 'object' || record === null || !('meta' in record)) return null
  const meta: unknown = record.meta
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta) ? (meta as Meta) : null
}

export function isPrivateRecord(record: unknown): boolean {
  return metaOf(record)?.private === true
}

/** The participant whose private sticky this is; null for anything not private (or without a readable owner). */
export function privateOwnerOf(record: unknown): string | null {
  const owner = metaOf(record)?.privateOwner
  return isPrivateRecord(record) && typeof owner === 'string' ? owner : null
}

/** The meta of a sticky written privately by `participantId`: the rest of `meta` kept as it is. */
export function privateMeta<M extends object>(
  meta: M,
  participantId: string,
): M & { private: true; privateOwner: string } {
  return { ...meta, private: true, privateOwner: participantId }
}

/** The record as the reveal puts it on the board: no longer private; its owner stays noted in its meta. */
export function revealedRecord<R extends BoardRecord>(record: R): R {
  return { ...record, meta: { ...metaOf(record), private: false } }
}
