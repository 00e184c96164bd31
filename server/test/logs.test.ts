import { boardRecords, issuedRoomTicketSchema } from '@werkplaats/shared'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { callApi } from './support/api.ts'
import { closedWithin, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { ServerProcess } from './support/serverProcess.ts'
import { createSession } from './support/sessions.ts'

interface LogLine {
  level: string
  time: string
  msg: string
  [field: string]: unknown
}

/** Every line the server wrote, each of which must be one JSON object. */
function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine
      } catch {
        throw new Error(`a log line that is not JSON: ${line}`)
      }
    })
}

describe('the log', () => {
  const servers: ServerProcess[] = []
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.destroy()
  })

  it("is JSON lines: one per request and per connection event, and no secret in any of a session's", async () => {
    const server = await ServerProcess.launch({ LOG_LEVEL: 'info' })
    servers.push(server)
    const stickyText = 'Geheim-idee-dat-niet-in-een-log-hoort'
    const session = await createSession(server.url)
    // The participants' link carries the invitation's secret in its fragment; joining with it sends it in a body.
    const inviteSecret = new URL(session.links.participant).hash.replace(/^#i=/, '')
    expect(inviteSecret.length).toBeGreaterThan(10)
    const byLink = await callApi(server.url, `/api/sessions/${session.id}/participants`, undefined, 'POST', {
      name: 'Lotte',
      invite: inviteSecret,
    })
    expect(byLink.status).toBe(201)
    const byCode = await session.join('Pim')
    // The join code stands in a path: the log must show the route's pattern, not the path.
    expect((await callApi(server.url, `/api/join/${session.code}`, undefined)).status).toBe(200)
    const refused = await callApi(server.url, `/api/sessions/${session.id}`, 'a-token-nobody-issued-0123456789')
    expect(refused.status).toBe(401)

    // The app's way in: a single-use ticket in the query string.
    const issued = await callApi(server.url, `/api/sessions/${session.id}/tickets`, String(byLink.body.token), 'POST')
    const { ticket } = issuedRoomTicketSchema.parse(issued.body)
    const viaTicket = new WebSocket(`${server.wsUrl}/${session.board().room}?ticket=${encodeURIComponent(ticket)}`)
    await new Promise((resolve, reject) => viaTicket.once('open', resolve).once('error', reject))
    // The stock provider's way in: the token in the query string.
    const facilitator = connectProvider(server.wsUrl, session.board())
    const participant = connectProvider(server.wsUrl, session.board(byCode.token))
    await Promise.all([whenSynced(facilitator), whenSynced(participant)])
    boardRecords(facilitator.doc).set('shape:secret', noteRecord('shape:secret', stickyText, 100, 100))
    await eventually(() => boardRecords(participant.doc).has('shape:secret'), 'the sticky arrived')
    const intruder = await connectRaw(server.wsUrl, session.board('a-token-nobody-issued-0123456789'))
    expect((await closedWithin(intruder)).code).toBe(4401)
    const exported = await fetch(`${server.url}/api/sessions/${session.id}/export.md`, {
      headers: { authorization: `Bearer ${session.facilitatorToken}`, 'x-request-id': 'proxy-given-id-42' },
    })
    expect(await exported.text()).toContain(stickyText)
    expect(exported.headers.get('x-request-id')).toBe('proxy-given-id-42')
    viaTicket.close()
    facilitator.destroy()
    participant.destroy()
    expect((await callApi(server.url, `/api/sessions/${session.id}`, session.facilitatorToken, 'DELETE')).status).toBe(
      204,
    )
    // The drain writes the last lines; after it the output is complete.
    await server.stop('SIGTERM')

    const lines = logLines(server.output)
    const secrets = {
      stickyText,
      inviteSecret,
      ticket,
      joinCode: session.code,
      facilitatorToken: session.facilitatorToken,
      observerToken: session.observerToken,
      participantToken: byCode.token,
      linkToken: String(byLink.body.token),
    }
    for (const line of server.output.split('\n'))
      for (const [what, secret] of Object.entries(secrets))
        expect(line.includes(secret), `the ${what} in a log line: ${line}`).toBe(false)

    const requests = lines.filter((line) => line.msg === 'request')
    for (const request of requests) {
      expect(request).toMatchObject({
        level: expect.any(String),
        method: expect.any(String),
        route: expect.any(String),
      })
      expect(request.requestId).toEqual(expect.any(String))
      expect(request.status).toEqual(expect.any(Number))
      expect(request.durationMs).toEqual(expect.any(Number))
    }
    const routes = requests.map(
      (request) => `${String(request.method)} ${String(request.route)} ${String(request.status)}`,
    )
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/sessions 201',
        'POST /api/sessions/:id/participants 201',
        'GET /api/join/:code 200',
        'GET /api/sessions/:id 401',
        'POST /api/sessions/:id/tickets 201',
        'DELETE /api/sessions/:id 204',
      ]),
    )
    expect(requests.find((request) => request.route === '/api/sessions/:id/export.md')?.requestId).toBe(
      'proxy-given-id-42',
    )
    const opened = lines.filter((line) => line.msg === 'connection opened')
    expect(opened.map((line) => line.role).sort()).toEqual(['facilitator', 'participant', 'participant'])
    expect(lines.filter((line) => line.msg === 'connection closed')).toHaveLength(3)
    expect(lines.find((line) => line.msg === 'connection refused')).toMatchObject({ closeCode: 4401 })
    expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'drained; every write is stored' })
  })

  it('keeps to LOG_LEVEL: at warn, no line per request', async () => {
    const server = await ServerProcess.launch({ LOG_LEVEL: 'warn' })
    servers.push(server)
    await createSession(server.url)
    await server.stop('SIGTERM')
    const lines = logLines(server.output)
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every((line) => line.level === 'warn' || line.level === 'error' || line.level === 'fatal')).toBe(true)
  })
})
