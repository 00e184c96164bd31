/**
 * Where a room's Yjs document lives between server runs.
 *
 * A document is stored as an append-only log of Yjs updates plus, after compaction, one snapshot that
 * replaces the log entries it covers. The room manager only talks to this interface, so the embedded SQLite
 * store and a PostgreSQL store (for several instances) are interchangeable; both must pass the same
 * contract tests (`test/documentStore.contract.ts`).
 *
 * Several server instances may share one store (PostgreSQL). So that each can tell whether it has folded in
 * everything up to some point, sequence numbers come from the store and are contiguous per room (1, 2, 3, …, in
 * the order the appends were committed): an instance that has seen 5 and 7 knows it is missing 6 and reads it
 * with `loadSince`.
 */
export interface DocumentStore {
  /** Every stored update of the room, oldest first (a snapshot, if any, comes first). Empty for a new room. */
  load(room: string): Promise<StoredDocument>
  /**
   * Appends one update. When the returned promise resolves the update is durable: the room relays an update
   * only after this, so that nothing a client has seen can be lost by a crash. Resolves to the entry's
   * sequence number, one more than the room's previous entry's, whichever instance wrote that.
   */
  append(room: string, update: Uint8Array): Promise<number>
  /**
   * What is newer than `afterSeq`: the entries after it, oldest first, with a snapshot first if a compaction
   * has folded some of them into one (the snapshot carries the sequence number of the last entry it covers).
   * `lastSeq` is the newest entry's number, or `afterSeq` when nothing is newer. `loadSince(room, 0)` is `load`.
   */
  loadSince(room: string, afterSeq: number): Promise<StoredDocument>
  /**
   * Replaces the log entries up to and including `throughSeq` with `snapshot`, atomically. The caller vouches that
   * `snapshot` holds every one of those entries (including those other instances appended): a room compacts
   * only through the last sequence number below which it has applied every entry.
   */
  compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void>
  /**
   * Removes every entry of the room (its session was deleted) and remembers that it was deleted: from then on
   * `append` and `compact` for the room reject with `RoomDeletedError`, from this store and any other on the same
   * data. An instance that did not hear of the deletion (a lost fan-out message) thus cannot store the room again,
   * neither an edit nor the snapshot it would write when unloading. An append that commits before the delete is
   * removed with the rest. Room names are never reused (they carry the session id), so the mark is for good.
   */
  delete(room: string): Promise<void>
  /** Resolves once the store has answered a trivial query; rejects when it cannot (readiness, `/readyz`). */
  ping(): Promise<void>
  close(): Promise<void>
}

/** The room was deleted (`DocumentStore.delete`); nothing more is stored for it. */
export class RoomDeletedError extends Error {
  override name = 'RoomDeletedError'
  constructor(room: string) {
    super(`room ${room} was deleted; nothing more is stored for it`)
  }
}

export interface StoredDocument {
  updates: Uint8Array[]
  /** Sequence number of the newest entry; 0 for an empty room. Passed back to `compact`. */
  lastSeq: number
  /** Bytes of all entries, so the room can decide when to compact. */
  bytes: number
}

/** A `StoredDocument` from rows in sequence order; `afterSeq` is the answer's `lastSeq` when there are none. */
export function storedDocument(
  rows: ReadonlyArray<{ seq: number | string; data: Uint8Array }>,
  afterSeq: number,
): StoredDocument {
  let bytes = 0
  for (const row of rows) bytes += row.data.byteLength
  const last = rows.at(-1)
  return { updates: rows.map((row) => row.data), lastSeq: last ? Number(last.seq) : afterSeq, bytes }
}
