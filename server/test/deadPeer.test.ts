import { afterEach, describe, expect, it } from 'vitest'
import { configFromEnvironment, type RunningServer, startServer } from '../src/index.ts'
import { announcePresence, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
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
    const live = connectProvider(wsUrl, await sessionBoard(wsUrl, 'dead'))
    await whenSynced(live)
    const dead = await connectRaw(wsUrl, await sessionBoard(wsUrl, 'dead'))
    const deadId = announcePresence(dead)
    await eventually(() => live.awareness.getStates().has(deadId), 'the dead peer is on the board')
    // A frozen client: it reads nothing more (ws's public pause stops reading its socket), so it never answers
    // a ping.
    dead.socket.pause()
    await eventually(() => !live.awareness.getStates().has(deadId), 'the dead peer is dropped', 5000)
    await new Promise((r) => setTimeout(r, 600))
    expect(live.wsconnected).toBe(true)
    live.destroy()
    dead.socket.terminate()
  })
})
