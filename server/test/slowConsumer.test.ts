import { describe, expect, it } from 'vitest'
import { announcePresence, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServer } from './support/useServer.ts'

describe('a slow consumer', () => {
  const server = useServer({
    env: {
      MAX_BUFFERED_BYTES: String(256 * 1024),
      MESSAGES_PER_SECOND: '10000',
      MESSAGE_BURST: '10000',
      BYTES_PER_SECOND: String(512 * 1024 * 1024),
    },
  })

  it('is dropped once its backlog passes the limit, and never stalls the room', async () => {
    const wsUrl = server.wsUrl
    const writer = connectProvider(wsUrl, await sessionBoard(wsUrl, 'slow'))
    const reader = connectProvider(wsUrl, await sessionBoard(wsUrl, 'slow'))
    await Promise.all([whenSynced(writer), whenSynced(reader)])
    // A client that stops reading: its TCP window fills, then the server's send buffer for it grows.
    const stalled = await connectRaw(wsUrl, await sessionBoard(wsUrl, 'slow'))
    const stalledId = announcePresence(stalled)
    await eventually(() => reader.awareness.getStates().has(stalledId), 'the stalled client is on the board')
    // ws's public pause: the client stops reading its socket, as a frozen tab does.
    stalled.socket.pause()

    const payload = new Uint8Array(64 * 1024).fill(7)
    for (let i = 0; i < 200; i++) {
      writer.doc.getMap('big').set(`k${i}`, payload)
      if (i % 10 === 0) await new Promise((r) => setImmediate(r))
    }
    // The reader keeps up, all the way to the last edit.
    await eventually(() => reader.doc.getMap('big').size === 200, 'reader receives every edit', 20_000)
    await eventually(() => !reader.awareness.getStates().has(stalledId), 'the stalled client is dropped', 20_000)
    expect(reader.wsconnected && writer.wsconnected).toBe(true)
    writer.destroy()
    reader.destroy()
    stalled.socket.terminate()
  })
})
