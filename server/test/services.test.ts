import pg from 'pg'
import { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'
import { startPostgres, startRedis } from './support/services.ts'

// The throw-away servers the PostgreSQL and Redis tests run on: if these fail, the message says what to install.
describe('test services', () => {
  it('starts PostgreSQL with a fresh database per call, and removes it', async () => {
    const postgres = await startPostgres()
    try {
      const [a, b] = [await postgres.createDatabase(), await postgres.createDatabase()]
      expect(a).not.toBe(b)
      const client = new pg.Client({ connectionString: a })
      await client.connect()
      expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
      await client.end()
    } finally {
      await postgres.stop()
    }
  })

  it('starts Redis, kills it and brings it back on the same port', async () => {
    const redis = await startRedis()
    const probe = () => {
      const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
      client.on('error', () => {}) // the refused connection is what the test expects; the rejection says so
      return client
        .connect()
        .then(() => client.ping())
        .finally(() => client.disconnect())
    }
    try {
      expect(await probe()).toBe('PONG')
      await redis.kill()
      await expect(probe()).rejects.toThrow()
      await redis.start()
      expect(await probe()).toBe('PONG')
    } finally {
      await redis.stop()
    }
  })
})
