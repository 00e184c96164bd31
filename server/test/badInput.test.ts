import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncUpdate } from '../src/rooms/protocol.ts'
import { closedWithin, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

describe('bad input closes only the offender', () => {
  const server = useServerProcess({
    MAX_MESSAGE_BYTES: String(64 * 1024),
    MESSAGES_PER_SECOND: '50',
    MESSAGE_BURST: '100',
    MAX_CONNECTIONS_PER_BOARD: '3',
  })

  it('refuses a room name that is not a plain identifier with 400 before the upgrade', async () => {
    for (const name of ['a%20b', 'a.b', 'x'.repeat(65), '%E2%9C%93']) {
      const response = await fetch(`${server.url}/yjs/${name}`)
      expect(response.status, name).toBe(400)
      expect(await response.json()).toEqual({ error: 'room name must be 1–64 letters, digits, "-" or "_"' })
      await expect(connectRaw(server.wsUrl, name), name).rejects.toThrow(/Unexpected server response: 400/)
    }
  })

  it.each([
    ['random bytes', Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]), 1007],
    ['a truncated varuint', Uint8Array.from([0x80]), 1007],
    ['an unknown message kind', Uint8Array.from([9, 0, 0]), 1007],
    ['a payload longer than the frame', Uint8Array.from([0, 2, 200, 1, 1, 2, 3]), 1007],
    ['an update Yjs cannot read', Uint8Array.from([0, 2, 5, 1, 200, 200, 200, 200]), 1007],
    ['an empty frame', new Uint8Array(0), 1007],
    ['an awareness state that is not JSON', Uint8Array.from([1, 7, 1, 5, 1, 3, 0x7b, 0x7b, 0x7b]), 1007],
  ])('%s closes the sender with a code and reason, while the room carries on', async (_label, frame, code) => {
    const room = await sessionBoard(server.wsUrl, `garbage-${code}-${frame.length}-${frame[0] ?? 'e'}`)
    const a = connectProvider(server.wsUrl, room)
    const b = connectProvider(server.wsUrl, room)
    await Promise.all([whenSynced(a), whenSynced(b)])
    const offender = await connectRaw(server.wsUrl, room)
    offender.socket.send(frame)
    const closed = await closedWithin(offender)
    expect(closed.code).toBe(code)
    expect(closed.reason).toMatch(/malformed/)
    a.doc.getMap('m').set('still', 'working')
    await eventually(() => b.doc.getMap('m').get('still') === 'working', 'the others still sync')
    expect(a.wsconnected && b.wsconnected).toBe(true)
    a.destroy()
    b.destroy()
  })

  it('an update that builds on data the board does not have closes the sender with 1007; the board keeps none of it', async () => {
    const room = await sessionBoard(server.wsUrl, 'missing-dependencies')
    const a = connectProvider(server.wsUrl, room)
    const b = connectProvider(server.wsUrl, room)
    await Promise.all([whenSynced(a), whenSynced(b)])
    const forged = new Y.Doc()
    forged.getMap('m').set('never-sent', 1)
    const before = Y.encodeStateVector(forged)
    forged.getMap('m').set('depends', 2)
    const offender = await connectRaw(server.wsUrl, room)
    offender.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(forged, before)))
    expect(await closedWithin(offender)).toEqual({
      code: 1007,
      reason: 'malformed message: the update needs data the board does not have',
    })
    a.doc.getMap('m').set('still', 'working')
    await eventually(() => b.doc.getMap('m').get('still') === 'working', 'the others still sync')
    const newcomer = connectProvider(server.wsUrl, room)
    await whenSynced(newcomer)
    expect(newcomer.doc.getMap('m').toJSON()).toEqual({ still: 'working' })
    for (const p of [a, b, newcomer]) p.destroy()
  })

  it('a text frame is refused with 1003', async () => {
    const offender = await connectRaw(server.wsUrl, await sessionBoard(server.wsUrl, 'text'))
    offender.socket.send('hallo')
    expect(await closedWithin(offender)).toEqual({ code: 1003, reason: 'text frames are not part of the protocol' })
  })

  it('an oversized message is refused with 1009 and the server keeps serving', async () => {
    const offender = await connectRaw(server.wsUrl, await sessionBoard(server.wsUrl, 'oversized'))
    offender.socket.send(new Uint8Array(65 * 1024))
    expect((await closedWithin(offender)).code).toBe(1009)
    const p = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'oversized'))
    await whenSynced(p)
    p.destroy()
  })

  it('a client over the message rate is closed with 1008', async () => {
    const offender = await connectRaw(server.wsUrl, await sessionBoard(server.wsUrl, 'flood'))
    // Awareness updates naming nobody are valid; 500 at once is far over a burst of 100.
    for (let i = 0; i < 500; i++) offender.socket.send(Uint8Array.from([1, 1, 0]))
    expect(await closedWithin(offender)).toEqual({ code: 1008, reason: 'rate limit exceeded' })
  })

  it('refuses the connection past the cap with a clear reason and keeps the others', async () => {
    const full = await sessionBoard(server.wsUrl, 'full')
    const members = [1, 2, 3].map(() => connectProvider(server.wsUrl, full))
    await Promise.all(members.map((p) => whenSynced(p)))
    const late = await connectRaw(server.wsUrl, await sessionBoard(server.wsUrl, 'full'))
    expect(await closedWithin(late)).toEqual({ code: 4429, reason: 'this board is full (at most 3 connections)' })
    members[0]?.doc.getMap('m').set('x', 1)
    await eventually(() => members[2]?.doc.getMap('m').get('x') === 1, 'members still sync')
    for (const p of members) p.destroy()
  })

  it('thousands of malformed frames from many sockets leave the server up', async () => {
    const a = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'storm'))
    const b = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'storm'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    let closedCount = 0
    for (let round = 0; round < 40; round++) {
      // Each offender on a board of its own: this server admits 3 connections a board, and a refusal for a full
      // board (4429) would hide what the frames do.
      const boards = await Promise.all(Array.from({ length: 5 }, (_, i) => sessionBoard(server.wsUrl, `storm-${i}`)))
      const offenders = await Promise.all(boards.map((board) => connectRaw(server.wsUrl, board)))
      for (const offender of offenders) {
        for (let i = 0; i < 50; i++) offender.socket.send(randomFrame())
      }
      const results = await Promise.all(offenders.map((o) => closedWithin(o)))
      // Random bytes are, with overwhelming odds, malformed well before 50 frames; nothing else may close them but
      // a budget (1008): the offenders on one board are one person (one token), who share their budgets across
      // reconnects, and frames that decode (a presence query, an awareness update checked at the next tick) are
      // charged to them.
      closedCount += results.filter((r) => r.code === 1007 || r.code === 1008).length
    }
    expect(closedCount).toBe(200)
    a.doc.getMap('m').set('after-storm', true)
    await eventually(() => b.doc.getMap('m').get('after-storm') === true, 'room survives the storm')
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    a.destroy()
    b.destroy()
  })
})

function randomFrame(): Uint8Array {
  const length = 1 + Math.floor(Math.random() * 40)
  const frame = new Uint8Array(length)
  for (let i = 0; i < length; i++) frame[i] = Math.floor(Math.random() * 256)
  // Start most frames with a real message kind so they get past the first byte and into the decoders.
  if (Math.random() < 0.7) frame[0] = Math.floor(Math.random() * 4)
  return frame
}
