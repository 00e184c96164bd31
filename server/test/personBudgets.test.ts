import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { encodeSyncStep1 } from '../src/rooms/protocol.ts'
import { closedWithin, connectProvider, connectRaw, eventually, type RawClient, whenSynced } from './support/clients.ts'
import { createSession, type RoomTarget } from './support/sessions.ts'
import { useServers } from './support/useServer.ts'

const askForEverything = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))

interface Greeted extends RawClient {
  /** 'greeted' once the server's first frame (its sync step 1) arrives; how it closed, if it closed first. */
  outcome: Promise<'greeted' | { code: number; reason: string }>
}

/**
 * A raw client, optionally with upgrade headers (a proxy's X-Forwarded-For), that notes the server's first frame
 * from the start: it may arrive in the same packet as the upgrade's answer, before `open` has been handled.
 */
function connectGreeted(wsUrl: string, target: RoomTarget, headers: Record<string, string> = {}): Greeted {
  const socket = new WebSocket(`${wsUrl}/${target.room}?token=${encodeURIComponent(target.token)}`, { headers })
  socket.on('error', () => {})
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
  )
  const greeted = new Promise<'greeted'>((done) => socket.once('message', () => done('greeted')))
  return { socket, closed, outcome: Promise.race([greeted, closed]) }
}

/** Connects and leaves again once greeted; answers the outcome. */
async function visit(
  wsUrl: string,
  target: RoomTarget,
  headers?: Record<string, string>,
): Promise<'greeted' | { code: number; reason: string }> {
  const client = connectGreeted(wsUrl, target, headers)
  const outcome = await client.outcome
  client.socket.close()
  await client.closed
  return outcome
}

describe('budgets per person and reconnect limits', () => {
  const servers = useServers()
  const start = async (env: Record<string, string> = {}) => (await servers.start({ env })).wsUrl

  it('one token reconnecting again and again pulls no more than its byte budget, then is refused with 4429', async () => {
    const budget = 256 * 1024
    const wsUrl = await start({ BYTES_PER_SECOND: String(budget), RECONNECTS_PER_MINUTE_PER_PERSON: '10' })
    const session = await createSession(wsUrl)
    const writer = connectProvider(wsUrl, session.board())
    await whenSynced(writer)
    for (let i = 0; i < 4; i++) writer.doc.getMap('m').set(`chunk${i}`, new Uint8Array(50 * 1024).fill(i))
    const reader = connectProvider(wsUrl, session.board((await session.join('Rik')).token))
    await eventually(() => reader.doc.getMap('m').size === 4, 'the board of 200 KiB is stored')

    const puller = session.board((await session.join('Puller')).token)
    const started = performance.now()
    let pulled = 0
    let answers = 0
    let last: { code: number; reason: string } | undefined
    for (let attempt = 0; attempt < 40 && last?.code !== 4429; attempt++) {
      const client = await connectRaw(wsUrl, puller)
      client.socket.on('message', (data: Buffer) => {
        if (data[0] !== 0 || data[1] !== 1) return
        pulled += data.byteLength
        answers += 1
        client.socket.close()
      })
      client.socket.send(askForEverything)
      last = await closedWithin(client)
    }
    const seconds = (performance.now() - started) / 1000
    // Twenty reconnects (the burst of ten per minute, twice) ask for the 200 KiB board: with a budget per
    // connection each would get it. One answer may take the budget into debt; then nothing until it has refilled.
    expect(last).toEqual({ code: 4429, reason: 'too many reconnects for this person; try again in a minute' })
    expect(answers).toBeGreaterThanOrEqual(1)
    expect(pulled).toBeLessThanOrEqual(budget + budget * seconds + 210 * 1024)
    // Someone else on the same board is not affected.
    expect(await visit(wsUrl, session.board((await session.join('Ander')).token))).toBe('greeted')
    reader.destroy()
    writer.destroy()
  })

  it("a person's connections share one message budget: a second connection does not double it", async () => {
    const wsUrl = await start({ MESSAGES_PER_SECOND: '1', MESSAGE_BURST: '60' })
    const session = await createSession(wsUrl)
    const person = session.board((await session.join('Twee')).token)
    const [first, second] = [await connectRaw(wsUrl, person), await connectRaw(wsUrl, person)]
    // Forty awareness updates naming nobody on each: eighty in all, over the person's burst of sixty.
    const nobody = Uint8Array.from([1, 1, 0])
    for (let i = 0; i < 40; i++) first.socket.send(nobody)
    for (let i = 0; i < 40; i++) second.socket.send(nobody)
    expect(await closedWithin(second)).toEqual({ code: 1008, reason: 'rate limit exceeded' })
    first.socket.close()
  })

  it('limits how often one person may connect (4429 with a reason); others still get in', async () => {
    const wsUrl = await start({ RECONNECTS_PER_MINUTE_PER_PERSON: '3' })
    const session = await createSession(wsUrl)
    const person = session.board((await session.join('Vaak')).token)
    // A burst of twice the rate per minute.
    for (let i = 0; i < 6; i++) expect(await visit(wsUrl, person)).toBe('greeted')
    expect(await visit(wsUrl, person)).toEqual({
      code: 4429,
      reason: 'too many reconnects for this person; try again in a minute',
    })
    // Counted per room: the facilitator's client opens every participant's private room at once.
    expect(await visit(wsUrl, session.control(person.token))).toBe('greeted')
    expect(await visit(wsUrl, session.board((await session.join('Ander')).token))).toBe('greeted')
  })

  it('limits how often one address may connect, before any token is looked at; behind a trusted proxy, per client address', async () => {
    const wsUrl = await start({
      RECONNECTS_PER_MINUTE_PER_ADDRESS: '5',
      RECONNECTS_PER_MINUTE_PER_PERSON: '100',
      TRUST_PROXY: 'true',
    })
    const session = await createSession(wsUrl)
    const office = { 'x-forwarded-for': '203.0.113.7' }
    for (let i = 0; i < 10; i++) expect(await visit(wsUrl, session.board(), office)).toBe('greeted')
    // Refused for the address, not for the token, which is not even looked at.
    expect(await visit(wsUrl, { room: session.board().room, token: 'no-such-token' }, office)).toEqual({
      code: 4429,
      reason: 'too many connections from this address; try again in a minute',
    })
    expect(await visit(wsUrl, session.board(), { 'x-forwarded-for': '198.51.100.1' })).toBe('greeted')
  })

  it('lets a hundred people behind one address in at once with the default connection limits, each with a board and a control room', async () => {
    // Joining a hundred in one burst is the join limit's business (its own tests); here they connect at once.
    const wsUrl = await start({ JOIN_BURST_PER_ADDRESS: '100' })
    const session = await createSession(wsUrl)
    const people = await Promise.all(Array.from({ length: 100 }, (_, i) => session.join(`Collega ${i}`)))
    const clients = people.flatMap(({ token }) => [
      connectGreeted(wsUrl, session.board(token)),
      connectGreeted(wsUrl, session.control(token)),
    ])
    const outcomes = await Promise.all(clients.map((client) => client.outcome))
    expect(outcomes.filter((outcome) => outcome !== 'greeted')).toEqual([])
    for (const client of clients) client.socket.close()
  })
})
