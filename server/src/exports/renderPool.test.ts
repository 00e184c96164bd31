import { boardRecords } from '@werkplaats/shared'
import { fixtureRecords, WORKSHOP_START } from '@werkplaats/shared/summary/fixture'
import { readdirSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { readPdf } from '../../test/support/pdf.ts'
import { statusOf } from '../http/errors.ts'
import * as Y from 'yjs'
import { isShared, sharedCopies } from '../rooms/sharedBytes.ts'
import { ExportUnavailableError, RenderPool, type RenderPoolOptions } from './renderPool.ts'
import type { SummarySource } from './summarySource.ts'

/** A blank session whose board holds the fixture's stickies, as the event loop hands it over: encoded documents. */
function fixtureSource(): SummarySource {
  const board = new Y.Doc()
  board.transact(() => {
    for (const record of fixtureRecords) boardRecords(board).set(record.id, record)
  })
  return {
    session: { id: 'proef', title: 'Proef', createdAt: WORKSHOP_START },
    templateId: 'blank',
    people: [{ name: 'Fien', role: 'facilitator' }],
    includeNames: false,
    now: WORKSHOP_START,
    board: [Y.encodeStateAsUpdate(board)],
    control: [Y.encodeStateAsUpdate(new Y.Doc())],
  }
}
const source = fixtureSource()

/** What a reader sees of a PDF: its text and its properties, but for the moment it was made. */
function pdfContent(pdf: Uint8Array) {
  const { text, info } = readPdf(pdf)
  return { text, info: Object.fromEntries(Object.entries(info).filter(([key]) => !/date/i.test(key))) }
}
const pools: RenderPool[] = []
const poolWith = (options: Partial<RenderPoolOptions> = {}) => {
  const pool = new RenderPool({
    workers: 1,
    maxQueued: 1,
    timeoutMs: 60_000,
    maxInputBytes: 64 * 1024 * 1024,
    ...options,
  })
  pools.push(pool)
  return pool
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

describe('the render pool', () => {
  it("runs a render, and V8's collection of its garbage, below the event loop's priority", async () => {
    const pool = poolWith()
    await pool.render({ format: 'md', source, language: 'nl' })
    const threads = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // Fields after the name in parentheses: state is field 3, niceness field 19.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      return {
        tid: Number(tid),
        name: readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim(),
        nice: Number(fields[16]),
      }
    })
    const helpers = threads.filter((thread) => thread.name.startsWith('V8Worker'))
    expect(helpers.length).toBeGreaterThan(0)
    expect(helpers.map((thread) => thread.nice)).toEqual(helpers.map(() => 10))
    // The event loop's own thread keeps its priority.
    expect(threads.find((thread) => thread.tid === process.pid)?.nice).toBe(0)
  })
  it('builds the summary from the encoded board and renders every format in a worker', async () => {
    const pool = poolWith()
    const body = async (format: 'md' | 'json' | 'csv' | 'pdf', language: 'nl' | 'en' = 'nl'): Promise<Uint8Array> =>
      (await pool.render({ format, source, language })).body
    const text = async (format: 'md' | 'json' | 'csv', language: 'nl' | 'en' = 'nl') =>
      new TextDecoder().decode(await body(format, language))
    const markdown = await text('md')
    expect(markdown).toContain('# Samenvatting')
    expect(markdown).toContain('Zoë en Geüpdatete ĳsjes')
    expect(await text('json')).toContain('"schemaVersion"')
    expect(await text('csv', 'en')).toContain('Type,Round,Stage,')
    const pdf = await body('pdf')
    expect(pdf).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    // What the file is named after comes back with it.
    expect((await pool.render({ format: 'md', source, language: 'nl' })).session).toEqual({
      title: 'Proef',
      date: '2025-05-01',
    })
  }, 60_000)

  it('queues what it may and refuses the rest with a 503 that says why', async () => {
    const pool = poolWith({ workers: 1, maxQueued: 1 })
    const rendering = pool.render({ format: 'pdf', source, language: 'nl' })
    const waiting = pool.render({ format: 'md', source, language: 'nl' })
    const refused = pool.render({ format: 'csv', source, language: 'nl' })
    await expect(refused).rejects.toThrow(
      new ExportUnavailableError('too many exports at once (1 rendering, 1 waiting); try again in a moment'),
    )
    expect((await rendering).body).toBeInstanceOf(Uint8Array)
    expect(new TextDecoder().decode((await waiting).body)).toContain('# Samenvatting')
  }, 60_000)

  it('stops a render past its time, and frees its place for the next one', async () => {
    const pool = poolWith({ workers: 1, maxQueued: 0, timeoutMs: 1 })
    for (const format of ['pdf', 'md'] as const) {
      // Not "too many exports": the stopped worker no longer counts.
      await expect(pool.render({ format, source, language: 'nl' })).rejects.toThrow(
        'the export took longer than 0.001 s and was stopped',
      )
    }
  }, 60_000)

  it('refuses a board over its size limit, counted in encoded bytes, before it starts', async () => {
    const pool = poolWith({ maxInputBytes: 1024 })
    await expect(pool.render({ format: 'json', source, language: 'nl' })).rejects.toThrow(
      /^this session's board is too large to export \(\d+ KiB encoded; the limit is 1 KiB\)$/,
    )
  })

  it('leaves the bytes it was handed as they were (they may be what a room keeps for its newcomers)', async () => {
    const pool = poolWith()
    const board = source.board.map((update) => update.slice())
    await pool.render({ format: 'md', source: { ...source, board }, language: 'nl' })
    expect(board).toEqual(source.board)
  }, 60_000)

  it('renders from bytes in shared memory exactly what it renders from bytes of its own, and leaves them shared', async () => {
    const pool = poolWith()
    const shared = { ...source, board: sharedCopies(source.board), control: sharedCopies(source.control) }
    for (const format of ['md', 'csv', 'json'] as const) {
      for (const language of ['nl', 'en'] as const) {
        const own = await pool.render({ format, source, language })
        expect((await pool.render({ format, source: shared, language })).body, `${format} ${language}`).toEqual(
          own.body,
        )
      }
    }
    // A PDF names the moment it was made; everything a reader sees besides is the same.
    const pdf = async (from: SummarySource) =>
      pdfContent((await pool.render({ format: 'pdf', source: from, language: 'nl' })).body)
    expect(await pdf(shared)).toEqual(await pdf(source))
    expect([...shared.board, ...shared.control].every(isShared)).toBe(true)
    expect(shared.board).toEqual(source.board)
  }, 60_000)

  it('ends what waits and what renders when closed', async () => {
    const pool = poolWith({ workers: 1, maxQueued: 1 })
    const rendering = pool.render({ format: 'pdf', source, language: 'nl' })
    const waiting = pool.render({ format: 'md', source, language: 'nl' })
    const outcomes = Promise.allSettled([rendering, waiting])
    await pool.close()
    for (const outcome of await outcomes) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { message: 'the server is shutting down' } })
      expect(outcome.status === 'rejected' && statusOf(outcome.reason)).toBe(503)
    }
    await expect(pool.render({ format: 'md', source, language: 'nl' })).rejects.toThrow('the server is shutting down')
  }, 60_000)
})
