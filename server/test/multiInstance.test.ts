import { getTemplate } from '@werkplaats/playbook-data'
import { setImmediate as nextTurn } from 'node:timers/promises'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { encodeSyncUpdate } from '../src/rooms/protocol.ts'
import { closedWithin, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { ServerProcess } from './support/serverProcess.ts'
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from './support/services.ts'
import { createSession, type RoomTarget } from './support/sessions.ts'

/**
 * Several server instances, one PostgreSQL and one Redis, with stock y-websocket clients: what must hold when
 * Werkplaats runs behind a load balancer that may send each browser to any instance (see `docs/deploy.md`). Every
 * server is a real process, so one can be SIGKILLed.
 */
describe('several instances on one PostgreSQL and one Redis', () => {
  let postgres: TestPostgres
  let redis: TestRedis
  let env: Record<string, string>
  const servers: ServerProcess[] = []
  const providers: WebsocketProvider[] = []

  const launch = async () => {
    const server = await ServerProcess.launch(env)
    servers.push(server)
    return server
  }
  const connect = (server: ServerProcess, target: RoomTarget, doc = new Y.Doc()) => {
    const provider = connectProvider(server.wsUrl, target, doc)
    providers.push(provider)
    return provider
  }
  const keys = (provider: WebsocketProvider) => provider.doc.getMap('m').size

  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    env = { DATABASE_URL: await postgres.createDatabase(), REDIS_URL: redis.url }
    // Instances A and B, shared by the tests; a test that kills one launches its own.
    await Promise.all([launch(), launch()])
  })
  afterAll(async () => {
    for (const provider of providers) provider.destroy()
    await Promise.all(servers.map((server) => server.destroy()))
    await Promise.all([postgres?.stop(), redis?.stop()])
  })

  it("converges clients on two instances on 1,000 updates, and they see each other's presence", async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const session = await createSession(a.url)
    const [onA, onB] = [connect(a, session.board()), connect(b, session.board())]
    await Promise.all([whenSynced(onA), whenSynced(onB)])
    onA.awareness.setLocalState({ name: 'Anna' })
    onB.awareness.setLocalState({ name: 'Bram' })
    for (let i = 0; i < 500; i++) {
      onA.doc.getMap('m').set(`a${i}`, i)
      onB.doc.getMap('m').set(`b${i}`, i)
      // A turn of the event loop now and then, so the edits leave in many frames rather than one.
      if (i % 50 === 0) await nextTurn()
    }
    await eventually(
      () => keys(onA) === 1000 && keys(onB) === 1000,
      `both have 1,000 keys (A ${keys(onA)}, B ${keys(onB)})`,
      20_000,
    )
    expect(onA.doc.getMap('m').toJSON()).toEqual(onB.doc.getMap('m').toJSON())
    await eventually(
      () =>
        onA.awareness.getStates().get(onB.awareness.clientID)?.name === 'Bram' &&
        onB.awareness.getStates().get(onA.awareness.clientID)?.name === 'Anna',
      "each sees the other's presence across instances",
    )
  })

  it('keeps every vote budget in a storm of votes spread over both instances', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const oecd = getTemplate('oecd-innovatie-playbook')
    const questions = oecd?.principles[0]?.assessmentQuestions.map((q) => q.id) ?? []
    const stage = oecd?.agenda.find((s) => s.kind === 'assess')?.id ?? ''
    const session = await createSession(a.url, 'oecd-innovatie-playbook')
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => session.join(`Deelnemer ${i}`)))
    const post = (server: ServerProcess, path: string, token: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      })
    const created = await post(a, `/api/sessions/${session.id}/rounds`, session.facilitatorToken, {
      stageId: stage,
      cardIds: questions,
      votesPerParticipant: 3,
      maxVotesPerCard: 1,
    })
    expect(created.status).toBe(201)
    const { roundId } = (await created.json()) as { roundId: string }
    const attempts: Array<Promise<Response>> = []
    for (let round = 0; round < 4; round++) {
      for (const [i, person] of people.entries()) {
        for (const card of questions.slice(0, 4)) {
          attempts.push(
            post((i + round) % 2 ? a : b, `/api/sessions/${session.id}/rounds/${roundId}/votes`, person.token, {
              cardId: card,
            }),
          )
        }
      }
    }
    const statuses = (await Promise.all(attempts)).map((response) => response.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(people.length * 3)
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true)
    const view = await fetch(`${b.url}/api/sessions/${session.id}/rounds/${roundId}`, {
      headers: { authorization: `Bearer ${session.facilitatorToken}` },
    })
    expect(((await view.json()) as { voterCount: number }).voterCount).toBe(people.length)
  })

  it('loses no relayed update when an instance is SIGKILLed mid-burst; its clients resync through the other', async () => {
    const [a] = servers as [ServerProcess]
    const victim = await launch()
    const session = await createSession(a.url)
    const onA = connect(a, session.board())
    const onVictim = connect(victim, session.board())
    await Promise.all([whenSynced(onA), whenSynced(onVictim)])
    let written = 0
    let killed: Promise<void> | undefined
    const burst = (async () => {
      for (; written < 2000 && onVictim.wsconnected; written++) {
        onVictim.doc.getMap('m').set(`k${written}`, written)
        // A turn of the event loop now and then, so the edits leave in many frames rather than one.
        if (written % 20 === 0) await nextTurn()
        if (written === 1000) {
          // Halfway, once the other instance has a share of the burst, the victim is killed; the writes go on.
          await eventually(() => keys(onA) > 300, 'the burst is under way and reaching the other instance')
          killed = victim.stop('SIGKILL')
        }
      }
    })()
    await burst
    await killed
    // A marker through Redis after the kill: the victim's relays, published before it, reach A's client first.
    const onB = connect(servers[1]!, session.board())
    await whenSynced(onB)
    onB.doc.getMap('m').set('marker', -1)
    await eventually(() => onA.doc.getMap('m').has('marker'), 'the marker reaches A')
    onB.destroy()
    // Freeze what A's client had received.
    const received = onA.doc.getMap('m').toJSON()
    expect(Object.keys(received).length).toBeGreaterThan(300)
    const fresh = connect(a, session.board())
    await whenSynced(fresh)
    await eventually(() => keys(fresh) >= Object.keys(received).length, 'a new client gets at least what was relayed')
    for (const [key, value] of Object.entries(received)) expect(fresh.doc.getMap('m').get(key)).toBe(value)
    // The victim's client reconnects elsewhere (as a load balancer would send it) and resyncs what it had.
    onVictim.destroy()
    const moved = connect(a, session.board(), onVictim.doc)
    await whenSynced(moved)
    await eventually(
      () => keys(onA) === keys(moved) && keys(moved) >= written,
      `all ${written} of the victim's writes reach A (${keys(onA)})`,
    )
  })

  it('ends converged when Redis is stopped and restarted during edits', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const session = await createSession(a.url)
    const [onA, onB] = [connect(a, session.board()), connect(b, session.board())]
    await Promise.all([whenSynced(onA), whenSynced(onB)])
    const edit = async (label: string, count: number) => {
      for (let i = 0; i < count; i++) {
        onA.doc.getMap('m').set(`${label}a${i}`, i)
        onB.doc.getMap('m').set(`${label}b${i}`, i)
        // One edit a turn of the event loop, so that each leaves on its own while Redis comes and goes.
        await nextTurn()
      }
    }
    await edit('voor', 50)
    await redis.kill()
    await edit('tijdens', 100)
    // Each instance went on serving its own clients while Redis was away.
    expect(onA.doc.getMap('m').has('tijdensa99')).toBe(true)
    await redis.start()
    await edit('na', 50)
    await eventually(
      () => keys(onA) === 400 && keys(onB) === 400,
      `both converge on 400 keys (A ${keys(onA)}, B ${keys(onB)})`,
      20_000,
    ).catch((error: unknown) => {
      // What each instance said about Redis is what explains a failure here.
      console.log(`instance A:\n${a.output}\ninstance B:\n${b.output}`)
      throw error
    })
    expect(onA.doc.getMap('m').toJSON()).toEqual(onB.doc.getMap('m').toJSON())
  })

  it('counts join-code attempts and joins across instances, so neither is faster with more of them', async () => {
    // 2 a minute with bursts of 4: alone, each of two instances would let 4 through, 8 in all.
    // Joins come from an address of their own (behind a trusted proxy), so the bucket they empty in Redis is not
    // the loopback address's, which the other tests' instances share.
    const limits = {
      JOIN_CODE_ATTEMPTS_PER_MINUTE: '2',
      JOINS_PER_MINUTE_PER_ADDRESS: '2',
      JOIN_BURST_PER_ADDRESS: '4',
      TRUST_PROXY: 'true',
    }
    const limited = await Promise.all([1, 2].map(() => ServerProcess.launch({ ...env, ...limits })))
    servers.push(...limited)
    const statuses: number[] = []
    for (let i = 0; i < 8; i++) statuses.push((await fetch(`${limited[i % 2]!.url}/api/join/ABCDEF`)).status)
    expect(statuses.filter((status) => status !== 429)).toHaveLength(4)
    expect(statuses.slice(4)).toEqual([429, 429, 429, 429])

    const session = await createSession(limited[0]!.url)
    const joins: number[] = []
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${limited[i % 2]!.url}/api/sessions/${session.id}/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
        body: JSON.stringify({ name: `Persoon ${i}`, invite: session.code }),
      })
      joins.push(response.status)
    }
    expect(joins.slice(0, 4)).toEqual([201, 201, 201, 201])
    expect(joins.slice(4)).toEqual([429, 429, 429, 429])
    await Promise.all(limited.map((server) => server.stop()))
  })

  it('removes a participant on every instance: their socket elsewhere is closed with 4401 within a second', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const session = await createSession(a.url)
    const anna = await session.join('Anna')
    const bram = await session.join('Bram')
    const annaOnB = await Promise.all([
      connectRaw(b.wsUrl, session.board(anna.token)),
      connectRaw(b.wsUrl, session.control(anna.token)),
    ])
    const bramOnB = connect(b, session.board(bram.token))
    await whenSynced(bramOnB)
    const removed = await fetch(`${a.url}/api/sessions/${session.id}/participants/${anna.participantId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.facilitatorToken}` },
    })
    expect(removed.status).toBe(204)
    for (const socket of annaOnB)
      expect(await closedWithin(socket, 1000)).toEqual({ code: 4401, reason: 'you were removed from this session' })
    expect(bramOnB.wsconnected).toBe(true)
  })

  it('closes and reopens a session on every instance: writes elsewhere are refused with 4403, then taken again', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const session = await createSession(a.url)
    const anna = await session.join('Anna')
    const readerOnB = connect(b, session.board(session.observerToken))
    await whenSynced(readerOnB)
    /** One write of Anna's on B, on a fresh socket: refused (how it was closed) or taken (the reader gets it). */
    let attempt = 0
    const writeOnB = async (): Promise<{ code: number; reason: string } | 'taken'> => {
      const key = `poging-${attempt++}`
      const socket = await connectRaw(b.wsUrl, session.board(anna.token))
      const doc = new Y.Doc()
      doc.getMap('m').set(key, true)
      socket.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)))
      const taken = new Promise<'taken'>((done) => {
        const check = () => {
          if (!readerOnB.doc.getMap('m').has(key)) return
          readerOnB.doc.getMap('m').unobserve(check)
          done('taken')
        }
        readerOnB.doc.getMap('m').observe(check)
      })
      const outcome = await Promise.race([socket.closed, taken])
      socket.socket.close()
      return outcome
    }
    const setClosed = (closed: boolean) =>
      fetch(`${a.url}/api/sessions/${session.id}/${closed ? 'close' : 'reopen'}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.facilitatorToken}` },
      })

    expect(await writeOnB()).toBe('taken')
    expect((await setClosed(true)).status).toBe(200)
    // B hears of it over Redis within moments; until then a write may still be taken there.
    let outcome = await writeOnB()
    while (outcome === 'taken' && attempt < 50) outcome = await writeOnB()
    expect(outcome).toEqual({ code: 4403, reason: 'session closed' })
    expect(readerOnB.wsconnected).toBe(true)

    expect((await setClosed(false)).status).toBe(200)
    outcome = await writeOnB()
    while (outcome !== 'taken' && attempt < 100) outcome = await writeOnB()
    expect(outcome).toBe('taken')
  })

  it('deletes a session on every instance: peers elsewhere are closed with 4404 and nothing of its rooms is stored again', async () => {
    // Instances that unload an empty room at once, so that B's unload (and the snapshot it writes) comes quickly.
    const [a, b] = (await Promise.all(
      [1, 2].map(() => ServerProcess.launch({ ...env, ROOM_UNLOAD_AFTER_MS: '100' })),
    )) as [ServerProcess, ServerProcess]
    servers.push(a, b)
    const database = new pg.Client({ connectionString: env.DATABASE_URL })
    await database.connect()
    const storedRows = async (sessionId: string) =>
      Number(
        (
          await database.query<{ n: string }>('SELECT count(*) AS n FROM document_updates WHERE room LIKE $1', [
            `${sessionId}-%`,
          ])
        ).rows[0]?.n,
      )
    try {
      const session = await createSession(a.url)
      const anna = await session.join('Anna')
      const onB = await connectRaw(b.wsUrl, session.board(anna.token))
      const doc = new Y.Doc()
      const write = (key: string) => {
        const before = Y.encodeStateVector(doc)
        doc.getMap('m').set(key, 1)
        onB.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc, before)))
      }
      for (const key of ['een', 'twee', 'drie']) write(key)
      const storedBoard = async () => {
        const { rows } = await database.query<{ data: Buffer }>(
          'SELECT data FROM document_updates WHERE room = $1 ORDER BY seq',
          [session.board().room],
        )
        const stored = new Y.Doc()
        for (const row of rows) Y.applyUpdate(stored, row.data)
        return Object.keys(stored.getMap('m').toJSON()).sort()
      }
      await eventually(async () => (await storedBoard()).length === 3, "B's edits are stored")

      const deleted = await fetch(`${a.url}/api/sessions/${session.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${session.facilitatorToken}` },
      })
      expect(deleted.status).toBe(204)
      // B's peer, which A never saw, keeps writing until it hears.
      if (onB.socket.readyState === onB.socket.OPEN) write('na')
      expect(await closedWithin(onB)).toEqual({ code: 4404, reason: 'this session was deleted' })
      expect(await storedRows(session.id)).toBe(0)
      // A marker in time: a board on B, left after the deletion, which B writes back as one snapshot when it
      // unloads it. B's unload of the deleted board, which used to write that board back too, would come first.
      const marking = await createSession(a.url)
      const markerRows = async () =>
        Number(
          (
            await database.query<{ n: string }>('SELECT count(*) AS n FROM document_updates WHERE room = $1', [
              marking.board().room,
            ])
          ).rows[0]?.n,
        )
      const markerOnB = await connectRaw(b.wsUrl, marking.board())
      const markerDoc = new Y.Doc()
      for (const [at, key] of ['een', 'twee'].entries()) {
        const before = Y.encodeStateVector(markerDoc)
        markerDoc.getMap('m').set(key, 1)
        markerOnB.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(markerDoc, before)))
        await eventually(async () => (await markerRows()) === at + 1, 'the marker edit is stored on its own')
      }
      markerOnB.socket.close()
      await eventually(async () => (await markerRows()) === 1, 'B has unloaded the marker board as one snapshot')
      expect(await storedRows(session.id)).toBe(0)
      expect(b.output).not.toMatch(/compaction on unload failed|could not store/)
    } finally {
      await database.end()
      await Promise.all([a.stop(), b.stop()])
    }
  })

  it('serves the whole document from a third instance started later', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const session = await createSession(a.url)
    const [onA, onB] = [connect(a, session.board()), connect(b, session.board())]
    await Promise.all([whenSynced(onA), whenSynced(onB)])
    for (let i = 0; i < 200; i++) (i % 2 ? onA : onB).doc.getMap('m').set(`k${i}`, i)
    await eventually(() => keys(onA) === 200 && keys(onB) === 200, 'both instances have all 200')
    const c = await launch()
    const onC = connect(c, session.board())
    await whenSynced(onC)
    expect(keys(onC)).toBe(200)
    onC.doc.getMap('m').set('van-c', 1)
    await eventually(
      () => onA.doc.getMap('m').has('van-c') && onB.doc.getMap('m').has('van-c'),
      'an edit on the third reaches the first two',
    )
  })
})
