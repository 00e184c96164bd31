import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { migrate } from './sqliteMigrations.ts'

/** The one SQLite file of an instance: documents, sessions and votes, in `DATA_DIR`. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'werkplaats.sqlite')
}

/**
 * A connection of the session and vote repositories to the one SQLite file in DATA_DIR, migrated. Each
 * repository has its own; node:sqlite is synchronous and every transaction completes within one call, so the
 * connections never wait on each other inside one process. (The document store opens its own with its
 * write-heavy settings, see `sqliteStore.ts`.)
 */
export function openRepositoryDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true })
  const db = new DatabaseSync(sqliteFile(dataDir))
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    PRAGMA busy_timeout = 5000;
    PRAGMA foreign_keys = ON;
  `)
  migrate(db)
  return db
}

/** Runs `work` in one immediate transaction: committed when it returns, rolled back when it throws. */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE')
  try {
    const result = work()
    db.exec('COMMIT')
    return result
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
}
