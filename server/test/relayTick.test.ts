import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncUpdate, MessageKind } from '../src/rooms/protocol.ts'
import { connectProvider, connectRaw, eventually, type RawClient, whenSynced } from './support/clients.ts'
import { recordRoom } from './support/recorder.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

/** A writer on a raw socket: its own document, whose every change goes to the board as one sync update. */
function writer(raw: RawClient, name: string) {
  const doc = new Y.Doc()
  let next = 0
  return {
    /**
     * Sets the writer's next key and sends it, then waits until the server has read past it: the next update thus
     * reaches the server in a later read than this one.
     */
    async write(): Promise<string> {
      const key = `${name}${++next}`
      const before = Y.encodeStateVector(doc)
      doc.getMap('board').set(key, next)
      raw.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before)))
      // A WebSocket ping after it, answered by the server's socket as it reads it: the next update is another read.
      const answered = new Promise<void>((done) => raw.socket.once('pong', () => done()))
      raw.socket.ping()
      await answered
      return key
    },
  }
}

/** The sync updates among recorded frames (message sync, step "update"), each as the keys it adds to the board. */
function keysPerUpdateFrame(frames: Uint8Array[]): string[][] {
  const doc = new Y.Doc()
  const board = doc.getMap('board')
  const perFrame: string[][] = []
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageKind.sync) continue
    const step = decoding.readVarUint(decoder)
    // Step 1 carries a state vector, not an update.
    if (step === 0) continue
    const before = new Set(board.keys())
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
    if (step === 2) perFrame.push([...board.keys()].filter((key) => !before.has(key)))
  }
  return perFrame
}

describe("a busy board's relay tick", () => {
  // A long tick and a low threshold, so that a handful of round trips is a busy board within one tick.
  const server = useServerProcess({ RELAY_TICK_MS: '100', RELAY_BUSY_UPDATES_PER_SECOND: '3' })

  it('relays a quiet board update by update, then merges, and every update arrives in order', async () => {
    const board = await sessionBoard(server.wsUrl, 'relay-tick')
    const recorder = await recordRoom(server.wsUrl, board)
    const stock = connectProvider(server.wsUrl, board)
    await whenSynced(stock)
    const [a, b] = [
      writer(await connectRaw(server.wsUrl, board), 'a'),
      writer(await connectRaw(server.wsUrl, board), 'b'),
    ]

    const sent: string[] = []
    for (let i = 0; i < 12; i++) sent.push(await a.write(), await b.write())
    const stockBoard = stock.doc.getMap('board')
    await eventually(() => sent.every((key) => stockBoard.has(key)), 'the stock client has every update')
    await eventually(
      () => keysPerUpdateFrame(recorder.frames).flat().length === sent.length,
      'the recorder has every update',
    )

    const frames = keysPerUpdateFrame(recorder.frames)
    // Quiet until the third update of the second: the first two went out one by one.
    expect(frames.slice(0, 2)).toEqual([['a1'], ['b1']])
    // Busy from then on: fewer frames than updates, some carrying several.
    expect(frames.length).toBeLessThan(sent.length)
    expect(frames.some((keys) => keys.length > 1)).toBe(true)
    // In order per sender, across frames.
    const arrived = frames.flat()
    for (const name of ['a', 'b'])
      expect(arrived.filter((key) => key.startsWith(name))).toEqual(sent.filter((key) => key.startsWith(name)))
    stock.destroy()
    recorder.close()
  })
})
