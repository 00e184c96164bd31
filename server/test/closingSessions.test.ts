import { getTemplate } from '@werkplaats/playbook-data'
import {
  privateRoomName,
  readSessionClosed,
  SESSION_CLOSED_REASON,
  sessionRoomName,
  sessionViewSchema,
} from '@werkplaats/shared'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { callApi } from './support/api.ts'
import { closeOf, connectProvider, eventually, whenSynced } from './support/clients.ts'
import { ServerProcess } from './support/serverProcess.ts'
import { createSession, type TestSession } from './support/sessions.ts'

const TEMPLATE_ID = 'oecd-innovatie-playbook'
const oecd = getTemplate(TEMPLATE_ID)
const questions = oecd?.principles[0]?.assessmentQuestions.map((q) => q.id) ?? []
const firstAction = oecd?.principles[0]?.plays[0]?.actions[0]?.id ?? ''

describe('closing a session ("Sessie afsluiten") and reopening it ("Heropenen")', () => {
  let server: ServerProcess
  const providers: WebsocketProvider[] = []
  const connect = (...args: Parameters<typeof connectProvider>) => {
    const provider = connectProvider(...args)
    providers.push(provider)
    return provider
  }
  const api = (path: string, token?: string, method = 'GET', body?: unknown) =>
    callApi(server.url, path, token, method, body)

  beforeAll(async () => {
    server = await ServerProcess.launch()
  })
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy()
  })
  afterAll(async () => {
    await server.destroy()
  })

  const setClosed = (session: TestSession, closed: boolean, token = session.facilitatorToken) =>
    api(`/api/sessions/${session.id}/${closed ? 'close' : 'reopen'}`, token, 'POST')

  it('makes every room read-only for everyone: each write closes its connection with 4403 "session closed"', async () => {
    const session = await createSession(server.url, TEMPLATE_ID)
    const anna = await session.join('Anna')
    const annaPrivate = { room: privateRoomName(session.id, anna.participantId), token: anna.token }
    const writers = {
      'facilitator on the board': connect(server.wsUrl, session.board()),
      'facilitator in the control room': connect(server.wsUrl, session.control()),
      "facilitator in Anna's private room": connect(server.wsUrl, { ...annaPrivate, token: session.facilitatorToken }),
      'Anna on the board': connect(server.wsUrl, session.board(anna.token)),
      'Anna in her private room': connect(server.wsUrl, annaPrivate),
    }
    const observerControl = connect(server.wsUrl, session.control(session.observerToken))
    for (const provider of [...Object.values(writers), observerControl]) await whenSynced(provider)
    writers['Anna on the board'].doc.getMap('records').set('shape:voor-het-afsluiten', { id: 'shape:voor' })
    await eventually(
      () => writers['facilitator on the board'].doc.getMap('records').has('shape:voor-het-afsluiten'),
      'an edit before closing arrives',
    )

    expect((await setClosed(session, true, anna.token)).status).toBe(403)
    const closed = await setClosed(session, true)
    expect(closed.status).toBe(200)
    expect(sessionViewSchema.parse(closed.body).status).toBe('closed')
    // Readers still sync: every screen learns that the session is closed through the control room.
    await eventually(() => readSessionClosed(observerControl.doc), "the observer's screen shows it closed")

    for (const [who, provider] of Object.entries(writers)) {
      const ended = closeOf(provider)
      provider.doc.getMap('records').set(`shape:na-het-afsluiten`, { id: who })
      expect(await ended, who).toEqual({ code: 4403, reason: SESSION_CLOSED_REASON })
    }

    // Nothing written after closing was kept; what was there before is, for whoever reads it now.
    for (const target of [session.board(anna.token), session.board(session.observerToken)]) {
      const reader = connect(server.wsUrl, target)
      await whenSynced(reader)
      expect(reader.doc.getMap('records').has('shape:voor-het-afsluiten')).toBe(true)
      expect(reader.doc.getMap('records').has('shape:na-het-afsluiten')).toBe(false)
    }
    for (const room of [sessionRoomName(session.id, 'control'), annaPrivate.room]) {
      const reader = connect(server.wsUrl, { room, token: session.facilitatorToken })
      await whenSynced(reader)
      expect(reader.doc.getMap('records').has('shape:na-het-afsluiten'), room).toBe(false)
    }
  })

  it('refuses joins, votes, marks and reveals with 409 while closed; views and exports still work', async () => {
    const session = await createSession(server.url, TEMPLATE_ID)
    const anna = await session.join('Anna')
    const rounds = `/api/sessions/${session.id}/rounds`
    const round = { stageId: 'kaderen', cardIds: questions, votesPerParticipant: 3, maxVotesPerCard: 1 }
    const opened = await api(rounds, session.facilitatorToken, 'POST', round)
    expect(opened.status).toBe(201)
    const roundId = String(opened.body.roundId)
    expect((await setClosed(session, true)).status).toBe(200)
    // Closing twice changes nothing.
    expect((await setClosed(session, true)).status).toBe(200)

    const refused = {
      join: await api(`/api/sessions/${session.id}/participants`, undefined, 'POST', {
        name: 'Bram',
        invite: session.code,
      }),
      'new round': await api(rounds, session.facilitatorToken, 'POST', round),
      vote: await api(`${rounds}/${roundId}/votes`, anna.token, 'POST', { cardId: questions[0] }),
      withdraw: await api(`${rounds}/${roundId}/votes/${questions[0]}`, anna.token, 'DELETE'),
      'close the round': await api(`${rounds}/${roundId}/close`, session.facilitatorToken, 'POST'),
      'reveal the round': await api(`${rounds}/${roundId}/reveal`, session.facilitatorToken, 'POST'),
      mark: await api(`/api/sessions/${session.id}/marks/${firstAction}`, anna.token, 'PUT', { mark: 'geprobeerd' }),
      'reveal private stickies': await api(
        `/api/sessions/${session.id}/private/reveal`,
        session.facilitatorToken,
        'POST',
      ),
    }
    for (const [what, answer] of Object.entries(refused)) {
      expect({ what, ...answer }).toEqual({ what, status: 409, body: { error: 'this session is closed' } })
    }

    for (const token of [session.facilitatorToken, anna.token, session.observerToken]) {
      const view = await api(`/api/sessions/${session.id}`, token)
      expect(view.status).toBe(200)
      expect(sessionViewSchema.parse(view.body).status).toBe('closed')
    }
    const exported = await fetch(`${server.url}/api/sessions/${session.id}/export.md`, {
      headers: { authorization: `Bearer ${session.facilitatorToken}` },
    })
    expect(exported.status).toBe(200)
    expect(await exported.text()).toContain('Testsessie')
  })

  it('reopening undoes it: the same rooms take writes again, joining and voting work', async () => {
    const session = await createSession(server.url, TEMPLATE_ID)
    const anna = await session.join('Anna')
    const annaBoard = connect(server.wsUrl, session.board(anna.token))
    const observerControl = connect(server.wsUrl, session.control(session.observerToken))
    await Promise.all([whenSynced(annaBoard), whenSynced(observerControl)])
    expect((await setClosed(session, true)).status).toBe(200)
    await eventually(() => readSessionClosed(observerControl.doc), 'closed on screen')

    expect((await setClosed(session, false, anna.token)).status).toBe(403)
    const reopened = await setClosed(session, false)
    expect(reopened.status).toBe(200)
    expect(sessionViewSchema.parse(reopened.body).status).toBe('open')
    await eventually(() => !readSessionClosed(observerControl.doc), 'open again on screen')

    // Anna kept her connection through it all (she only read), and now writes again.
    annaBoard.doc.getMap('records').set('shape:na-het-heropenen', { id: 'shape:na-het-heropenen' })
    const facilitatorBoard = connect(server.wsUrl, session.board())
    await eventually(
      () => facilitatorBoard.doc.getMap('records').has('shape:na-het-heropenen'),
      "Anna's edit after reopening arrives",
    )
    expect(annaBoard.wsconnected).toBe(true)
    expect((await session.join('Bram')).token).toBeTruthy()
    const round = { stageId: 'kaderen', cardIds: questions, votesPerParticipant: 3, maxVotesPerCard: 1 }
    expect((await api(`/api/sessions/${session.id}/rounds`, session.facilitatorToken, 'POST', round)).status).toBe(201)
  })
})
