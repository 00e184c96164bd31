import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseUnavailableError, PostgresDatabase } from '../src/store/postgresDatabase.ts'
import { postgresMigrations } from '../src/store/postgresMigrations.ts'
import { PostgresSessionRepository } from '../src/store/postgresSessionRepository.ts'
import { PostgresDocumentStore } from '../src/store/postgresStore.ts'
import { PostgresVoteRepository } from '../src/store/postgresVoteRepository.ts'
import { documentStoreContract } from './documentStore.contract.ts'
import { sessionRepositoryContract } from './sessionRepository.contract.ts'
import { configFromEnvironment } from '../src/config.ts'
import { freePort, ServerProcess } from './support/serverProcess.ts'
import { createSession } from './support/sessions.ts'
import { startPostgres, type TestPostgres } from './support/services.ts'
import { voteRepositoryContract } from './voteRepository.contract.ts'

// One throw-away cluster for this file; every store under test gets a database of its own.
let postgres: TestPostgres
beforeAll(async () => {
  postgres = await startPostgres()
})
afterAll(async () => {
  await postgres?.stop()
})

/** Each store opened on its own `PostgresDatabase` (pool), as separate server instances would. */
async function fresh(): Promise<{ url: string; databases: PostgresDatabase[]; connect(): Promise<PostgresDatabase> }> {
  const url = await postgres.createDatabase()
  const databases: PostgresDatabase[] = []
  return {
    url,
    databases,
    async connect() {
      const database = await PostgresDatabase.connect(url)
      databases.push(database)
      return database
    },
  }
}

documentStoreContract('PostgresDocumentStore', async () => {
  const db = await fresh()
  return {
    store: new PostgresDocumentStore(await db.connect()),
    reopen: async () => new PostgresDocumentStore(await db.connect()),
    cleanup: () => {},
  }
})

sessionRepositoryContract('PostgresSessionRepository', async () => {
  const db = await fresh()
  return {
    repository: new PostgresSessionRepository(await db.connect()),
    reopen: async () => new PostgresSessionRepository(await db.connect()),
    cleanup: () => {},
  }
})

voteRepositoryContract('PostgresVoteRepository', async () => {
  const db = await fresh()
  const database = await db.connect()
  return {
    votes: new PostgresVoteRepository(database),
    sessions: new PostgresSessionRepository(database),
    another: async () => new PostgresVoteRepository(await db.connect()),
    cleanup: () => {},
  }
})

describe('PostgreSQL at start', () => {
  it('runs the migrations once, whichever of several instances starting together gets there first', async () => {
    const { url } = await fresh()
    const databases = await Promise.all([1, 2, 3].map(() => PostgresDatabase.connect(url)))
    const { rows } = await databases[0]!.pool.query<{ version: number }>(
      'SELECT version FROM schema_migrations ORDER BY version',
    )
    expect(rows.map((row) => row.version)).toEqual(postgresMigrations.map((m) => m.version))
    for (const database of databases) await database.pool.end()
  })

  it('says which server it could not reach, without the password', async () => {
    const url = `postgres://werkplaats:geheim@127.0.0.1:${await freePort()}/werkplaats`
    const failure = PostgresDatabase.connect(url)
    await expect(failure).rejects.toBeInstanceOf(DatabaseUnavailableError)
    await expect(failure).rejects.toThrow(/cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/werkplaats \(DATABASE_URL\)/)
    await expect(failure).rejects.not.toThrow(/geheim/)
  })
})

describe('choosing PostgreSQL through the environment', () => {
  it('refuses a DATABASE_URL that is not one, and REDIS_URL without a shared store', () => {
    expect(() => configFromEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\//)
    expect(() => configFromEnvironment({ REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /REDIS_URL: .*set DATABASE_URL too/,
    )
    expect(configFromEnvironment({ DATABASE_URL: 'postgresql://u:p@db/w' }).databaseUrl).toBe('postgresql://u:p@db/w')
  })

  it('stops the server at start, saying so, when PostgreSQL cannot be reached', async () => {
    const server = await ServerProcess.launch({
      DATABASE_URL: `postgres://werkplaats@127.0.0.1:${await freePort()}/werkplaats`,
    }).catch((error: unknown) => error)
    expect(String(server)).toMatch(
      /Werkplaats could not start: cannot reach PostgreSQL at 127\.0\.0\.1:\d+\/werkplaats \(DATABASE_URL\)/,
    )
  })

  it('keeps sessions in PostgreSQL, not in the data folder: a restart with a new one finds them', async () => {
    const env = { DATABASE_URL: await postgres.createDatabase() }
    const first = await ServerProcess.launch(env)
    const session = await createSession(first.url)
    await first.destroy()
    const second = await ServerProcess.launch(env)
    try {
      const found = await fetch(`${second.url}/api/sessions/${session.id}`, {
        headers: { authorization: `Bearer ${session.facilitatorToken}` },
      })
      expect(found.status).toBe(200)
      expect(second.output).toMatch(/"data":"PostgreSQL at 127\.0\.0\.1:\d+\/werkplaats_test_/)
    } finally {
      await second.destroy()
    }
  })
})
