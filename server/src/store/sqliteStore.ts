import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type { DocumentStore, StoredDocument } from './documentStore.ts'

/**
 * The embedded default: one SQLite file in DATA_DIR through Node's built-in `node:sqlite`.
 *
 * WAL with synchronous=NORMAL: each append is a committed transaction that survives the process being killed
 * (the WAL is in the OS page cache), at about a tenth of the cost of FULL. Only a power cut can lose the last
 * few commits, which no y-websocket client could have been told about anyway on a single machine.
 *
 * node:sqlite is synchronous; the methods return settled promises so the interface fits asynchronous stores.
 */
export class SqliteDocumentStore implements DocumentStore {
  readonly #db: DatabaseSync
  readonly #insert: StatementSync
  readonly #select: StatementSync
  readonly #deleteThrough: StatementSync
  readonly #insertSnapshot: StatementSync

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true })
    this.#db = new DatabaseSync(join(dataDir, 'werkplaats.sqlite'))
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS document_updates (
        room TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (room, seq)
      ) WITHOUT ROWID;
    `)
    this.#insert = this.#db.prepare(
      `INSERT INTO document_updates (room, seq, data)
       VALUES (?, COALESCE((SELECT MAX(seq) FROM document_updates WHERE room = ?), 0) + 1, ?)
       RETURNING seq`,
    )
    this.#select = this.#db.prepare('SELECT seq, data FROM document_updates WHERE room = ? ORDER BY seq')
    this.#deleteThrough = this.#db.prepare('DELETE FROM document_updates WHERE room = ? AND seq <= ?')
    // The snapshot takes the sequence number of the last entry it covers, so later appends still sort after it.
    this.#insertSnapshot = this.#db.prepare('INSERT INTO document_updates (room, seq, data) VALUES (?, ?, ?)')
  }

  async load(room: string): Promise<StoredDocument> {
    const rows = this.#select.all(room) as Array<{ seq: number; data: Uint8Array }>
    let bytes = 0
    for (const row of rows) bytes += row.data.byteLength
    return { updates: rows.map((row) => row.data), lastSeq: rows.at(-1)?.seq ?? 0, bytes }
  }

  async append(room: string, update: Uint8Array): Promise<number> {
    const row = this.#insert.get(room, room, update) as { seq: number }
    return row.seq
  }

  async compact(room: string, snapshot: Uint8Array, throughSeq: number): Promise<void> {
    if (throughSeq === 0) return
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      this.#deleteThrough.run(room, throughSeq)
      this.#insertSnapshot.run(room, throughSeq, snapshot)
      this.#db.exec('COMMIT')
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close()
  }
}
