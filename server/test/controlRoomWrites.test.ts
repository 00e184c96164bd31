import { getTemplate } from '@werkplaats/playbook-data'
import {
  parseSessionRoomName,
  readControlParticipants,
  readControlSession,
  readPublicVoteRounds,
} from '@werkplaats/shared'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { SqliteSessionRepository } from '../src/store/sqliteSessionRepository.ts'
import { SqliteDocumentStore } from '../src/store/sqliteStore.ts'
import { SqliteVoteRepository } from '../src/store/sqliteVoteRepository.ts'
import { callApi } from './support/api.ts'
import { connectProvider, whenSynced } from './support/clients.ts'
import { createSession, type TestSession } from './support/sessions.ts'
import { log } from '../src/observability/log.ts'
import { useServer } from './support/useServer.ts'

const questions = getTemplate('oecd-innovatie-playbook')?.principles[0]?.assessmentQuestions.map((q) => q.id) ?? []

/**
 * The real SQLite store, with a fault injected: the next `failures` appends to a control room fail, as a full disk
 * or a lost database connection would make them.
 */
class FailingControlStore extends SqliteDocumentStore {
  failures = 0
  override append(room: string, update: Uint8Array): Promise<number> {
    if (parseSessionRoomName(room)?.kind === 'control' && this.failures > 0) {
      this.failures--
      return Promise.reject(new Error('disk full'))
    }
    return super.append(room, update)
  }
}

describe('server writes to the control room that fail', () => {
  let store: FailingControlStore
  const server = useServer({
    backends: (dataDir) => {
      store = new FailingControlStore(dataDir)
      return {
        stores: {
          documents: store,
          sessions: new SqliteSessionRepository(dataDir),
          votes: new SqliteVoteRepository(dataDir),
        },
      }
    },
  })
  const url = () => server.url
  const providers: WebsocketProvider[] = []
  const level = log.level

  afterEach(() => {
    log.level = level
    store.failures = 0
    for (const provider of providers.splice(0)) provider.destroy()
  })

  /** What a newcomer to the control room is shown: the room as the server holds it. */
  async function controlRoomAsSeen(session: TestSession) {
    const provider = connectProvider(server.wsUrl, session.control())
    providers.push(provider)
    await whenSynced(provider)
    return provider.doc
  }

  async function roundWithAVote() {
    const session = await createSession(url(), 'oecd-innovatie-playbook')
    const anna = await session.join('Anna')
    const created = await callApi(url(), `/api/sessions/${session.id}/rounds`, session.facilitatorToken, 'POST', {
      stageId: 'kaderen',
      cardIds: questions,
      votesPerParticipant: 1,
      maxVotesPerCard: 1,
    })
    const roundId = String(created.body.roundId)
    expect(
      (
        await callApi(url(), `/api/sessions/${session.id}/rounds/${roundId}/votes`, anna.token, 'POST', {
          cardId: questions[0],
        })
      ).status,
    ).toBe(201)
    await server.votes.settled()
    return {
      session,
      reveal: () =>
        callApi(url(), `/api/sessions/${session.id}/rounds/${roundId}/reveal`, session.facilitatorToken, 'POST'),
    }
  }

  it('tries a failed reveal again, and answers 200 only once the room shows it revealed', async () => {
    const { session, reveal } = await roundWithAVote()
    log.level = 'silent'
    store.failures = 1
    expect((await reveal()).status).toBe(200)
    expect(store.failures).toBe(0)
    const [shown] = readPublicVoteRounds(await controlRoomAsSeen(session))
    expect(shown?.status).toBe('revealed')
    expect(shown?.tallies?.[0]).toEqual({ cardId: questions[0], votes: 1, voters: 1 })
  })

  it('answers a reveal the room cannot take with 503, and the next one, once it can, with 200', async () => {
    const { session, reveal } = await roundWithAVote()
    log.level = 'silent'
    store.failures = 1000
    const refused = await reveal()
    expect(refused).toEqual({
      status: 503,
      body: { error: 'the vote round could not be saved in the control room; try again' },
    })
    store.failures = 0
    expect(readPublicVoteRounds(await controlRoomAsSeen(session))[0]?.status).toBe('open')
    expect((await reveal()).status).toBe(200)
    expect(readPublicVoteRounds(await controlRoomAsSeen(session))[0]?.status).toBe('revealed')
  })

  it('leaves no one in the store whom the room does not show when a join cannot be written to the room', async () => {
    const session = await createSession(url(), 'oecd-innovatie-playbook')
    log.level = 'silent'
    store.failures = 1000
    await expect(session.join('Spook')).rejects.toThrow(/503/)
    store.failures = 0
    const view = await callApi(url(), `/api/sessions/${session.id}`, session.facilitatorToken)
    const names = (view.body.participants as Array<{ name: string }>).map((p) => p.name)
    expect(names).not.toContain('Spook')
    expect(readControlParticipants(await controlRoomAsSeen(session)).map((p) => p.name)).not.toContain('Spook')
    // The next join, the room healthy again, goes through to both.
    const anna = await session.join('Anna')
    const room = await controlRoomAsSeen(session)
    expect(readControlParticipants(room).map((p) => p.participantId)).toContain(anna.participantId)
  })

  it('keeps the old title in the store when a rename cannot be written to the room', async () => {
    const session = await createSession(url(), 'oecd-innovatie-playbook', 'Oude titel')
    const rename = (title: string) =>
      callApi(url(), `/api/sessions/${session.id}`, session.facilitatorToken, 'PATCH', { title })
    log.level = 'silent'
    store.failures = 1000
    expect((await rename('Nieuwe titel')).status).toBe(503)
    store.failures = 0
    expect((await callApi(url(), `/api/sessions/${session.id}`, session.facilitatorToken)).body.title).toBe(
      'Oude titel',
    )
    expect(readControlSession(await controlRoomAsSeen(session))?.title).toBe('Oude titel')
    expect((await rename('Nieuwe titel')).status).toBe(200)
    expect(readControlSession(await controlRoomAsSeen(session))?.title).toBe('Nieuwe titel')
  })
})
