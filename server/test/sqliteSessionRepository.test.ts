import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SqliteDocumentStore } from '../src/store/sqliteStore.ts'
import { latestMigration } from '../src/store/sqliteMigrations.ts'
import { SqliteSessionRepository } from '../src/store/sqliteSessionRepository.ts'
import { sessionRepositoryContract } from './sessionRepository.contract.ts'
import { temporaryDataDir } from './support/serverProcess.ts'

sessionRepositoryContract('SqliteSessionRepository', () => {
  const dir = temporaryDataDir()
  return {
    repository: new SqliteSessionRepository(dir.path),
    reopen: () => new SqliteSessionRepository(dir.path),
    cleanup: () => dir.remove(),
  }
})

describe('SQLite migrations', () => {
  it('run once, in order, whichever store opens the file first', async () => {
    const dir = temporaryDataDir()
    const documents = new SqliteDocumentStore(dir.path)
    const sessions = new SqliteSessionRepository(dir.path)
    await sessions.close()
    await new SqliteSessionRepository(dir.path).close()
    await documents.close()
    const db = new DatabaseSync(join(dir.path, 'werkplaats.sqlite'))
    const versions = db
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .all()
      .map((row) => row.version)
    expect(versions).toEqual(Array.from({ length: latestMigration }, (_, i) => i + 1))
    db.close()
    dir.remove()
  })
})
