import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { type RawAnswer, rawExchange } from './support/rawHttp.ts'
import { createSession } from './support/sessions.ts'
import { useServerProcess, useStandInClient } from './support/useServer.ts'

/**
 * Whatever arrives on the port, as raw bytes: a request line, target, method or header that is malformed gets a
 * 4xx, nothing gets a 5xx, and the server (its own process, so that a crash shows as one) keeps serving.
 */
describe('malformed requests on the raw socket', () => {
  // A stand-in for the built client, so that static serving and its SPA fallback are fuzzed too.
  const client = useStandInClient('<!doctype html><title>Werkplaats</title>')
  const server = useServerProcess({ CLIENT_DIR: client.path })
  let room: string
  let token: string

  beforeAll(async () => {
    const session = await createSession(server.url)
    room = session.board().room
    token = session.facilitatorToken
  })

  /** Fails naming the request and showing what the server logged when it is gone or unhealthy. */
  async function expectServing(context: string): Promise<void> {
    const health = server.alive
      ? await fetch(`${server.url}/healthz`).then(
          (r) => r.status,
          () => 'unreachable',
        )
      : 'process exited'
    expect(health, `after ${context}; server output:\n${server.output.slice(-3000)}`).toBe(200)
  }

  it.each(['//[', '//%', '//a:99999/x', '//', '*', 'http://[', 'yjs/x', '?token=x'])(
    'a WebSocket upgrade to %j is refused with 400 and the server stays up',
    async (target) => {
      const answer = await rawExchange(
        server.port,
        serialize({ method: 'GET', target, version: 'HTTP/1.1', headers: upgradeHeaders(), body: '' }),
      )
      expect(answer.status).toBe(400)
      expect(answer.status !== 'no answer' && answer.head).toContain('application/json')
      await expectServing(`an upgrade to ${target}`)
    },
  )

  it('a CONNECT is answered 405 rather than cut off', async () => {
    expect((await rawExchange(server.port, 'CONNECT 127.0.0.1:80 HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n')).status).toBe(
      405,
    )
  })

  it('an unreadable request line is answered 400 with JSON and its connection closed', async () => {
    const answer = await rawExchange(server.port, 'FOO\u0001 / HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(answer.status).toBe(400)
    expect(answer.status !== 'no answer' && answer.head).toMatch(/content-type: application\/json/i)
  })

  it('hundreds of generated request lines and upgrade headers: never a 5xx, and the server answers /healthz after each batch', async () => {
    const target = fc.oneof(
      fc.constantFrom(
        '//[',
        '//%',
        '//a:99999/x',
        '/%00',
        '/yjs/%00',
        '/yjs/..',
        '/yjs/../yjs/x',
        '/..',
        '/%',
        '/yjs/%E2%9C',
        `/yjs/${room}`,
      ),
      fc.constantFrom(
        `/yjs/${room}?token=${token}`,
        `/yjs/${room}?token=%`,
        `/yjs/${room}?token=${token}&token=x`,
        `/yjs/${room}#?token=${token}`,
      ),
      fc
        .array(fc.oneof(targetPiece(room), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 10 })
        .map((pieces) => pieces.join('')),
      fc.string({ unit: 'binary', maxLength: 24 }),
      // Overlong: past Node's 16 KiB header limit too.
      fc.integer({ min: 100, max: 40_000 }).map((n) => `/yjs/${'a'.repeat(n)}`),
      fc.integer({ min: 100, max: 40_000 }).map((n) => `/${'%'.repeat(n)}`),
    )
    const request = fc
      .record({
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constant('GET') },
          fc.constantFrom(
            'POST',
            'HEAD',
            'OPTIONS',
            'PUT',
            'DELETE',
            'PATCH',
            'CONNECT',
            'TRACE',
            'PRI',
            'get',
            'FOO',
            'G\u0000T',
            '',
          ),
          fc.string({ maxLength: 8 }),
        ),
        target,
        version: fc.oneof(
          { weight: 10, arbitrary: fc.constant('HTTP/1.1') },
          fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.2', 'HTTP/1', 'http/1.1', '', 'HTTP/1.1 x'),
        ),
        headers: fc
          .tuple(
            fc.boolean(),
            upgradeHeaderList(),
            fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, fc.array(header(), { minLength: 1, maxLength: 3 })),
          )
          .map(([upgrade, upgrading, extra]) => [
            ...(upgrade ? upgrading : [['Host', '127.0.0.1'] as [string, string]]),
            ...extra,
          ]),
        body: fc.oneof(
          { weight: 4, arbitrary: fc.constant('') },
          fc.string({ maxLength: 40 }),
          fc.constant('0\r\n\r\n'),
        ),
      })
      .map(shownShort)
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 25, maxLength: 25 }), async (batch) => {
        const answers = await Promise.all(batch.map((r) => rawExchange(server.port, serialize(r), 2000)))
        const failed = answers
          .map((answer: RawAnswer, i) => ({ answer, request: batch[i] }))
          .filter(({ answer }) => answer.status !== 'no answer' && answer.status >= 500)
        expect(failed.map(({ request, answer }) => `${String(request)} → ${answer.status}`)).toEqual([])
        await expectServing(`a batch with: ${batch.map(String).join(', ')}`)
      }),
      // 30 × 25 requests; the seed and the failing batch are printed on failure. On a failure the server may be
      // gone, so shrinking would only find that every later batch fails too.
      { numRuns: 30, endOnFailure: true },
    )
  })
})

interface RawRequest {
  method: string
  target: string
  version: string
  headers: Array<[string, string]>
  body: string
}

/** Requests print (in failures and fast-check's counterexamples) with their long values cut short. */
function shownShort(request: RawRequest): RawRequest {
  const short = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…(${text.length})` : text)
  const shown = `${short(request.method)} ${short(request.target)} ${short(request.version)} ${request.headers.map(([n, v]) => `${short(n)}: ${short(v)}`).join(', ')} body ${short(request.body)}`
  return Object.assign(request, { toString: () => shown, [fc.toStringMethod]: () => shown })
}

function serialize(request: RawRequest): string {
  const headers = request.headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')
  return `${request.method} ${request.target} ${request.version}\r\n${headers}\r\n${request.body}`
}

const validKey = 'dGhlIHNhbXBsZSBub25jZQ=='

function upgradeHeaders(): Array<[string, string]> {
  return [
    ['Host', '127.0.0.1'],
    ['Upgrade', 'websocket'],
    ['Connection', 'Upgrade'],
    ['Sec-WebSocket-Key', validKey],
    ['Sec-WebSocket-Version', '13'],
  ]
}

/** The headers of a WebSocket upgrade, each one either right, missing, or wrong. */
function upgradeHeaderList(): fc.Arbitrary<Array<[string, string]>> {
  const either = (name: string, right: string, wrong: string[]) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([[name, right]]) },
      fc.constant([]),
      fc.constantFrom(...wrong).map((value) => [[name, value]]),
    )
  return fc
    .tuple(
      either('Host', '127.0.0.1', ['[', 'a:99999', '%', '', 'é', '127.0.0.1:0', 'x'.repeat(300)]),
      either('Upgrade', 'websocket', ['WebSocket', 'h2c', 'websocket, h2c', '', 'x'.repeat(300)]),
      either('Connection', 'Upgrade', ['upgrade', 'keep-alive, Upgrade', 'close', '']),
      either('Sec-WebSocket-Key', validKey, ['', 'short', '!!!!', 'x'.repeat(100), `${validKey}, ${validKey}`]),
      either('Sec-WebSocket-Version', '13', ['8', '', 'abc', '13, 8', '-1']),
      fc.oneof(
        fc.constant([]),
        fc
          .constantFrom('permessage-deflate', 'permessage-deflate; client_max_window_bits=99', ';;;', 'x=')
          .map((v) => [['Sec-WebSocket-Extensions', v]]),
      ),
    )
    .map((parts) => parts.flat() as Array<[string, string]>)
}

function header(): fc.Arbitrary<[string, string]> {
  return fc.tuple(
    fc.oneof(
      fc.constantFrom(
        'Content-Length',
        'Transfer-Encoding',
        'Host',
        'Expect',
        'Authorization',
        'Cookie',
        'X-Forwarded-For',
        'Origin',
        '',
        ' X',
        'X Y',
        'X\u0000',
        'é',
      ),
      fc.string({ maxLength: 12 }),
    ),
    fc.oneof(
      fc.constantFrom(
        '0',
        '-1',
        '1, 2',
        'chunked',
        'chunked, chunked',
        'abc',
        '100-continue',
        'Bearer x',
        'Bearer ',
        'null',
        '[',
        'é',
        '\u0000',
      ),
      fc.string({ maxLength: 40 }),
      fc.integer({ min: 1000, max: 40_000 }).map((n) => 'x'.repeat(n)),
    ),
  )
}

function targetPiece(room: string): fc.Arbitrary<string> {
  return fc.constantFrom(
    '/',
    '//',
    '/yjs/',
    `/yjs/${room}`,
    'yjs',
    '/assets/',
    '/assets/main-abc123.js',
    '/api/',
    '/api/docs/assets/',
    '/api/sessions/',
    '[',
    ']',
    '%',
    '%0',
    '%00',
    '%zz',
    '%E2%9C',
    '%2F',
    '%2e%2e',
    '..',
    '.',
    '?',
    '?token=',
    '&',
    '#',
    '@',
    ':',
    ':99999',
    'a',
    '\\',
    'é',
    '😀',
    '\u0000',
    '\u007f',
    'http://',
    'https://[',
    '*',
    ' ',
    '\t',
  )
}
