import { readControlParticipants, REMOVED_FROM_SESSION_REASON, sessionViewSchema } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { closedWithin, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { useProviders } from './support/useProviders.ts'
import { createSession, type TestSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

/** The secret in a participants' link (`…#i=<secret>`). */
function linkSecret(link: string): string {
  return new URL(link).hash.slice('#i='.length)
}

describe('the door: invitations, closing, a new invitation, removing a person', () => {
  const server = useServerProcess()
  const connect = useProviders()

  const api = (path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    })
  const join = (session: TestSession, name: string, invite?: string) =>
    api(`/api/sessions/${session.id}/participants`, {
      method: 'POST',
      body: invite === undefined ? { name } : { name, invite },
    })
  const update = (session: TestSession, body: unknown, token = session.facilitatorToken) =>
    api(`/api/sessions/${session.id}`, { method: 'PATCH', body, token })

  it("admits only who brings the join code or the link's secret", async () => {
    const session = await createSession(server.url)
    for (const invite of [undefined, '', session.code === 'ABCDEF' ? 'GHJKMN' : 'ABCDEF', 'x'.repeat(43), session.id]) {
      const refused = await join(session, 'Mallory', invite)
      expect(refused.status, String(invite)).toBe(403)
      expect(await refused.json()).toEqual({
        error: "a valid invitation is needed: the join code or the participants' link",
      })
    }
    const typed = `${session.code.slice(0, 3).toLowerCase()}-${session.code.slice(3)}`
    expect((await join(session, 'Anna', typed)).status).toBe(201)
    expect((await join(session, 'Bram', linkSecret(session.links.participant))).status).toBe(201)
    // Another session's code or secret opens nothing here.
    const other = await createSession(server.url)
    expect((await join(session, 'Mallory', other.code)).status).toBe(403)
    expect((await join(session, 'Mallory', linkSecret(other.links.participant))).status).toBe(403)
  })

  it("shows the code and the link's secret to the facilitator only, never to observers or participants", async () => {
    const session = await createSession(server.url)
    const secret = linkSecret(session.links.participant)
    expect(session.links.observer).not.toContain(secret)
    expect(session.links.observer).not.toContain(session.code)
    const anna = await session.join('Anna')
    for (const token of [session.observerToken, anna.token]) {
      const answer = await (await api(`/api/sessions/${session.id}`, { token })).text()
      const view = sessionViewSchema.parse(JSON.parse(answer))
      expect(view.invitation).toBeUndefined()
      expect(answer).not.toContain(session.code)
      expect(answer).not.toContain(secret)
    }
    const own = sessionViewSchema.parse(
      await (await api(`/api/sessions/${session.id}`, { token: session.facilitatorToken })).json(),
    )
    expect(own.invitation).toEqual({ code: session.code, links: session.links })
  })

  it('refuses joins while the facilitator has closed the door; who is in stays in', async () => {
    const session = await createSession(server.url)
    const anna = await session.join('Anna')
    expect((await update(session, { joinOpen: false }, anna.token)).status).toBe(403)
    const closed = await update(session, { joinOpen: false })
    expect(closed.status).toBe(200)
    expect(sessionViewSchema.parse(await closed.json()).joinOpen).toBe(false)
    for (const invite of [session.code, linkSecret(session.links.participant)]) {
      const refused = await join(session, 'Bram', invite)
      expect(refused.status).toBe(403)
      expect(await refused.json()).toEqual({ error: 'joining is closed' })
    }
    expect((await api(`/api/sessions/${session.id}`, { token: anna.token })).status).toBe(200)
    const annaBoard = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(annaBoard)

    expect((await update(session, { joinOpen: true })).status).toBe(200)
    expect((await join(session, 'Bram', session.code)).status).toBe(201)
    expect(annaBoard.wsconnected).toBe(true)
    expect((await update(session, {})).status).toBe(400)
  })

  it('a new invitation makes the old code and link useless at once; who is in stays in', async () => {
    const session = await createSession(server.url)
    const anna = await session.join('Anna')
    const annaBoard = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(annaBoard)
    expect((await api(`/api/sessions/${session.id}/invitation`, { method: 'POST', token: anna.token })).status).toBe(
      403,
    )

    const answer = await api(`/api/sessions/${session.id}/invitation`, {
      method: 'POST',
      token: session.facilitatorToken,
    })
    expect(answer.status).toBe(200)
    const fresh = (await answer.json()) as { code: string; links: { participant: string } }
    expect(fresh.code).not.toBe(session.code)
    expect(fresh.links.participant).not.toBe(session.links.participant)
    for (const old of [session.code, linkSecret(session.links.participant)])
      expect((await join(session, 'Mallory', old)).status).toBe(403)
    expect((await api(`/api/join/${session.code}`)).status).toBe(404)
    expect(await (await api(`/api/join/${fresh.code}`)).json()).toEqual({ sessionId: session.id, title: 'Testsessie' })
    expect((await join(session, 'Bram', fresh.code)).status).toBe(201)
    expect((await join(session, 'Cor', linkSecret(fresh.links.participant))).status).toBe(201)

    // Anna keeps working: her token, her open board.
    expect((await api(`/api/sessions/${session.id}`, { token: anna.token })).status).toBe(200)
    annaBoard.doc.getMap('records').set('shape:na-de-nieuwe-uitnodiging', { id: 'shape:na-de-nieuwe-uitnodiging' })
    const facilitatorBoard = connect(server.wsUrl, session.board())
    await eventually(
      () => facilitatorBoard.doc.getMap('records').has('shape:na-de-nieuwe-uitnodiging'),
      'Anna still writes on the board',
    )
    const view = sessionViewSchema.parse(
      await (await api(`/api/sessions/${session.id}`, { token: session.facilitatorToken })).json(),
    )
    expect(view.invitation).toEqual(fresh)
  })

  it('removes a participant: token refused, sockets closed 4401 within a second, stickies kept, gone from the list', async () => {
    const session = await createSession(server.url)
    const anna = await session.join('Anna')
    const bram = await session.join('Bram')
    const annaBoard = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(annaBoard)
    annaBoard.doc.getMap('records').set('shape:van-anna', { id: 'shape:van-anna', text: 'blijft staan' })
    const facilitatorBoard = connect(server.wsUrl, session.board())
    const observerControl = connect(server.wsUrl, session.control(session.observerToken))
    await whenSynced(observerControl)
    await eventually(
      () => facilitatorBoard.doc.getMap('records').has('shape:van-anna'),
      "Anna's sticky is on the board",
    )
    const annaSockets = await Promise.all([
      connectRaw(server.wsUrl, session.board(anna.token)),
      connectRaw(server.wsUrl, session.control(anna.token)),
    ])
    const bramSocket = await connectRaw(server.wsUrl, session.board(bram.token))

    expect(
      (
        await api(`/api/sessions/${session.id}/participants/${anna.participantId}`, {
          method: 'DELETE',
          token: bram.token,
        })
      ).status,
    ).toBe(403)
    const removed = await api(`/api/sessions/${session.id}/participants/${anna.participantId}`, {
      method: 'DELETE',
      token: session.facilitatorToken,
    })
    expect(removed.status).toBe(204)
    for (const socket of annaSockets) {
      expect(await closedWithin(socket, 1000)).toEqual({ code: 4401, reason: REMOVED_FROM_SESSION_REASON })
    }
    expect((await api(`/api/sessions/${session.id}`, { token: anna.token })).status).toBe(401)
    expect(await closedWithin(await connectRaw(server.wsUrl, session.board(anna.token)))).toMatchObject({ code: 4401 })
    await eventually(
      () => !readControlParticipants(observerControl.doc).some((p) => p.participantId === anna.participantId),
      'Anna leaves the list',
    )
    const view = sessionViewSchema.parse(
      await (await api(`/api/sessions/${session.id}`, { token: session.facilitatorToken })).json(),
    )
    expect(view.participants.map((p) => p.name)).toEqual(['Facilitator', 'Bram'])
    expect(facilitatorBoard.doc.getMap('records').get('shape:van-anna')).toEqual({
      id: 'shape:van-anna',
      text: 'blijft staan',
    })
    // Bram is untouched.
    expect(bramSocket.socket.readyState).toBe(bramSocket.socket.OPEN)
    expect((await api(`/api/sessions/${session.id}`, { token: bram.token })).status).toBe(200)

    expect(
      (
        await api(`/api/sessions/${session.id}/participants/${anna.participantId}`, {
          method: 'DELETE',
          token: session.facilitatorToken,
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await api(`/api/sessions/${session.id}/participants/${view.participantId}`, {
          method: 'DELETE',
          token: session.facilitatorToken,
        })
      ).status,
    ).toBe(409)
    bramSocket.socket.close()
  })
})
