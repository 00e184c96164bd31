import { type DocumentStore, RoomDeletedError, type StoredDocument, storedDocument } from './documentStore.ts'
import { fromBytea, type PostgresDatabase, toBytea } from './postgresDatabase.ts'

/**
 * Documents in PostgreSQL, for several server instances sharing one store.
 *
 * An append is one statement: it increments the room's counter in `document_rooms` and inserts the update under
 * the new number. The counter's row stays locked until the statement commits, so two instances appending to one
 * room take turns and the numbers are contiguous and in commit order — what lets an instance notice an entry it
 * has not seen (see `DocumentStore`). Appends to different rooms do not wait on each other.
 */
export class PostgresDocumentStore implements DocumentStore {
  readonly #db: PostgresDatabase
  /** The last append of each room still in flight from this instance; see `append`. */
  readonly #tails = new Map<string, Promise<unknown>>()
  #closed = false

  constructor(db: PostgresDatabase) {
    this.#db = db
    db.retain()
  }

  async load(room: string): Promise<StoredDocument> {
    return this.loadSince(room, 0)
  }

  async loadSince(room: string, afterSeq: number): Promise<StoredDocument> {
    const { rows } = await this.#db.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM document_updates WHERE room = $1 AND seq > $2 ORDER BY seq',
      [room, afterSeq],
    )
    return storedDocument(
      rows.map((row) => ({ seq: row.seq, data: fromBytea(row.data) })),
      afterSeq,
    )
  }

  append(room: string, update: Uint8Array): Promise<number> {
    if (this.#closed) return Promise.reject(new Error('the document store is closed'))
    // One room's appends from this instance go one after the other, so they are numbered in the order they were
    // made, as with SQLite; on separate pool connections they could overtake each other. (A room appends one
    // batch at a time anyway; this costs it nothing.)
    const previous = this.#tails.get(room) ?? Promise.resolve()
    const appended = previous.catch(() => {}).then(() => this.#insert(room, update))
    this.#tails.set(room, appended)
    void appended
      .catch(() => {})
      .finally(() => {
        if (this.#tails.get(room) === appended) this.#tails.delete(room)
      })
    return appended
  }

  async #insert(room: string, update: Uint8Array): Promise<number> {
    // A deleted room's counter row is kept, marked: the update finds no row to count on, and nothing is inserted.
    const { rows } = await this.#db.pool.query<{ seq: string }>(
      `WITH next AS (
         INSERT INTO document_rooms (room, last_seq) VALUES ($1, 1)
         ON CONFLICT (room) DO UPDATE SET last_seq = document_rooms.last_seq + 1
         WHERE document_rooms.deleted_at IS NULL
         RETURNING last_seq
       )
       INSERT INTO document_updates (room, seq, data) SELECT $1, last_seq, $2 FROM next RETURNING seq`,
      [room, toBytea(update)],
    )
    const seq = rows[0]?.seq
    if (seq === undefined) throw new RoomDeletedError(room)
    return Number(seq)
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (throughSeq === 0) return
    await this.#db.transaction(async (client) => {
      // The room's counter row, locked: appends to the room wait until the snapshot is in, and so does another
      // instance compacting the same room.
      const counter = await client.query<{ deleted_at: string | null }>(
        'SELECT deleted_at FROM document_rooms WHERE room = $1 FOR UPDATE',
        [room],
      )
      // The snapshot of a deleted room (an instance unloading it late) would bring it back.
      if ((counter.rows[0]?.deleted_at ?? null) !== null) throw new RoomDeletedError(room)
      const deleted = await client.query('DELETE FROM document_updates WHERE room = $1 AND seq <= $2', [
        room,
        throughSeq,
      ])
      // Nothing left at or below throughSeq: another instance has compacted further already, and its snapshot
      // holds everything this one would write.
      if (deleted.rowCount === 0) return
      // The snapshot takes the sequence number of the last entry it covers, so later appends still sort after it.
      await client.query('INSERT INTO document_updates (room, seq, data) VALUES ($1, $2, $3)', [
        room,
        throughSeq,
        toBytea(snapshot),
      ])
    })
  }

  async delete(room: string): Promise<void> {
    await this.#db.transaction(async (client) => {
      // The counter row is marked (and locked) first: appends and compactions in flight on any instance finish
      // before it, and their rows go below; those after it find the mark and store nothing.
      await client.query(
        `INSERT INTO document_rooms (room, last_seq, deleted_at) VALUES ($1, 0, $2)
         ON CONFLICT (room) DO UPDATE SET deleted_at = COALESCE(document_rooms.deleted_at, EXCLUDED.deleted_at)`,
        [room, Date.now()],
      )
      await client.query('DELETE FROM document_updates WHERE room = $1', [room])
    })
  }

  async ping(): Promise<void> {
    if (this.#closed) throw new Error('the document store is closed')
    await this.#db.pool.query('SELECT 1')
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#db.release()
  }
}
