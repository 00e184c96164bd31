import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { configFromEnvironment, type RunningServer, startServer } from '../src/index.ts'
import { connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { temporaryDataDir } from './support/serverProcess.ts'

describe('a silent, dead peer', () => {
  const data = temporaryDataDir()
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    data.remove()
  })

  it('is dropped after it stops answering pings, while a live idle client stays', async () => {
    server = await startServer(
      configFromEnvironment({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: data.path, KEEPALIVE_MS: '200' }),
    )
    const wsUrl = `ws://127.0.0.1:${server.port}/yjs`
    const board = await sessionBoard(wsUrl, 'dead')
    const live = connectProvider(wsUrl, board)
    await whenSynced(live)
    const dead = await connectRaw(wsUrl, board)
    const room = (await server.rooms.rooms()).find((loaded) => loaded.name === board.room)
    await eventually(() => room?.peerCount === 2, 'both in the room')
    // A frozen client: it reads nothing more, so it never answers a ping.
    ;(dead.socket as unknown as { _socket: Socket })._socket.pause()
    await eventually(() => room?.peerCount === 1, 'the dead peer is dropped', 5000)
    await new Promise((r) => setTimeout(r, 600))
    expect(live.wsconnected).toBe(true)
    expect(room?.peerCount).toBe(1)
    live.destroy()
    dead.socket.terminate()
  })
})
