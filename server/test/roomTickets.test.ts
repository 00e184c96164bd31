import { issuedRoomTicketSchema, ROOM_TICKET_TTL_SECONDS } from '@werkplaats/shared'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRedis } from '../src/fanout/redisConnection.ts'
import { statusOf } from '../src/http/errors.ts'
import { MemoryTicketStore, RedisTicketStore } from '../src/sessions/roomTickets.ts'
import { closedWithin, connectRaw, type RawClient, whenSynced } from './support/clients.ts'
import { startRedis } from './support/services.ts'
import { createSession, type TestSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

const entry = { sessionId: 'AbCdEfGhIjKlMnOpQrStUv', tokenHash: 'f'.repeat(64) }

describe('a ticket in memory', () => {
  it('is given once, then is gone', async () => {
    const store = new MemoryTicketStore()
    await store.put('a', entry, 60_000)
    expect(await store.take('a')).toEqual(entry)
    expect(await store.take('a')).toBeNull()
    expect(await store.take('never-issued')).toBeNull()
  })

  it('is worthless once its time is up, and forgotten without being asked for', async () => {
    let now = 1_000_000
    const store = new MemoryTicketStore(() => now)
    await store.put('late', entry, 60_000)
    await store.put('early', entry, 60_000)
    now += 59_999
    expect(await store.take('early')).toEqual(entry)
    now += 1
    expect(await store.take('late')).toBeNull()
    // Nobody asked for these: the next issue prunes them, so unused tickets cannot pile up.
    await store.put('one', entry, 60_000)
    await store.put('two', entry, 60_000)
    now += 60_000
    await store.put('three', entry, 60_000)
    expect(store.size).toBe(1)
  })

  it('refuses new tickets past its capacity rather than growing (503)', async () => {
    const store = new MemoryTicketStore(Date.now, 2)
    await store.put('a', entry, 60_000)
    await store.put('b', entry, 60_000)
    expect(statusOf(await store.put('c', entry, 60_000).catch((error: unknown) => error))).toBe(503)
    await store.take('a')
    await store.put('c', entry, 60_000)
  })
})

describe('a ticket in Redis, shared by instances', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.stop()
  })

  it('issued by one instance is spent by the first instance it is shown to, once', async () => {
    const [a, b] = [await connectRedis(redis.url, 'tickets-a'), await connectRedis(redis.url, 'tickets-b')]
    try {
      const storeA = new RedisTicketStore(a, new MemoryTicketStore())
      const storeB = new RedisTicketStore(b, new MemoryTicketStore())
      await storeA.put('shared', entry, 60_000)
      const [first, second] = await Promise.all([storeB.take('shared'), storeA.take('shared')])
      expect([first, second].filter((taken) => taken !== null)).toEqual([entry])
      // Redis forgets it by itself when its time is up.
      await storeA.put('expiring', entry, 60_000)
      expect(await a.pttl('werkplaats:ticket:expiring')).toBeGreaterThan(59_000)
    } finally {
      a.disconnect()
      b.disconnect()
    }
  })

  it('while Redis is down, an instance keeps its own tickets', async () => {
    const connection = await connectRedis(redis.url, 'tickets-outage')
    try {
      const store = new RedisTicketStore(connection, new MemoryTicketStore())
      await redis.kill()
      await store.put('local', entry, 60_000)
      expect(await store.take('local')).toEqual(entry)
      expect(await store.take('local')).toBeNull()
    } finally {
      connection.disconnect()
      await redis.start()
    }
  })
})

describe('connecting with a ticket', () => {
  const server = useServerProcess()
  let session: TestSession
  let other: TestSession

  beforeAll(async () => {
    session = await createSession(server.wsUrl)
    other = await createSession(server.wsUrl)
  })

  async function ticketFor(sessionId: string, token: string | null): Promise<Response> {
    return fetch(`${server.url}/api/sessions/${sessionId}/tickets`, {
      method: 'POST',
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    })
  }

  async function newTicket(s: TestSession, token = s.facilitatorToken): Promise<string> {
    const response = await ticketFor(s.id, token)
    expect(response.status).toBe(201)
    const issued = issuedRoomTicketSchema.parse(await response.json())
    expect(issued.expiresInSeconds).toBe(ROOM_TICKET_TTL_SECONDS)
    return issued.ticket
  }

  /** Opens `/yjs/<room>?ticket=`, resolving once open; a refused ticket opens and is then closed with 44xx. */
  function connectWithTicket(room: string, ticket: string): Promise<RawClient> {
    return connectRaw(server.wsUrl, `${room}?ticket=${encodeURIComponent(ticket)}`)
  }

  /** A stock provider that connects with `params`, synced with the room: the server let it in. */
  async function syncedWith(room: string, params: Record<string, string>): Promise<WebsocketProvider> {
    const provider = new WebsocketProvider(server.wsUrl, room, new Y.Doc(), {
      params,
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    await whenSynced(provider)
    return provider
  }

  it('gets the room once, and the same ticket is refused the second time with 4401 and a reason', async () => {
    const ticket = await newTicket(session)
    const first = await syncedWith(session.board().room, { ticket })
    const second = await connectWithTicket(session.board().room, ticket)
    expect(await closedWithin(second)).toEqual({
      code: 4401,
      reason: 'this ticket was already used or has expired; ask for a new one',
    })
    expect(first.wsconnected).toBe(true)
    first.destroy()
  })

  it("is refused on another session's room (4403), and is spent by trying", async () => {
    const ticket = await newTicket(other)
    const wrong = await connectWithTicket(session.board().room, ticket)
    expect(await closedWithin(wrong)).toEqual({ code: 4403, reason: 'this ticket belongs to another session' })
    const again = await connectWithTicket(other.board().room, ticket)
    expect((await closedWithin(again)).code).toBe(4401)
  })

  it("carries its token's rights: a participant's ticket does not open another participant's private room", async () => {
    const anna = await session.join('Anna')
    const bram = await session.join('Bram')
    const own = await syncedWith(`${session.id}-private-${anna.participantId}`, {
      ticket: await newTicket(session, anna.token),
    })
    own.destroy()
    const theirs = await connectWithTicket(
      `${session.id}-private-${bram.participantId}`,
      await newTicket(session, anna.token),
    )
    expect((await closedWithin(theirs)).code).toBe(4403)
  })

  it('made-up tickets are refused with 4401', async () => {
    for (const ticket of ['', 'x', 'A'.repeat(43), 'A'.repeat(5000), '../../etc']) {
      const client = await connectWithTicket(session.board().room, ticket)
      expect((await closedWithin(client)).code, ticket.slice(0, 20)).toBe(4401)
    }
  })

  it('is only given for a token of the session', async () => {
    expect((await ticketFor(session.id, null)).status).toBe(401)
    expect((await ticketFor(session.id, 'not-a-token')).status).toBe(401)
    expect((await ticketFor(session.id, other.facilitatorToken)).status).toBe(403)
    expect((await ticketFor('not-a-session', session.facilitatorToken)).status).toBe(400)
    const watching = await syncedWith(session.board().room, { ticket: await newTicket(session, session.observerToken) })
    watching.destroy()
  })

  it('?token= still works for API clients and the stock provider', async () => {
    const provider = await syncedWith(session.board().room, { token: session.facilitatorToken })
    provider.destroy()
  })
})

describe('tickets per token', () => {
  const server = useServerProcess({ TICKETS_PER_MINUTE: '2' })

  it('past TICKETS_PER_MINUTE (and its burst of twice that) a token gets 429 with Retry-After', async () => {
    const session = await createSession(server.wsUrl)
    const ask = (token: string) =>
      fetch(`${server.url}/api/sessions/${session.id}/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await ask(session.facilitatorToken)).status)
    expect(statuses).toEqual([201, 201, 201, 201, 429])
    const refused = await ask(session.facilitatorToken)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(await refused.json()).toEqual({ error: 'too many tickets for this token; try again later' })
    // Another person's token has its own budget.
    expect((await ask(session.observerToken)).status).toBe(201)
  })
})
