import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createSession,
  deleteSession,
  duplicateSession,
  joinSession,
  newInvitation,
  newObserverInvitation,
  newHandover,
  redeemHandover,
  joinAsObserver,
  removeParticipant,
  renameSession,
  requestRoomTicket,
  setSessionClosed,
  updateSession,
} from './apiClient.ts'
import { ApiError, fetchFile, fetchParsed, send } from './http.ts'
import { refusalOf } from './testing.ts'

/**
 * The transport over real HTTP: a Node server on a free port stands where the Werkplaats server would, answers
 * what each test sets, and keeps every request as it arrived (method, address, headers, body). The page's
 * relative addresses are resolved against it, as the browser resolves them against the page's origin.
 */
interface Arrived {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}
type Answer = { status: number; body?: string; headers?: Record<string, string> }

let server: Server
let origin: string
const arrived: Arrived[] = []
let answer: (request: Arrived) => Answer = () => ({ status: 204 })

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const seen = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      }
      arrived.push(seen)
      const { status, body, headers } = answer(seen)
      response.writeHead(status, headers).end(body)
    })
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const networkFetch = globalThis.fetch
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => networkFetch(new URL(input, origin), init))
})

afterAll(async () => {
  vi.unstubAllGlobals()
  await new Promise((closed) => server.close(closed))
})

afterEach(() => {
  arrived.length = 0
  answer = () => ({ status: 204 })
})

const json = (status: number, value: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json', ...headers },
})

describe('one request over HTTP', () => {
  it('sends the body as JSON and the token only in the Authorization header', async () => {
    answer = () => json(200, { ok: true })
    expect(await send('/api/x?y=1', { method: 'PUT', token: 'secret_token', body: { name: 'Anna' } })).toEqual({
      ok: true,
    })
    const [request] = arrived
    expect(request).toMatchObject({ method: 'PUT', url: '/api/x?y=1', body: '{"name":"Anna"}' })
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer secret_token',
      'content-type': 'application/json',
      accept: 'application/json',
    })
    expect(request?.headers.cookie).toBeUndefined()
  })

  it('sends no body, content type or Authorization when there is none, and reads an empty answer as undefined', async () => {
    expect(await send('/api/empty')).toBeUndefined()
    const [request] = arrived
    expect(request).toMatchObject({ method: 'GET', body: '' })
    expect(request?.headers.authorization).toBeUndefined()
    expect(request?.headers['content-type']).toBeUndefined()
  })

  it('refuses an answer that is not JSON, saying from where', async () => {
    answer = () => ({ status: 200, body: '<html>proxy error</html>' })
    expect(await refusalOf(send('/api/time'))).toMatchObject({
      status: 200,
      message: 'unreadable answer from /api/time',
    })
  })

  it("turns a refusal into an ApiError with the server's { error }, or the status text without one", async () => {
    answer = () => json(409, { error: 'no votes left in this round' })
    expect(await refusalOf(send('/api/a'))).toMatchObject({ status: 409, message: 'no votes left in this round' })
    answer = () => ({ status: 502, body: '<html>Bad gateway</html>' })
    expect(await refusalOf(send('/api/a'))).toMatchObject({ status: 502, message: 'Bad Gateway' })
    answer = () => json(400, { error: 42 })
    expect(await refusalOf(send('/api/a'))).toMatchObject({ status: 400, message: 'Bad Request' })
  })

  it('keeps the wait of a Retry-After in whole seconds, and nothing of one that is not a number of seconds', async () => {
    const waits: Array<[string, number | null]> = [
      ['17', 17],
      ['0', 0],
      ['-3', null],
      ['soon', null],
      ['Wed, 21 Oct 2026 07:28:00 GMT', null],
    ]
    for (const [header, seconds] of waits) {
      answer = () => json(429, { error: 'too many attempts' }, { 'retry-after': header })
      expect((await refusalOf(send('/api/a'))).retryAfterSeconds, header).toBe(seconds)
    }
  })

  it('says the server could not be reached when nothing answers, with status 0', async () => {
    const closed = createServer()
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening))
    const { port } = closed.address() as AddressInfo
    await new Promise((done) => closed.close(done))
    await expect(fetchParsed(`http://127.0.0.1:${port}/api/time`, z.object({}))).rejects.toMatchObject({
      name: 'ApiError',
      status: 0,
      message: 'the server could not be reached',
    })
  })

  it('passes an abort on as it is, not as a server that could not be reached', async () => {
    const controller = new AbortController()
    controller.abort()
    const reason = await send('/api/slow', { signal: controller.signal }).catch((error: unknown) => error)
    expect(reason).not.toBeInstanceOf(ApiError)
    expect((reason as Error).name).toBe('AbortError')
  })

  it('refuses an answer of another shape than its schema, naming the address', async () => {
    answer = () => json(200, { now: 'noon' })
    const error = await refusalOf(fetchParsed('/api/time', z.object({ now: z.number() })))
    expect(error.status).toBe(200)
    expect(error.message).toMatch(/^unexpected answer from \/api\/time: /)
  })
})

describe('a file from the server', () => {
  it("is a blob under the server's name, or the caller's when the server gave none", async () => {
    answer = () => ({
      status: 200,
      body: 'a,b\n1,2',
      headers: { 'content-disposition': 'attachment; filename="sessie.csv"' },
    })
    const named = await fetchFile('/api/f', 'werkplaats.csv', { token: 't' })
    expect(named.fileName).toBe('sessie.csv')
    expect(await named.blob.text()).toBe('a,b\n1,2')
    expect(arrived[0]?.headers.authorization).toBe('Bearer t')
    answer = () => ({ status: 200, body: 'x' })
    expect((await fetchFile('/api/f', 'werkplaats.csv')).fileName).toBe('werkplaats.csv')
  })

  it('is refused like any other request', async () => {
    answer = () => json(403, { error: 'exports are for the facilitator' })
    expect(await refusalOf(fetchFile('/api/f', 'x.pdf'))).toMatchObject({ status: 403 })
  })
})

const SESSION = 'AbCdEfGhIjKlMnOpQrStUv'
const PERSON = 'AnnaAnnaAnnaAnnaAnna01'
const view = {
  id: SESSION,
  title: 'Sessie',
  templateId: 'blank',
  joinOpen: false,
  status: 'closed',
  role: 'facilitator',
  rooms: { board: `/yjs/${SESSION}-board`, control: `/yjs/${SESSION}-control` },
  participants: [],
}
const created = {
  id: SESSION,
  title: 'Sessie',
  code: 'ABC123',
  facilitatorToken: 'f',
  observerToken: 'o',
  links: { participant: '/s/x#i=p', observer: '/s/x#w=o' },
}

describe("the session API's calls", () => {
  const cases: Array<{
    call: () => Promise<unknown>
    method: string
    url: string
    body?: unknown
    token?: string
    answer: Answer
    result?: unknown
  }> = [
    {
      call: () => createSession({ templateId: 'blank', title: 'Sessie' }),
      method: 'POST',
      url: '/api/sessions',
      body: { templateId: 'blank', title: 'Sessie' },
      answer: json(201, created),
      result: created,
    },
    {
      call: () => joinSession(SESSION, 'Anna', 'ABC123'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/participants`,
      body: { name: 'Anna', invite: 'ABC123' },
      answer: json(201, { participantId: PERSON, token: 'p' }),
      result: { participantId: PERSON, token: 'p' },
    },
    {
      call: () => renameSession(SESSION, 'f', 'Nieuwe titel'),
      method: 'PATCH',
      url: `/api/sessions/${SESSION}`,
      body: { title: 'Nieuwe titel' },
      token: 'f',
      answer: { status: 204 },
    },
    {
      call: () => updateSession(SESSION, 'f', { joinOpen: false }),
      method: 'PATCH',
      url: `/api/sessions/${SESSION}`,
      body: { joinOpen: false },
      token: 'f',
      answer: json(200, view),
      result: view,
    },
    {
      call: () => newInvitation(SESSION, 'f'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/invitation`,
      token: 'f',
      answer: json(200, { code: 'XYZ789', links: { participant: '/s/x#i=q', observer: '/s/x#w=r' } }),
      result: { code: 'XYZ789', links: { participant: '/s/x#i=q', observer: '/s/x#w=r' } },
    },
    {
      call: () => removeParticipant(SESSION, 'f', PERSON),
      method: 'DELETE',
      url: `/api/sessions/${SESSION}/participants/${PERSON}`,
      token: 'f',
      answer: { status: 204 },
    },
    {
      call: () => deleteSession(SESSION, 'f'),
      method: 'DELETE',
      url: `/api/sessions/${SESSION}`,
      token: 'f',
      answer: { status: 204 },
    },
    {
      call: () => duplicateSession(SESSION, 'f'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/duplicate`,
      token: 'f',
      answer: json(201, created),
      result: created,
    },
    {
      call: () => newObserverInvitation(SESSION, 'f'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/observer-invitation`,
      token: 'f',
      answer: json(200, { code: 'XYZ789', links: { participant: '/s/x#i=q', observer: '/s/x#w=s' } }),
      result: { code: 'XYZ789', links: { participant: '/s/x#i=q', observer: '/s/x#w=s' } },
    },
    {
      call: () => newHandover(SESSION, 'f'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/handover`,
      token: 'f',
      answer: json(201, { link: '/s/x#h=secretsecretsecret', expiresAt: 1_700_000_600_000 }),
      result: { link: '/s/x#h=secretsecretsecret', expiresAt: 1_700_000_600_000 },
    },
    {
      call: () => redeemHandover(SESSION, 'secretsecretsecret'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/handover/redeem`,
      body: { secret: 'secretsecretsecret' },
      answer: json(200, { token: 'f2' }),
      result: { token: 'f2' },
    },
    {
      call: () => joinAsObserver(SESSION, 'observersecret123'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/observers`,
      body: { invite: 'observersecret123' },
      answer: json(201, { token: 'o2' }),
      result: { token: 'o2' },
    },
    {
      call: () => setSessionClosed(SESSION, 'f', true),
      method: 'POST',
      url: `/api/sessions/${SESSION}/close`,
      token: 'f',
      answer: json(200, view),
      result: view,
    },
    {
      call: () => setSessionClosed(SESSION, 'f', false),
      method: 'POST',
      url: `/api/sessions/${SESSION}/reopen`,
      token: 'f',
      answer: json(200, { ...view, status: 'open' }),
      result: { ...view, status: 'open' },
    },
    {
      call: () => requestRoomTicket(SESSION, 'p'),
      method: 'POST',
      url: `/api/sessions/${SESSION}/tickets`,
      token: 'p',
      answer: json(201, { ticket: 'T'.repeat(43), expiresInSeconds: 60 }),
      result: { ticket: 'T'.repeat(43), expiresInSeconds: 60 },
    },
  ]

  it('each reaches its route with its method, body and token, and gives back the parsed answer', async () => {
    for (const expected of cases) {
      answer = () => expected.answer
      arrived.length = 0
      expect(await expected.call(), expected.url).toEqual(expected.result)
      const [request] = arrived
      expect(request, expected.url).toMatchObject({ method: expected.method, url: expected.url })
      expect(request?.body ? (JSON.parse(request.body) as unknown) : undefined, expected.url).toEqual(expected.body)
      expect(request?.headers.authorization, expected.url).toBe(expected.token ? `Bearer ${expected.token}` : undefined)
    }
  })

  it('puts an id that is not safe in an address into it escaped, never as a path of its own', async () => {
    await removeParticipant('../../admin', 'f', 'a/b?c')
    expect(arrived[0]?.url).toBe('/api/sessions/..%2F..%2Fadmin/participants/a%2Fb%3Fc')
  })

  it('refuses a ticket that is not a ticket, so no connection is opened with it', async () => {
    answer = () => json(201, { ticket: 'short', expiresInSeconds: 60 })
    expect((await refusalOf(requestRoomTicket(SESSION, 'p'))).message).toMatch(/unexpected answer/)
  })
})
