import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { participantOnBoard } from '../../test/support/recordingPeer.ts'
import { testRoomManagerOptions } from '../../test/support/roomOptions.ts'
import { log } from '../observability/log.ts'
import { MemoryDocumentStore } from '../store/memoryStore.ts'
import { Connection, type ConnectionLimits } from './connection.ts'
import type { Peer } from './peer.ts'
import type { Room } from './room.ts'
import { RoomManager } from './roomManager.ts'

const limits: ConnectionLimits = {
  messagesPerSecond: 100,
  messageBurst: 100,
  bytesPerSecond: 1 << 20,
  byteBurst: 1 << 20,
  maxBufferedBytes: 1 << 20,
}

/** A room manager with a fault on our side: letting a peer go throws. */
class FailingRoomManager extends RoomManager {
  override leave(room: Room, peer: Peer): void {
    super.leave(room, peer)
    throw new Error('bookkeeping failed')
  }
}

/** A real `ws` server whose connections are `Connection`s on `rooms`, and a client to it. */
async function connectTo(rooms: RoomManager): Promise<{
  client: WebSocket
  connection: Promise<Connection>
  closed: Promise<{ code: number; reason: string }>
  stop(): Promise<void>
}> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((done) => wss.once('listening', () => done()))
  const connection = new Promise<Connection>((done) =>
    wss.once('connection', (ws) => {
      const opened = new Connection(ws, 'board', participantOnBoard, rooms, limits)
      ws.once('close', () => opened.onSocketClosed())
      void opened.open().then(() => done(opened))
    }),
  )
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    client.once('close', (code, reason) => done({ code, reason: reason.toString() })),
  )
  await new Promise<void>((done, fail) => {
    client.once('open', () => done())
    client.once('error', fail)
  })
  return { client, connection, closed, stop: () => new Promise((done) => wss.close(() => done())) }
}

describe('Connection: a failure on our side stays with its connection', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('an error thrown while handling a message is logged, not thrown into the socket (which would end the process)', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {})
    const rooms = new FailingRoomManager(new MemoryDocumentStore(), testRoomManagerOptions)
    const { client, connection, closed, stop } = await connectTo(rooms)
    await connection
    // A text frame closes the connection (1003), and letting it go then throws.
    client.send('hallo')
    expect(await closed).toEqual({ code: 1003, reason: 'text frames are not part of the protocol' })
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ room: 'board', err: expect.objectContaining({ message: 'bookkeeping failed' }) }),
      'could not handle a message',
    )
    await stop()
    await rooms.closeAll()
  })

  it('fail() closes the socket with 1011 and a reason', async () => {
    vi.spyOn(log, 'error').mockImplementation(() => {})
    const rooms = new RoomManager(new MemoryDocumentStore(), testRoomManagerOptions)
    const { connection, closed, stop } = await connectTo(rooms)
    ;(await connection).fail('could not handle a message', new Error('a bug'))
    expect(await closed).toEqual({ code: 1011, reason: 'internal error' })
    await stop()
    await rooms.closeAll()
  })
})
