import { describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServerProcess, useServerProcesses } from './support/useServer.ts'

describe('sync between stock y-websocket providers', () => {
  const server = useServerProcess()
  const otherServers = useServerProcesses()

  it('two providers in one room converge on a shared Y.Map', async () => {
    const a = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'converge'))
    const b = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'converge'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    const mapA = a.doc.getMap<string>('board')
    const mapB = b.doc.getMap<string>('board')
    mapA.set('from-a', 'geel')
    mapB.set('from-b', 'blauw')
    await eventually(() => mapA.size === 2 && mapB.size === 2, 'both maps hold both keys')
    expect(mapA.toJSON()).toEqual({ 'from-a': 'geel', 'from-b': 'blauw' })
    expect(mapB.toJSON()).toEqual(mapA.toJSON())
    a.destroy()
    b.destroy()
  })

  it('does not mix rooms', async () => {
    const a = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'room-one'))
    const b = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'room-two'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.doc.getMap('board').set('only-here', true)
    const c = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'room-one'))
    await whenSynced(c)
    await eventually(() => c.doc.getMap('board').has('only-here'), 'same-room provider sees the key')
    // A marker in room two, written after the key: had the key crossed over, b would have had it first.
    const d = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'room-two'))
    await whenSynced(d)
    d.doc.getMap('board').set('marker', true)
    await eventually(() => b.doc.getMap('board').has('marker'), 'the marker reaches b')
    d.destroy()
    expect(b.doc.getMap('board').has('only-here')).toBe(false)
    for (const p of [a, b, c]) p.destroy()
  })

  it('awareness of one provider reaches the other, and its departure too', async () => {
    const a = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'presence'))
    const b = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'presence'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.awareness.setLocalStateField('user', { name: 'Anouk', color: '#e03131' })
    a.awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    await eventually(
      () =>
        (b.awareness.getStates().get(a.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name ===
        'Anouk',
      'b sees a',
    )
    expect(b.awareness.getStates().get(a.doc.clientID)).toMatchObject({ cursor: { x: 10, y: 20 } })
    // A late joiner gets the presence that is already there in the handshake.
    const c = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'presence'))
    await eventually(() => c.awareness.getStates().has(a.doc.clientID), 'late joiner sees a')
    a.destroy()
    await eventually(() => !b.awareness.getStates().has(a.doc.clientID), 'a is gone for b')
    b.destroy()
    c.destroy()
  })

  it("an idle connection is kept alive past the client's 30-second silence limit", async () => {
    // With a keep-alive of 200 ms the server must speak at least every 200 ms on a silent connection.
    const idleServer = await otherServers.launch({ KEEPALIVE_MS: '200' })
    const p = connectProvider(idleServer.wsUrl, await sessionBoard(idleServer.wsUrl, 'idle'))
    await whenSynced(p)
    const socket = p.ws
    const heard: number[] = []
    socket?.addEventListener('message', () => heard.push(Date.now()))
    // Three keep-alives take 600 ms; the rest of the bound is room for a loaded machine.
    await eventually(() => heard.length >= 3, 'the server speaks three times on the silent connection', 5000)
    expect(heard.length).toBeGreaterThanOrEqual(3)
    expect(p.wsconnected).toBe(true)
    p.destroy()
  })

  it('a new document edit is relayed once per peer, not echoed to its sender', async () => {
    const a = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'echo'))
    const b = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'echo'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    const c = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'echo'))
    await whenSynced(c)
    const received = { a: 0, b: 0 }
    /** Counts what the server sends `provider` until the marker arrives; an echo would come before it. */
    const count = (provider: WebsocketProvider, who: keyof typeof received) =>
      provider.doc.on('update', (_u: Uint8Array, origin: unknown) => {
        if (origin === provider && !provider.doc.getMap('board').has('marker')) received[who]++
      })
    count(a, 'a')
    count(b, 'b')
    a.doc.getMap('board').set('k', 1)
    await eventually(() => received.b === 1, 'b receives the edit')
    await eventually(() => c.doc.getMap('board').has('k'), 'c receives the edit')
    // Written after the edit reached everyone: an echo or a second relay of the edit would arrive before it.
    c.doc.getMap('board').set('marker', true)
    await eventually(
      () => a.doc.getMap('board').has('marker') && b.doc.getMap('board').has('marker'),
      'the marker reaches a and b',
    )
    expect(received).toEqual({ a: 0, b: 1 })
    for (const p of [a, b, c]) p.destroy()
  })
})
