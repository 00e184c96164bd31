import { mkdirSync } from 'node:fs'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { type DocumentStore, RoomDeletedError, type StoredDocument, storedDocument } from './documentStore.ts'
import { sqliteFile } from './sqliteDatabase.ts'
import { migrate } from './sqliteMigrations.ts'
import { log } from '../observability/log.ts'

/**
 * The embedded default: one SQLite file in DATA_DIR through Node's built-in `node:sqlite`.
 *
 * WAL with synchronous=NORMAL: a commit survives the process being killed (the WAL is in the OS page cache),
 * at about a tenth of the cost of FULL. Only a power cut can lose the last few commits.
 *
 * Group commit: appends made in the same turn of the event loop, from every room, are written in one
 * transaction in the next turn, and each append's promise resolves only after that commit. A busy server thus
 * writes a few pages per turn instead of a few pages per update, and a relay still never precedes its commit.
 *
 * node:sqlite is synchronous; the interface's promises keep the room code the same for asynchronous stores.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly #db: DatabaseSync
  readonly #insert: StatementSync
  readonly #select: StatementSync
  readonly #selectSince: StatementSync
  readonly #deleteThrough: StatementSync
  readonly #insertSnapshot: StatementSync
  readonly #deleteRoom: StatementSync
  readonly #markDeleted: StatementSync
  readonly #isDeleted: StatementSync
  #pending: PendingAppend[] = []
  #commitScheduled: NodeJS.Immediate | undefined

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.#db = new DatabaseSync(sqliteFile(dataDir))
    // auto_vacuum must be chosen before the first table exists; it lets compaction hand freed pages back.
    // journal_size_limit truncates the WAL after a checkpoint instead of leaving it at its largest size.
    this.#db.exec(`
      PRAGMA auto_vacuum = INCREMENTAL;
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA busy_timeout = 5000;
      PRAGMA journal_size_limit = 8388608;
    `)
    // The schema is the migrations' (document_updates, deleted_rooms), whichever SQLite store opens the file first.
    migrate(this.#db)
    this.#insert = this.#db.prepare(
      `INSERT INTO document_updates (room, seq, data)
       VALUES (?, COALESCE((SELECT MAX(seq) FROM document_updates WHERE room = ?), 0) + 1, ?)
       RETURNING seq`,
    )
    this.#select = this.#db.prepare('SELECT seq, data FROM document_updates WHERE room = ? ORDER BY seq')
    this.#selectSince = this.#db.prepare(
      'SELECT seq, data FROM document_updates WHERE room = ? AND seq > ? ORDER BY seq',
    )
    this.#deleteThrough = this.#db.prepare('DELETE FROM document_updates WHERE room = ? AND seq <= ?')
    // The snapshot takes the sequence number of the last entry it covers, so later appends still sort after it.
    this.#insertSnapshot = this.#db.prepare('INSERT INTO document_updates (room, seq, data) VALUES (?, ?, ?)')
    this.#deleteRoom = this.#db.prepare('DELETE FROM document_updates WHERE room = ?')
    this.#markDeleted = this.#db.prepare(
      'INSERT INTO deleted_rooms (room, deleted_at) VALUES (?, ?) ON CONFLICT (room) DO NOTHING',
    )
    this.#isDeleted = this.#db.prepare('SELECT 1 AS deleted FROM deleted_rooms WHERE room = ?')
  }

  async load(room: string): Promise<StoredDocument> {
    return storedDocument(this.#select.all(room) as Array<{ seq: number; data: Uint8Array }>, 0)
  }

  async loadSince(room: string, afterSeq: number): Promise<StoredDocument> {
    return storedDocument(this.#selectSince.all(room, afterSeq) as Array<{ seq: number; data: Uint8Array }>, afterSeq)
  }

  append(room: string, update: Uint8Array): Promise<number> {
    if (!this.#db.isOpen) return Promise.reject(new Error('the document store is closed'))
    return new Promise((resolve, reject) => {
      this.#pending.push({ room, update, resolve, reject })
      this.#commitScheduled ??= setImmediate(this.#commit)
    })
  }

  #commit = (): void => {
    clearImmediate(this.#commitScheduled)
    this.#commitScheduled = undefined
    const batch = this.#pending
    this.#pending = []
    if (batch.length === 0) return
    // A sequence number, or why that one append is refused while the rest of the batch goes in.
    const outcomes: Array<number | RoomDeletedError> = []
    try {
      this.#db.exec('BEGIN IMMEDIATE')
      for (const { room, update } of batch) {
        // Checked inside the write transaction: a delete (from this store or another on the file) is either
        // wholly before it or wholly after it, and after it deletes what went in.
        if (this.#wasDeleted(room)) outcomes.push(new RoomDeletedError(room))
        else outcomes.push((this.#insert.get(room, room, update) as { seq: number }).seq)
      }
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#rollback()
      for (const append of batch) append.reject(error)
      return
    }
    batch.forEach((append, i) => {
      const outcome = outcomes[i]
      if (typeof outcome === 'number') append.resolve(outcome)
      else append.reject(outcome)
    })
  }

  #wasDeleted(room: string): boolean {
    return this.#isDeleted.get(room) !== undefined
  }

  /** Never throws: it runs on error paths, where the first error is the one worth reporting. */
  #rollback(): void {
    try {
      if (this.#db.isOpen && this.#db.isTransaction) this.#db.exec('ROLLBACK')
    } catch {
      // The transaction is gone either way.
    }
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (throughSeq === 0) return
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      // The snapshot of a deleted room (an instance unloading it late) would bring it back.
      if (this.#wasDeleted(room)) throw new RoomDeletedError(room)
      // Nothing left at or below throughSeq: another instance compacted further, and its snapshot holds all this one has.
      if (Number(this.#deleteThrough.run(room, throughSeq).changes) > 0)
        this.#insertSnapshot.run(room, throughSeq, snapshot)
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#rollback()
      throw error
    }
    try {
      this.#db.exec('PRAGMA incremental_vacuum')
    } catch (error) {
      // Compaction is done; giving pages back can wait for the next one.
      log.error({ part: 'store', err: error }, 'incremental vacuum failed')
    }
  }

  async delete(room: string): Promise<void> {
    // Appends of this turn for the room are committed first (and removed below); later ones find the mark.
    this.#commit()
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      this.#markDeleted.run(room, Date.now())
      this.#deleteRoom.run(room)
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#rollback()
      throw error
    }
  }

  async ping(): Promise<void> {
    if (!this.#db.isOpen) throw new Error('the document store is closed')
    this.#db.prepare('SELECT 1').get()
  }

  async close(): Promise<void> {
    if (!this.#db.isOpen) return
    this.#commit()
    this.#db.close()
  }
}

interface PendingAppend {
  room: string
  update: Uint8Array
  resolve: (seq: number) => void
  reject: (error: unknown) => void
}
