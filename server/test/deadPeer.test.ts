import { describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import { announcePresence, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServer } from './support/useServer.ts'

describe('a silent, dead peer', () => {
  const server = useServer({ env: { KEEPALIVE_MS: '200' } })

  it('is dropped after it stops answering pings, while a live idle client stays', async () => {
    const wsUrl = server.wsUrl
    const live = connectProvider(wsUrl, await sessionBoard(wsUrl, 'dead'))
    await whenSynced(live)
    const dead = await connectRaw(wsUrl, await sessionBoard(wsUrl, 'dead'))
    const deadId = announcePresence(dead)
    await eventually(() => live.awareness.getStates().has(deadId), 'the dead peer is on the board')
    // A frozen client: it reads nothing more (ws's public pause stops reading its socket), so it never answers
    // a ping.
    dead.socket.pause()
    await eventually(() => !live.awareness.getStates().has(deadId), 'the dead peer is dropped', 5000)
    // The server pings a silent connection only once its last ping was answered, and closes it otherwise: three
    // more pings to the live client are three rounds it came through.
    let pings = 0
    ;(live.ws as unknown as WebSocket).on('ping', () => pings++)
    await eventually(() => pings >= 3, 'the live client is pinged three more times', 5000)
    expect(live.wsconnected).toBe(true)
    live.destroy()
    dead.socket.terminate()
  })
})
