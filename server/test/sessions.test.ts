import { readControlParticipants, readControlSession, sessionViewSchema, templateSchema } from '@werkplaats/shared'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeOf, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { useProviders } from './support/useProviders.ts'
import { createSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

describe('sessions and roles, against the real server', () => {
  const server = useServerProcess({
    JOIN_CODE_ATTEMPTS_PER_MINUTE: '6',
    ROOM_UNLOAD_AFTER_MS: '50',
    MAX_PARTICIPANTS_PER_SESSION: '4',
  })
  const connect = useProviders()

  const api = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
    })

  it('lists the templates with their stages and minutes', async () => {
    const response = await api('/api/templates')
    expect(response.status).toBe(200)
    const templates = (await response.json()) as Array<{
      id: string
      stages: number
      minutes: number
      language: string
    }>
    const oecd = templates.find((t) => t.id === 'oecd-innovatie-playbook')
    expect(oecd).toMatchObject({ language: 'nl' })
    expect(oecd?.stages).toBeGreaterThan(3)
    expect(oecd?.minutes).toBeGreaterThan(60)
    expect(templates.map((t) => t.id)).toContain('iedereen-kan-innoveren')
    const whole = await api('/api/templates/oecd-innovatie-playbook')
    expect(whole.status).toBe(200)
    expect(templateSchema.parse(await whole.json()).principles).toHaveLength(5)
    expect((await api('/api/templates/bestaat-niet')).status).toBe(404)
  })

  it('creates a session with unguessable ids and tokens, and links that carry no token, only secrets in the fragment', async () => {
    const response = await api('/api/sessions', {
      method: 'POST',
      body: JSON.stringify({ templateId: 'oecd-innovatie-playbook', title: '  Team  Innovatie ' }),
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as Record<string, unknown> & { links: Record<string, string> }
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(created.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/)
    expect(created.facilitatorToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(created.observerToken).not.toBe(created.facilitatorToken)
    expect(Object.keys(created.links).sort()).toEqual(['observer', 'participant'])
    expect(created.links.observer).toMatch(new RegExp(`^${server.url}/s/${created.id}#w=[A-Za-z0-9_-]{43}$`))
    expect(created.links.participant).toMatch(new RegExp(`^${server.url}/s/${created.id}#i=[A-Za-z0-9_-]{43}$`))
    const view = sessionViewSchema.parse(
      await (await api(`/api/sessions/${created.id}`, { token: String(created.facilitatorToken) })).json(),
    )
    expect(view).toMatchObject({
      title: 'Team Innovatie',
      templateId: 'oecd-innovatie-playbook',
      role: 'facilitator',
      joinOpen: true,
    })
    expect(view.invitation).toEqual({ code: created.code, links: created.links })
    expect(view.rooms).toEqual({ board: `/yjs/${created.id}-board`, control: `/yjs/${created.id}-control` })
    expect(view.participants).toEqual([{ participantId: view.participantId, name: 'Facilitator', role: 'facilitator' }])
  })

  it('refuses bad requests with a status and a JSON error', async () => {
    const cases: Array<[RequestInit, number, RegExp]> = [
      [{ method: 'POST', body: JSON.stringify({ templateId: 'bestaat-niet', title: 'x' }) }, 404, /template/],
      [{ method: 'POST', body: JSON.stringify({ templateId: 'blank', title: '   ' }) }, 400, /title/],
      [{ method: 'POST', body: JSON.stringify({ templateId: 'Blank!', title: 'x' }) }, 400, /templateId/],
      [{ method: 'POST', body: '{"templateId": ' }, 400, /JSON/i],
      [{ method: 'POST', body: JSON.stringify({ templateId: 'blank', title: 'x'.repeat(100_000) }) }, 413, /body/],
    ]
    for (const [init, status, message] of cases) {
      const response = await api('/api/sessions', init)
      expect(response.status, String(init.body).slice(0, 40)).toBe(status)
      expect(((await response.json()) as { error: string }).error).toMatch(message)
    }
  })

  it('joins by link with a name (1–64 characters, no control characters), and by code', async () => {
    const session = await createSession(server.url)
    for (const name of ['', '   ', 'x'.repeat(65), 'Anna\u0000', 'Anna\nB']) {
      const response = await api(`/api/sessions/${session.id}/participants`, {
        method: 'POST',
        body: JSON.stringify({ name, invite: session.code }),
      })
      expect(response.status, JSON.stringify(name)).toBe(400)
      expect(((await response.json()) as { error: string }).error).toMatch(/name/)
    }
    const joined = await api(`/api/sessions/${session.id}/participants`, {
      method: 'POST',
      body: JSON.stringify({ name: ' Zoë ', invite: new URL(session.links.participant).hash.slice('#i='.length) }),
    })
    expect(joined.status).toBe(201)
    const { token, participantId } = (await joined.json()) as { token: string; participantId: string }
    const view = sessionViewSchema.parse(await (await api(`/api/sessions/${session.id}`, { token })).json())
    expect(view).toMatchObject({ role: 'participant', participantId })
    expect(view.participants.map((p) => [p.name, p.role])).toEqual([
      ['Facilitator', 'facilitator'],
      ['Zoë', 'participant'],
    ])

    const byCode = await api(`/api/join/${session.code.toLowerCase().slice(0, 3)}-${session.code.slice(3)}`)
    expect(byCode.status).toBe(200)
    expect(await byCode.json()).toEqual({ sessionId: session.id, title: 'Testsessie' })
    expect(
      (
        await api(`/api/sessions/AAAAAAAAAAAAAAAAAAAAAA/participants`, {
          method: 'POST',
          body: JSON.stringify({ name: 'x', invite: session.code }),
        })
      ).status,
    ).toBe(404)
  })

  it('names the session to whoever has its join code, with its current title and nothing secret', async () => {
    const session = await createSession(server.url, 'blank', 'Team <b>Noord</b> & co')
    const lookUp = async () => {
      const response = await api(`/api/join/${session.code}`)
      expect(response.status).toBe(200)
      return response.json()
    }
    // Exactly these two fields: no token, no invitation secret, no participant.
    expect(await lookUp()).toStrictEqual({ sessionId: session.id, title: 'Team <b>Noord</b> & co' })
    const renamed = await api(`/api/sessions/${session.id}`, {
      method: 'PATCH',
      token: session.facilitatorToken,
      body: JSON.stringify({ title: 'Innovatiesessie team Zuid' }),
    })
    expect(renamed.status).toBeLessThan(300)
    const answer = JSON.stringify(await lookUp())
    expect(answer).toBe(JSON.stringify({ sessionId: session.id, title: 'Innovatiesessie team Zuid' }))
    for (const secret of [session.facilitatorToken, session.observerToken, session.links.participant.split('#i=')[1]])
      expect(answer).not.toContain(secret)
  })

  it('admits a limited number of people per session', async () => {
    const session = await createSession(server.url)
    for (const name of ['Anna', 'Bram', 'Cor']) await session.join(name)
    const full = await api(`/api/sessions/${session.id}/participants`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Dirk', invite: session.code }),
    })
    expect(full.status).toBe(409)
    expect(await full.json()).toEqual({ error: 'this session is full (at most 4 people)' })
  })

  it('has private rooms only for the participants of the session', async () => {
    const session = await createSession(server.url)
    const other = await createSession(server.url)
    const stranger = await other.join('Vreemde')
    for (const owner of ['A'.repeat(22), stranger.participantId]) {
      const raw = await connectRaw(server.wsUrl, {
        room: `${session.id}-private-${owner}`,
        token: session.facilitatorToken,
      })
      expect(await raw.closed, owner).toEqual({ code: 4404, reason: 'no such participant in this session' })
    }
  })

  it('refuses missing, wrong and other-session tokens on HTTP', async () => {
    const mine = await createSession(server.url)
    const other = await createSession(server.url)
    const participant = await mine.join('Piet')
    expect((await api(`/api/sessions/${mine.id}`)).status).toBe(401)
    expect((await api(`/api/sessions/${mine.id}`, { token: 'nietgoed-nietgoed-nietgoed' })).status).toBe(401)
    const foreign = await api(`/api/sessions/${mine.id}`, { token: other.facilitatorToken })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toEqual({ error: 'this token belongs to another session' })
    expect((await api(`/api/sessions/${mine.id}`, { token: mine.observerToken })).status).toBe(200)
    // Facilitator-only actions
    for (const token of [participant.token, mine.observerToken]) {
      expect(
        (await api(`/api/sessions/${mine.id}`, { method: 'PATCH', token, body: JSON.stringify({ title: 'Gekaapt' }) }))
          .status,
      ).toBe(403)
      expect((await api(`/api/sessions/${mine.id}`, { method: 'DELETE', token })).status).toBe(403)
      expect((await api(`/api/sessions/${mine.id}/duplicate`, { method: 'POST', token })).status).toBe(403)
    }
    for (const path of ['observer-invitation', 'handover']) {
      expect((await api(`/api/sessions/${mine.id}/${path}`, { method: 'POST', token: participant.token })).status).toBe(
        403,
      )
    }
    expect((await api(`/api/sessions/${mine.id}`, { token: mine.observerToken })).status).toBe(200)
    const renamed = await api(`/api/sessions/${mine.id}`, {
      method: 'PATCH',
      token: mine.facilitatorToken,
      body: JSON.stringify({ title: 'Nieuwe naam' }),
    })
    expect(renamed.status).toBe(200)
    expect(((await renamed.json()) as { title: string }).title).toBe('Nieuwe naam')
  })

  it('refuses missing, wrong and other-session tokens on the socket, with a 44xx code the stock client does not retry', async () => {
    const mine = await createSession(server.url)
    const other = await createSession(server.url)
    const cases: Array<[{ room: string; token: string } | string, number]> = [
      [`${mine.id}-board`, 4401],
      [{ room: `${mine.id}-board`, token: 'x'.repeat(43) }, 4401],
      [{ room: `${mine.id}-board`, token: other.facilitatorToken }, 4403],
      [{ room: `${mine.id}-control`, token: other.observerToken }, 4403],
      [{ room: 'AAAAAAAAAAAAAAAAAAAAAA-board', token: mine.facilitatorToken }, 4403],
      [{ room: 'zomaar-een-bord', token: mine.facilitatorToken }, 4404],
    ]
    for (const [target, code] of cases) {
      const raw = await connectRaw(server.wsUrl, target)
      expect((await raw.closed).code, JSON.stringify(target)).toBe(code)
    }
    const stock = connect(server.wsUrl, mine.board(other.facilitatorToken))
    expect(await closeOf(stock)).toEqual({ code: 4403, reason: 'this token belongs to another session' })
  })

  it("closes a participant's write to the control room with 4403: never relayed, never stored", async () => {
    const session = await createSession(server.url)
    const [anna, bram] = [await session.join('Anna'), await session.join('Bram')]
    const facilitator = connect(server.wsUrl, session.control())
    const annaControl = connect(server.wsUrl, session.control(anna.token))
    const bramControl = connect(server.wsUrl, session.control(bram.token))
    await Promise.all([whenSynced(facilitator), whenSynced(annaControl), whenSynced(bramControl)])
    const annaClosed = closeOf(annaControl)
    const received: Uint8Array[] = []
    bramControl.doc.on('update', (update: Uint8Array) => received.push(update))

    annaControl.doc.getMap('facilitation').set('stageId', 'afsluiting')
    expect(await annaClosed).toEqual({ code: 4403, reason: 'read-only' })
    // The facilitator's own write crosses, so Bram's connection was live all along.
    facilitator.doc.getMap('facilitation').set('stageId', 'welkom')
    await eventually(
      () => bramControl.doc.getMap('facilitation').get('stageId') === 'welkom',
      "the facilitator's write crosses",
    )
    const seen = new Y.Doc()
    for (const update of received) Y.applyUpdate(seen, update)
    expect(seen.getMap('facilitation').toJSON()).toEqual({ stageId: 'welkom' })
    expect(bramControl.wsconnected).toBe(true)

    await server.stop()
    await server.start()
    const after = connect(server.wsUrl, session.control(bram.token))
    await whenSynced(after)
    expect(after.doc.getMap('facilitation').toJSON()).toEqual({ stageId: 'welkom' })
  })

  it("closes an observer's write to the board with 4403, while an observer that only reads stays", async () => {
    const session = await createSession(server.url)
    const anna = await session.join('Anna')
    const writer = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(writer)
    writer.doc.getMap('records').set('shape:a', { id: 'shape:a' })
    writer.doc.getMap('records').delete('shape:a') // a delete set, which every later sync step 2 carries
    writer.doc.getMap('records').set('shape:b', { id: 'shape:b' })
    const reader = connect(server.wsUrl, session.board(session.observerToken))
    const offender = connect(server.wsUrl, session.board(session.observerToken))
    await Promise.all([whenSynced(reader), whenSynced(offender)])
    expect(reader.doc.getMap('records').has('shape:b')).toBe(true)
    const offenderClosed = closeOf(offender)
    offender.doc.getMap('records').set('shape:sticky', { id: 'shape:sticky', text: 'van een waarnemer' })
    expect(await offenderClosed).toEqual({ code: 4403, reason: 'read-only' })
    writer.doc.getMap('records').set('shape:c', { id: 'shape:c' })
    await eventually(() => reader.doc.getMap('records').has('shape:c'), 'the writer still reaches the reader')
    expect(reader.doc.getMap('records').has('shape:sticky')).toBe(false)
    expect(writer.doc.getMap('records').has('shape:sticky')).toBe(false)
    expect(reader.wsconnected).toBe(true)
  })

  it('writes participants into the control room, and stamps presence with who the server knows', async () => {
    const session = await createSession(server.url)
    const anna = await session.join('Anna')
    const observerControl = connect(server.wsUrl, session.control(session.observerToken))
    await whenSynced(observerControl)
    expect(readControlSession(observerControl.doc)).toEqual({ title: 'Testsessie', templateId: 'blank' })
    expect(readControlParticipants(observerControl.doc).map((p) => p.name)).toEqual(['Facilitator', 'Anna'])
    const bram = await session.join('Bram')
    await eventually(() => readControlParticipants(observerControl.doc).length === 3, 'a newcomer is written live')

    const annaBoard = connect(server.wsUrl, session.board(anna.token))
    const bramBoard = connect(server.wsUrl, session.board(bram.token))
    await Promise.all([whenSynced(annaBoard), whenSynced(bramBoard)])
    // Anna claims to be the facilitator.
    annaBoard.awareness.setLocalState({ identity: { participantId: null, name: 'Facilitator', role: 'facilitator' } })
    await eventually(
      () => bramBoard.awareness.getStates().has(annaBoard.awareness.clientID),
      'Anna is present for Bram',
    )
    expect(bramBoard.awareness.getStates().get(annaBoard.awareness.clientID)?.identity).toEqual({
      participantId: anna.participantId,
      name: 'Anna',
      role: 'participant',
    })
  })

  it('rate-limits join-code guessing per address, with Retry-After; right codes are never refused for it', async () => {
    const session = await createSession(server.url)
    for (let i = 0; i < 30; i++) expect((await api(`/api/join/${session.code}`)).status).toBe(200)
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 16; i++) {
      const response = await api('/api/join/ZZZZZZ')
      statuses.push(response.status)
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after')
        expect(((await response.json()) as { error: string }).error).toMatch(/too many/)
      }
    }
    expect(statuses.slice(0, 12).every((status) => status === 404)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    // Out of attempts, even a right code waits: the address is refused before the look-up.
    expect((await api(`/api/join/${session.code}`)).status).toBe(429)
  })

  it('keeps a session, its participants and its rooms across a restart', async () => {
    const session = await createSession(server.url)
    const anna = await session.join('Anna')
    const board = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(board)
    board.doc.getMap('records').set('shape:x', { id: 'shape:x' })
    await eventually(async () => {
      const check = connect(server.wsUrl, session.board(session.observerToken))
      await whenSynced(check)
      const has = check.doc.getMap('records').has('shape:x')
      check.destroy()
      return has
    }, 'stored')
    await server.stop('SIGKILL')
    await server.start()
    const view = sessionViewSchema.parse(await (await api(`/api/sessions/${session.id}`, { token: anna.token })).json())
    expect(view.participants.map((p) => p.name)).toEqual(['Facilitator', 'Anna'])
    const after = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(after)
    expect(after.doc.getMap('records').has('shape:x')).toBe(true)
  })

  it('duplicates the board and settings into a new session, without participants', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook', 'Origineel')
    const anna = await session.join('Anna')
    const board = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(board)
    board.doc.getMap('records').set('shape:kopie', { id: 'shape:kopie' })
    await eventually(async () => (await api(`/api/sessions/${session.id}`, { token: anna.token })).ok, 'up')
    const response = await api(`/api/sessions/${session.id}/duplicate`, {
      method: 'POST',
      token: session.facilitatorToken,
    })
    expect(response.status).toBe(201)
    const copy = (await response.json()) as { id: string; facilitatorToken: string; code: string }
    expect(copy.id).not.toBe(session.id)
    expect(copy.code).not.toBe(session.code)
    expect((copy as unknown as { title: string }).title).toBe('Origineel')
    const view = sessionViewSchema.parse(
      await (await api(`/api/sessions/${copy.id}`, { token: copy.facilitatorToken })).json(),
    )
    expect(view).toMatchObject({ title: 'Origineel', templateId: 'oecd-innovatie-playbook' })
    expect(view.participants.map((p) => p.role)).toEqual(['facilitator'])
    const copied = connect(server.wsUrl, { room: `${copy.id}-board`, token: copy.facilitatorToken })
    await whenSynced(copied)
    expect(copied.doc.getMap('records').has('shape:kopie')).toBe(true)
    // Anna's token is not a token of the copy.
    expect((await api(`/api/sessions/${copy.id}`, { token: anna.token })).status).toBe(403)
  })

  it('deletes a session and all its data; connected clients are closed with 4404', async () => {
    const session = await createSession(server.url)
    const anna = await session.join('Anna')
    const board = connect(server.wsUrl, session.board(anna.token))
    await whenSynced(board)
    board.doc.getMap('records').set('shape:weg', { id: 'shape:weg' })
    const closed = closeOf(board)
    const response = await api(`/api/sessions/${session.id}`, { method: 'DELETE', token: session.facilitatorToken })
    expect(response.status).toBe(204)
    expect(await closed).toEqual({ code: 4404, reason: 'this session was deleted' })
    expect((await api(`/api/sessions/${session.id}`, { token: session.facilitatorToken })).status).toBe(401)
    expect((await api(`/api/join/${session.code}`)).status).toBe(404)
    const raw = await connectRaw(server.wsUrl, session.board(anna.token))
    expect((await raw.closed).code).toBe(4401)
    await server.stop()
    const { DatabaseSync } = await import('node:sqlite')
    const db = new DatabaseSync(`${server.dataDir}/werkplaats.sqlite`)
    const count = (sql: string) => (db.prepare(sql).get(`${session.id}%`) as { n: number }).n
    expect(count('SELECT COUNT(*) AS n FROM document_updates WHERE room LIKE ?')).toBe(0)
    expect(count('SELECT COUNT(*) AS n FROM sessions WHERE id LIKE ?')).toBe(0)
    expect(count('SELECT COUNT(*) AS n FROM people WHERE session_id LIKE ?')).toBe(0)
    expect(count('SELECT COUNT(*) AS n FROM grants WHERE session_id LIKE ?')).toBe(0)
    db.close()
    await server.start()
    // A stop and a start of the server process: on a busy machine that alone can take most of the default 30 s.
  }, 90_000)

  it('describes every route in an OpenAPI 3.1 document, browsable at /api/docs without any outside host', async () => {
    const document = (await (await api('/api/openapi.json')).json()) as {
      openapi: string
      paths: Record<string, Record<string, unknown>>
    }
    expect(document.openapi).toBe('3.1.0')
    const result = await new Validator().validate(document)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    )
    expect(routes.sort()).toEqual(
      [
        'GET /healthz',
        'GET /readyz',
        'GET /api/time',
        'POST /api/sessions/{id}/private/reveal',
        'POST /api/sessions/{id}/observer-invitation',
        'POST /api/sessions/{id}/observers',
        'POST /api/sessions/{id}/handover',
        'POST /api/sessions/{id}/handover/redeem',
        'POST /api/sessions/{id}/tickets',
        'GET /api/config',
        'GET /api/templates',
        'GET /api/templates/{id}',
        'POST /api/sessions',
        'GET /api/sessions/{id}',
        'PATCH /api/sessions/{id}',
        'DELETE /api/sessions/{id}',
        'POST /api/sessions/{id}/participants',
        'DELETE /api/sessions/{id}/participants/{participantId}',
        'POST /api/sessions/{id}/invitation',
        'POST /api/sessions/{id}/duplicate',
        'POST /api/sessions/{id}/close',
        'POST /api/sessions/{id}/reopen',
        'GET /api/join/{code}',
        'GET /yjs/{room}',
        'POST /api/sessions/{id}/rounds',
        'GET /api/sessions/{id}/rounds',
        'GET /api/sessions/{id}/rounds/{roundId}',
        'POST /api/sessions/{id}/rounds/{roundId}/votes',
        'DELETE /api/sessions/{id}/rounds/{roundId}/votes/{cardId}',
        'POST /api/sessions/{id}/rounds/{roundId}/close',
        'POST /api/sessions/{id}/rounds/{roundId}/reveal',
        'PUT /api/sessions/{id}/marks/{actionId}',
        'GET /api/sessions/{id}/marks',
        'GET /api/sessions/{id}/export.md',
        'GET /api/sessions/{id}/export.csv',
        'GET /api/sessions/{id}/export.json',
        'GET /api/sessions/{id}/export.pdf',
        'GET /api/schemas/summary.json',
      ].sort(),
    )
    const page = await (await api('/api/docs')).text()
    expect(page).toContain('/api/docs/assets/swagger-ui-bundle.js')
    expect(page).not.toMatch(/https?:\/\//)
    for (const asset of [
      '/api/docs/assets/swagger-ui-bundle.js',
      '/api/docs/assets/swagger-ui.css',
      '/api/docs/init.js',
    ]) {
      expect((await api(asset)).status, asset).toBe(200)
    }
    expect((await api('/api/docs/assets/package.json')).status).toBe(404)
  })
})
