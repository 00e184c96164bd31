import { privateRoomName, sessionRoomName, sessionViewSchema } from '@werkplaats/shared'
import { getTemplate } from '@werkplaats/playbook-data'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Stores } from '../src/backends.ts'
import { configFromEnvironment, type RunningServer, startServer } from '../src/index.ts'
import { DAY_MS } from '../src/sessions/retentionSweep.ts'
import { PostgresDatabase } from '../src/store/postgresDatabase.ts'
import { PostgresSessionRepository } from '../src/store/postgresSessionRepository.ts'
import { PostgresDocumentStore } from '../src/store/postgresStore.ts'
import { PostgresVoteRepository } from '../src/store/postgresVoteRepository.ts'
import { callApi } from './support/api.ts'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { temporaryDataDir } from './support/serverProcess.ts'
import { startPostgres, type TestPostgres } from './support/services.ts'
import { createSession } from './support/sessions.ts'
import { sqliteStores } from '../src/backends.ts'

const RETENTION_DAYS = 30
const START = Date.UTC(2026, 0, 5, 9, 0)
const questions = getTemplate('oecd-innovatie-playbook')?.principles[0]?.assessmentQuestions.map((q) => q.id) ?? []

type StoresUnderTest = Pick<Stores, 'documents' | 'sessions' | 'votes'>

/**
 * The retention sweep against one kind of store, with the server's clock in the test's hand: a session idle for
 * RETENTION_DAYS + 1 goes with its rooms, people, tokens and votes; one idle for RETENTION_DAYS − 1 stays, and so
 * does an old one in which something happened lately.
 */
function retentionSuite(kind: string, open: () => Promise<{ stores: StoresUnderTest; cleanup(): Promise<void> }>) {
  describe(`the retention sweep on ${kind}`, () => {
    let now = START
    let server: RunningServer
    let stores: StoresUnderTest
    let cleanup: () => Promise<void>
    const url = () => `http://127.0.0.1:${server.port}`
    const wsUrl = () => `ws://127.0.0.1:${server.port}/yjs`

    beforeAll(async () => {
      ;({ stores, cleanup } = await open())
      server = await startServer(
        configFromEnvironment({ PORT: '0', HOST: '127.0.0.1', RETENTION_DAYS: String(RETENTION_DAYS) }),
        { stores, now: () => now },
      )
    })
    afterAll(async () => {
      await server?.close()
      await cleanup?.()
    })

    it('deletes a session idle for RETENTION_DAYS + 1 with everything in it, and keeps the others', async () => {
      // Day 0: a workshop with a participant, a board edit, a private note and a vote.
      const idle = await createSession(url(), 'oecd-innovatie-playbook', 'Oud')
      const anna = await idle.join('Anna')
      const board = connectProvider(wsUrl(), idle.board(anna.token))
      const own = connectProvider(wsUrl(), { room: privateRoomName(idle.id, anna.participantId), token: anna.token })
      await Promise.all([whenSynced(board), whenSynced(own)])
      board.doc.getMap('records').set('shape:oud', { id: 'shape:oud' })
      own.doc.getMap('records').set('shape:prive', { id: 'shape:prive' })
      const round = await callApi(url(), `/api/sessions/${idle.id}/rounds`, idle.facilitatorToken, 'POST', {
        stageId: 'kaderen',
        cardIds: questions,
        votesPerParticipant: 3,
        maxVotesPerCard: 1,
      })
      const roundId = String(round.body.roundId)
      const vote = await callApi(url(), `/api/sessions/${idle.id}/rounds/${roundId}/votes`, anna.token, 'POST', {
        cardId: questions[0],
      })
      expect(vote.status).toBe(201)
      const rooms = [
        sessionRoomName(idle.id, 'board'),
        sessionRoomName(idle.id, 'control'),
        privateRoomName(idle.id, anna.participantId),
      ]
      await eventually(async () => {
        const stored = await Promise.all(rooms.map((room) => stores.documents.load(room)))
        return stored.every((document) => document.updates.length > 0)
      }, 'every room of the old session has stored updates')
      // Everything of day 0 is stored before the clock moves on (the vote's tally is written paced).
      await server.votes.settled()
      board.destroy()
      own.destroy()
      // Also made on day 0, but someone joins on day 20: active since.
      const revived = await createSession(url(), 'blank', 'Weer gebruikt')

      now = START + 2 * DAY_MS
      const recent = await createSession(url(), 'blank', 'Recent')
      const view = sessionViewSchema.parse(
        (await callApi(url(), `/api/sessions/${recent.id}`, recent.facilitatorToken)).body,
      )
      // The facilitator sees when the idle session will be removed; nobody else is told.
      expect(view.removedIfIdleAt).toBe(now + RETENTION_DAYS * DAY_MS)
      const annaView = sessionViewSchema.parse((await callApi(url(), `/api/sessions/${idle.id}`, anna.token)).body)
      expect(annaView.removedIfIdleAt).toBeUndefined()

      now = START + 20 * DAY_MS
      await revived.join('Bram')
      await eventually(
        async () => (await stores.sessions.findSession(revived.id))?.lastActiveAt === now,
        'the join is noted as activity',
      )

      now = START + (RETENTION_DAYS + 1) * DAY_MS
      expect(await server.retention.sweep()).toBe(1)

      // The idle session: its tokens, people, rooms, rounds and votes are gone.
      expect((await callApi(url(), `/api/sessions/${idle.id}`, idle.facilitatorToken)).status).toBe(401)
      expect(await stores.sessions.findSession(idle.id)).toBeNull()
      expect(await stores.sessions.listPeople(idle.id)).toEqual([])
      expect(await stores.votes.findRound(roundId)).toBeNull()
      expect(await stores.votes.ballots(roundId)).toEqual([])
      for (const room of rooms) expect((await stores.documents.load(room)).updates, room).toEqual([])
      // Idle for RETENTION_DAYS − 1, and active on day 20: both stay.
      for (const kept of [recent, revived]) {
        const answer = await callApi(url(), `/api/sessions/${kept.id}`, kept.facilitatorToken)
        expect(answer.status, kept.title).toBe(200)
      }
      expect(await server.retention.sweep()).toBe(0)
    })
  })
}

retentionSuite('SQLite', async () => {
  const data = temporaryDataDir()
  return {
    stores: sqliteStores(data.path),
    cleanup: async () => data.remove(),
  }
})

describe('on PostgreSQL', () => {
  let postgres: TestPostgres
  beforeAll(async () => {
    postgres = await startPostgres()
  })
  afterAll(async () => {
    await postgres?.stop()
  })

  retentionSuite('PostgreSQL', async () => {
    const database = await PostgresDatabase.connect(await postgres.createDatabase())
    return {
      stores: {
        documents: new PostgresDocumentStore(database),
        sessions: new PostgresSessionRepository(database),
        votes: new PostgresVoteRepository(database),
      },
      cleanup: async () => {},
    }
  })

  it('lets one instance sweep at a time (an advisory lock), and the next one once it is done', async () => {
    const url = await postgres.createDatabase()
    const [first, second] = await Promise.all(
      [1, 2].map(async () => new PostgresSessionRepository(await PostgresDatabase.connect(url))),
    )
    let release = () => {}
    const holding = new Promise<void>((done) => {
      release = done
    })
    let started = () => {}
    const running = new Promise<void>((done) => {
      started = done
    })
    const firstSweep = first!.exclusively('sweep', async () => {
      started()
      await holding
    })
    await running
    expect(await second!.exclusively('sweep', async () => {})).toBe(false)
    expect(await second!.exclusively('another task', async () => {})).toBe(true)
    release()
    expect(await firstSweep).toBe(true)
    expect(await second!.exclusively('sweep', async () => {})).toBe(true)
    await first!.close()
    await second!.close()
  })
})
