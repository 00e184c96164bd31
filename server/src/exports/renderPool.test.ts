import { buildSummary } from '@werkplaats/shared'
import { fixtureInput } from '@werkplaats/shared/summary/fixture'
import { afterEach, describe, expect, it } from 'vitest'
import { statusOf } from '../http/errors.ts'
import { ExportUnavailableError, RenderPool, type RenderPoolOptions } from './renderPool.ts'

const summary = buildSummary(fixtureInput)
const pools: RenderPool[] = []
const poolWith = (options: Partial<RenderPoolOptions> = {}) => {
  const pool = new RenderPool({ workers: 1, maxQueued: 1, timeoutMs: 60_000, maxInputBytes: 64 * 1024 * 1024, ...options })
  pools.push(pool)
  return pool
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

describe('the render pool', () => {
  it('renders every format in a worker', async () => {
    const pool = poolWith()
    expect(await pool.render({ format: 'md', summary, language: 'nl' })).toContain('# Samenvatting')
    expect(await pool.render({ format: 'json', summary, language: 'nl' })).toContain('"schemaVersion"')
    expect(await pool.render({ format: 'csv', summary, language: 'en' })).toContain('Kind,')
    const pdf = await pool.render({ format: 'pdf', summary, language: 'nl' })
    expect(pdf).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(pdf as Uint8Array).subarray(0, 5).toString()).toBe('%PDF-')
  }, 60_000)

  it('queues what it may and refuses the rest with a 503 that says why', async () => {
    const pool = poolWith({ workers: 1, maxQueued: 1 })
    const rendering = pool.render({ format: 'pdf', summary, language: 'nl' })
    const waiting = pool.render({ format: 'md', summary, language: 'nl' })
    const refused = pool.render({ format: 'csv', summary, language: 'nl' })
    await expect(refused).rejects.toThrow(new ExportUnavailableError('too many exports at once (1 rendering, 1 waiting); try again in a moment'))
    await expect(rendering).resolves.toBeInstanceOf(Uint8Array)
    await expect(waiting).resolves.toContain('# Samenvatting')
  }, 60_000)

  it('stops a render past its time, and frees its place for the next one', async () => {
    const pool = poolWith({ workers: 1, maxQueued: 0, timeoutMs: 1 })
    for (const format of ['pdf', 'md'] as const) {
      // Not "too many exports": the stopped worker no longer counts.
      await expect(pool.render({ format, summary, language: 'nl' })).rejects.toThrow('the export took longer than 0.001 s and was stopped')
    }
  }, 60_000)

  it('refuses a summary over its size limit before it starts', async () => {
    const pool = poolWith({ maxInputBytes: 1024 })
    await expect(pool.render({ format: 'json', summary, language: 'nl' })).rejects.toThrow(/^this session's summary is too large to export \(\d+ KiB; the limit is 1 KiB\)$/)
  })

  it('ends what waits and what renders when closed', async () => {
    const pool = poolWith({ workers: 1, maxQueued: 1 })
    const rendering = pool.render({ format: 'pdf', summary, language: 'nl' })
    const waiting = pool.render({ format: 'md', summary, language: 'nl' })
    const outcomes = Promise.allSettled([rendering, waiting])
    await pool.close()
    for (const outcome of await outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'the server is shutting down' } })
      expect(outcome.status === 'rejected' && statusOf(outcome.reason)).toBe(503)
    }
    await expect(pool.render({ format: 'md', summary, language: 'nl' })).rejects.toThrow('the server is shutting down')
  }, 60_000)
})
