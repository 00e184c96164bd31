/**
 * Where a room's Yjs document lives between server runs.
 *
 * A document is stored as an append-only log of Yjs updates plus, after compaction, one snapshot that
 * replaces the log entries it covers. The room manager only talks to this interface, so the embedded SQLite
 * store and a PostgreSQL store (for several instances) are interchangeable; both must pass the same
 * contract tests (`test/documentStore.contract.ts`).
 */
export interface DocumentStore {
  /** Every stored update of the room, oldest first (a snapshot, if any, comes first). Empty for a new room. */
  load(room: string): Promise<StoredDocument>
  /**
   * Appends one update. When the returned promise resolves the update is durable: the room relays an update
   * only after this, so that nothing a client has seen can be lost by a crash. Resolves to the entry's
   * sequence number.
   */
  append(room: string, update: Uint8Array): Promise<number>
  /** Replaces the log entries up to and including `throughSeq` with `snapshot`, atomically. */
  compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void>
  /** Removes every entry of the room (its session was deleted). */
  delete(room: string): Promise<void>
  close(): Promise<void>
}

export interface StoredDocument {
  updates: Uint8Array[]
  /** Sequence number of the newest entry; 0 for an empty room. Passed back to `compact`. */
  lastSeq: number
  /** Bytes of all entries, so the room can decide when to compact. */
  bytes: number
}
