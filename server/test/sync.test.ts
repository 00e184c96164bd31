import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { freePort, ServerProcess, temporaryDataDir } from './support/serverProcess.ts'

describe('sync between stock y-websocket providers', () => {
  const data = temporaryDataDir()
  let server: ServerProcess

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), data.path)
    await server.start()
  })
  afterAll(async () => {
    await server.stop()
    data.remove()
  })

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
    const idleServer = new ServerProcess(await freePort(), data.path, { KEEPALIVE_MS: '200' })
    await idleServer.start()
    try {
      const p = connectProvider(idleServer.wsUrl, await sessionBoard(idleServer.wsUrl, 'idle'))
      await whenSynced(p)
      const socket = p.ws
      const heard: number[] = []
      socket?.addEventListener('message', () => heard.push(Date.now()))
      await new Promise((r) => setTimeout(r, 1000))
      expect(heard.length).toBeGreaterThanOrEqual(3)
      expect(p.wsconnected).toBe(true)
      p.destroy()
    } finally {
      await idleServer.stop()
    }
  })

  it('a new document edit is relayed once per peer, not echoed to its sender', async () => {
    const a = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'echo'))
    const b = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'echo'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    const received = { a: 0, b: 0 }
    a.doc.on('update', (_u: Uint8Array, origin: unknown) => origin === a && received.a++)
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => origin === b && received.b++)
    a.doc.getMap('board').set('k', 1)
    await eventually(() => received.b === 1, 'b receives the edit')
    await new Promise((r) => setTimeout(r, 200))
    expect(received).toEqual({ a: 0, b: 1 })
    a.destroy()
    b.destroy()
  })
})
