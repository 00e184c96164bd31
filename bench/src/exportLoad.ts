/**
 * Scenario 12's second board: while 50 people work on one board (scenario 1), the facilitator of another session
 * exports its summary again and again, in every format in turn. The board is as large as an export meets in
 * practice: 3,000 stickies of a sentence each and one sticky of 160,000 characters (cut to the summary's cap).
 * The question it answers: does rendering exports stall everyone else? (Compare the fan-out p99 of the
 * 50-person board with scenario 1's, run just before on the same machine.)
 */
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { BOARD_RECORDS_MAP } from '@werkplaats/shared'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import { nowMs, sleep } from './clock.ts'
import { type LatencySummary, summarizeSamples } from './histogram.ts'
import type { RunningServer } from './servers.ts'
import type { BenchSession } from './sessions.ts'

export const EXPORT_BOARD = { stickies: 3000, longSticky: 160_000 }
const formats = ['json', 'md', 'csv', 'pdf'] as const

export interface ExportLoadSummary {
  boardBytes: number
  stickies: number
  exports: number
  statuses: Record<string, number>
  /** From sending the request until the whole answer was read, every format together. */
  duration: LatencySummary
}

function exportBoard(): Uint8Array {
  const doc = new Y.Doc()
  const records = doc.getMap<unknown>(BOARD_RECORDS_MAP)
  doc.transact(() => {
    for (let i = 0; i < EXPORT_BOARD.stickies; i++) {
      const id = `shape:export-${i}`
      records.set(
        id,
        noteRecord(
          id,
          `Idee ${i + 1}: een dag meelopen met de wijkagent, en dan samen kijken wat beter kan`,
          (i % 60) * 220,
          Math.floor(i / 60) * 220,
        ),
      )
    }
    records.set(
      'shape:export-long',
      noteRecord(
        'shape:export-long',
        `${'a'.repeat(EXPORT_BOARD.longSticky / 2)}${' '.repeat(EXPORT_BOARD.longSticky / 2)}x`,
        -400,
        -400,
      ),
    )
  })
  return Y.encodeStateAsUpdate(doc)
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** Sends the board as one update, then waits (bounded) until an export holds every sticky. */
async function storeBoard(url: string, board: Uint8Array, exportUrl: string, token: string): Promise<void> {
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  socket.send(syncUpdateFrame(board))
  const deadline = nowMs() + 60_000
  for (;;) {
    const response = await fetch(`${exportUrl}.json`, { headers: { authorization: `Bearer ${token}` } })
    const text = await response.text()
    if (response.ok && text.includes('shape:export-long') && text.includes(`shape:export-${EXPORT_BOARD.stickies - 1}`))
      break
    if (nowMs() > deadline)
      throw new Error(`export scenario: the board did not arrive (${response.status} ${text.slice(0, 200)})`)
    await sleep(500)
  }
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.close()
  await closed
}

export interface ExportTarget {
  exportUrl: string
  token: string
  boardBytes: number
}

/** Stores the export board on `session`: before the load starts. */
export async function prepareExportBoard(
  server: RunningServer,
  session: BenchSession,
  boardUrl: string,
): Promise<ExportTarget> {
  const board = exportBoard()
  const exportUrl = `http://127.0.0.1:${server.port}/api/sessions/${session.id}/export`
  await storeBoard(boardUrl, board, exportUrl, session.facilitatorToken)
  return { exportUrl, token: session.facilitatorToken, boardBytes: board.byteLength }
}

/** The exports on a server doing nothing else, and an idle stretch just before them, as wall-clock spans. */
export interface ExportsAlone {
  idle: { from: number; to: number }
  exporting: { from: number; to: number }
  exports: number
}

/**
 * What one export costs the server's main thread, measured apart from the load: first the board is left until
 * the server has unloaded it (`ROOM_UNLOAD_AFTER_MS`, 10 s by default, after the upload's connection closed), so
 * that neither its unload nor the garbage of its upload falls into what is measured and the exports take the
 * path they take in the window (a room nobody is on); then `idleMs` of nothing; then the board exported back to
 * back for `exportMs`, every format in turn. The server's probe (`loopProbe.ts`) gives the main thread's CPU time
 * in each span; the difference, per export, is the export's own cost.
 */
export async function exportAlone(
  target: ExportTarget,
  { settleMs, idleMs, exportMs }: { settleMs: number; idleMs: number; exportMs: number },
): Promise<ExportsAlone> {
  await sleep(settleMs)
  const idleFrom = Date.now()
  await sleep(idleMs)
  const exportingFrom = Date.now()
  // A dozen at least, or the share of the idle baseline in the figure is too large; on a machine so busy that the
  // renders crawl, half a minute at most.
  const { exports } = await exportRepeatedly(target, nowMs(), nowMs() + exportMs, { atLeast: 12, within: 30_000 })
  return { idle: { from: idleFrom, to: exportingFrom }, exporting: { from: exportingFrom, to: Date.now() }, exports }
}

/**
 * Exports the board from `fromMs` until `untilMs`, one format after another, each as the previous one answered;
 * past `untilMs` on to `minimum.atLeast` exports, if that takes no longer than `minimum.within` ms from `fromMs`.
 */
export async function exportRepeatedly(
  target: ExportTarget,
  fromMs: number,
  untilMs: number,
  minimum = { atLeast: 0, within: 0 },
): Promise<ExportLoadSummary> {
  await sleep(Math.max(0, fromMs - nowMs()))
  const statuses: Record<string, number> = {}
  const durations: number[] = []
  const more = (done: number) => nowMs() < untilMs || (done < minimum.atLeast && nowMs() < fromMs + minimum.within)
  for (let i = 0; more(i); i++) {
    const started = nowMs()
    const response = await fetch(`${target.exportUrl}.${formats[i % formats.length]}`, {
      headers: { authorization: `Bearer ${target.token}` },
    })
    await response.arrayBuffer()
    durations.push(nowMs() - started)
    statuses[response.status] = (statuses[response.status] ?? 0) + 1
  }
  return {
    boardBytes: target.boardBytes,
    stickies: EXPORT_BOARD.stickies + 1,
    exports: durations.length,
    statuses,
    duration: summarizeSamples(durations),
  }
}
