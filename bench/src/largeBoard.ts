/**
 * Scenario 9's second board: while 50 people work on one board, another board of about 4 MiB is loaded from the
 * store and compacted, over and over. The question it answers: does one large board's SQLite and Yjs work on the
 * server's event loop stall everyone else? (Compare the 50-person board's fan-out latency with scenario 1's.)
 *
 * One cycle: a raw socket joins the large board (the server loads it from SQLite and applies it), sends one small
 * edit (so the log holds more than the snapshot), and leaves; with `ROOM_UNLOAD_AFTER_MS=0` the server then
 * unloads the board, compacting it into one snapshot of the whole board. The socket never asks for the board
 * (no sync step 1), so the server's work is the load and the compaction, not sending 4 MiB.
 */
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { BOARD_RECORDS_MAP } from '@werkplaats/shared'
import { nowMs, sleep } from './clock.ts'
import { type JsonValue, shapeId, stickyRecord } from './records.ts'

/** What the server needs to take one 4 MiB frame: the default message and byte limits are 4 and 8 MiB. */
export const largeBoardServerEnv = {
  ROOM_UNLOAD_AFTER_MS: '0',
  MAX_MESSAGE_BYTES: String(16 * 1024 * 1024),
  BYTES_PER_SECOND: String(16 * 1024 * 1024),
}

/** A board of stickies whose update is at least `bytes` long: many small records, as a real board has. */
function largeBoard(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const records = doc.getMap<JsonValue>(BOARD_RECORDS_MAP)
  let update: Uint8Array = new Uint8Array(0)
  for (let batch = 0; update.byteLength < bytes; batch++) {
    doc.transact(() => {
      for (let i = 0; i < 1000; i++) {
        const n = batch * 1000 + i
        records.set(
          shapeId(100_000 + n),
          stickyRecord(
            shapeId(100_000 + n),
            (n % 100) * 220,
            Math.floor(n / 100) * 220,
            `Idee ${n}: ${'x'.repeat(200)}`,
            '',
            n,
          ),
        )
      }
    })
    update = Y.encodeStateAsUpdate(doc)
  }
  return update
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A small edit that builds on nothing: a new client setting one key. */
function smallEdit(cycle: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap<JsonValue>(BOARD_RECORDS_MAP).set(`shape:churn${cycle}`, { id: `shape:churn${cycle}`, typeName: 'shape' })
  return Y.encodeStateAsUpdate(doc)
}

async function sendAndLeave(url: string, frame: Uint8Array, stayMs: number): Promise<void> {
  const socket = new WebSocket(url)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  socket.send(frame)
  await sleep(stayMs)
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.close()
  await closed
}

/**
 * Stores a board of `bytes` on `room`, then loads and compacts it until `untilMs`. Returns the board's size and
 * how many load-and-compact cycles ran.
 */
export async function churnLargeBoard(
  url: string,
  untilMs: number,
  bytes = 4 * 1024 * 1024,
): Promise<{ boardBytes: number; cycles: number }> {
  const board = largeBoard(bytes)
  await sendAndLeave(url, syncUpdateFrame(board), 2000)
  let cycles = 0
  while (nowMs() < untilMs) {
    await sendAndLeave(url, syncUpdateFrame(smallEdit(cycles)), 300)
    cycles++
    // Room to unload and compact before the next join loads it again.
    await sleep(700)
  }
  return { boardBytes: board.byteLength, cycles }
}
