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

/** Exports the board from `fromMs` until `untilMs`, one format after another, each as the previous one answered. */
export async function exportRepeatedly(
  target: ExportTarget,
  fromMs: number,
  untilMs: number,
): Promise<ExportLoadSummary> {
  await sleep(Math.max(0, fromMs - nowMs()))
  const statuses: Record<string, number> = {}
  const durations: number[] = []
  for (let i = 0; nowMs() < untilMs; i++) {
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
