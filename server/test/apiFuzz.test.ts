import { getTemplate } from '@werkplaats/playbook-data'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerProcess } from './support/serverProcess.ts'
import { createSession } from './support/sessions.ts'
import { describeChanges, onlyControlRoomAppends, StoreSnapshot } from './support/storeSnapshot.ts'
import { useServerProcess } from './support/useServer.ts'

const templateId = 'oecd-innovatie-playbook'
const oecd = getTemplate(templateId)
if (!oecd) throw new Error('the OECD template is missing')
const principle = oecd.principles[0]!
const questions = principle.assessmentQuestions.map((q) => q.id)
const action = principle.plays[0]!.actions[0]!.id

/**
 * Generated cases per route, each one request: enough to cover every kind of input each run, few enough for well
 * under a minute on a busy machine. `FUZZ_RUNS_PER_ROUTE` runs more. A route without parameters or body varies only
 * in token and stray body, so it gets fewer.
 */
const runsPerRoute = Number(process.env.FUZZ_RUNS_PER_ROUTE ?? 100)
const runsPerFixedRoute = Math.ceil(runsPerRoute / 5)

interface Known {
  ids: string[]
  /** The ids that fit a path parameter of that name (a round id for `roundId`); any id for other names. */
  idsByName: Record<string, string[]>
  tokens: string[]
}

interface Operation {
  method: string
  path: string
  parameters: Array<{ name: string; in: string; schema?: JsonSchema }>
  body: JsonSchema | undefined
}

interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
}

/** One generated request; `toString` shows it short (for failures and fast-check's counterexamples). */
interface Case {
  path: string
  query: string
  authorization: string | undefined
  contentType: string | undefined
  body: string | undefined
}

/**
 * Every route of the API as its own OpenAPI document lists it, fed generated path parameters, queries, tokens and
 * bodies (wrong types, huge strings, deep nesting, `__proto__` keys, real ids and real tokens of another session or
 * of a person without the right). Nothing may answer 5xx or stop the server, and a refused request (4xx) must
 * leave the store as it was.
 */
describe('every API route under generated input', () => {
  // Rooms stay loaded (an unload compacts, a write no request made), and join-code look-ups are not limited
  // (a 429 would hide what the generated codes do).
  const server = useServerProcess({ ROOM_UNLOAD_AFTER_MS: '600000', JOIN_CODE_ATTEMPTS_PER_MINUTE: '100000' })
  let store: StoreSnapshot
  let operations: Operation[]
  /** Ids and tokens that exist, so that generated requests get past the first check often enough to matter. */
  let known: Known

  beforeAll(async () => {
    store = new StoreSnapshot(server.dataDir)
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
        >
      >
    }
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      })),
    )

    // The session under attack: its facilitator's token is never sent (it may do everything, deletion included).
    const target = await createSession(server.url, templateId)
    const other = await createSession(server.url, templateId)
    const participant = await target.join('Anna')
    const otherParticipant = await other.join('Bram')
    const round = await fetch(`${server.url}/api/sessions/${target.id}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.facilitatorToken}` },
      body: JSON.stringify({ stageId: 'kaderen', cardIds: questions, votesPerParticipant: 3, maxVotesPerCard: 1 }),
    })
    expect(round.status).toBe(201)
    const { roundId } = (await round.json()) as { roundId: string }
    const idsByName: Record<string, string[]> = {
      id: [target.id, target.id, other.id, templateId],
      roundId: [roundId],
      cardId: questions,
      actionId: [action],
      participantId: [participant.participantId, otherParticipant.participantId],
      code: [target.code, other.code],
      room: [`${target.id}-board`, `${target.id}-control`, `${other.id}-board`],
    }
    known = {
      ids: Object.values(idsByName).flat(),
      idsByName,
      tokens: [
        participant.token,
        target.observerToken,
        other.facilitatorToken,
        other.observerToken,
        otherParticipant.token,
      ],
    }
  })
  afterAll(() => {
    store.close()
  })

  it('lists the routes it fuzzes', () => {
    expect(operations.length).toBeGreaterThan(20)
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /api/sessions/{id}/participants')
  })

  it(
    'answers every generated request below 500, stays up, and stores nothing for a refused one',
    { timeout: 120_000 },
    async () => {
      for (const operation of operations) {
        let before = store.rows()
        let version = store.version()
        // A mark or vote the server accepted is written to the control room by a paced writer, up to an interval
        // after its answer (see votes/pacedWrites.ts): such an update may be committed while a later, refused
        // request of the same route is answered. Only that is told apart, and only after an accepted request.
        const pacedRoute = /\/(marks|votes|rounds)\b/.test(operation.path)
        let acceptedPaced = false
        await fc.assert(
          fc.asyncProperty(requestFor(operation, known), async (generated) => {
            const status = await send(server, operation.method, generated)
            if (typeof status === 'string') {
              const health = server.alive
                ? await fetch(`${server.url}/healthz`).then(
                    (r) => r.status,
                    () => 'unreachable',
                  )
                : 'process exited'
              throw new Error(
                `${status} to ${operation.method} ${String(generated)}; /healthz: ${health}\n${server.output.slice(-3000)}`,
              )
            }
            expect(status, `${operation.method} ${String(generated)}`).toBeLessThan(500)
            // Only read every row when SQLite says something was committed since the last look.
            const now = store.version()
            if (now === version) return
            version = now
            const after = store.rows()
            if (pacedRoute && status < 400) acceptedPaced = true
            if (status >= 400 && !(acceptedPaced && onlyControlRoomAppends(before, after))) {
              expect(
                describeChanges(before, after),
                `${operation.method} ${String(generated)} was refused with ${status}, yet the store changed`,
              ).toBe('')
            }
            before = after
          }),
          // The seed and the failing request are printed on failure; a crash fails at its own request, so there is
          // nothing to shrink towards and the server may be gone.
          {
            numRuns: operation.parameters.length > 0 || operation.body ? runsPerRoute : runsPerFixedRoute,
            endOnFailure: true,
          },
        )
      }
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    },
  )
})

/**
 * The status of one request, or 'no answer' with why. Tried twice: a refusal before the body has been read (413)
 * ends that connection, and `fetch` may already have picked it for the next request.
 */
async function send(server: ServerProcess, method: string, generated: Case): Promise<number | string> {
  const headers: Record<string, string> = {}
  if (generated.authorization !== undefined) headers.authorization = generated.authorization
  if (generated.contentType !== undefined) headers['content-type'] = generated.contentType
  let failure: unknown
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const response = await fetch(`${server.url}${generated.path}${generated.query}`, {
        method,
        headers,
        ...(generated.body === undefined || method === 'GET' || method === 'HEAD' ? {} : { body: generated.body }),
      })
      await response.arrayBuffer()
      return response.status
    } catch (error) {
      failure = error
    }
  }
  return `no answer (${String(failure instanceof Error ? (failure.cause ?? failure.message) : failure)})`
}

function requestFor(operation: Operation, known: Known): fc.Arbitrary<Case> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path')
  const queryParams = operation.parameters.filter((p) => p.in === 'query')
  const param = (name: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(known.idsByName[name] ?? known.ids)) },
      { weight: 1, arbitrary: fc.constantFrom(...known.ids) },
      { weight: 2, arbitrary: hostileString() },
    )
  const path = fc
    .tuple(...pathParams.map((p) => param(p.name)))
    .map((values) =>
      pathParams.reduce(
        (built, p, i) => built.replace(`{${p.name}}`, encodeSegment(values[i] as string)),
        operation.path,
      ),
    )
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(
          fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...((p.schema?.enum ?? ['x']) as string[])) },
            hostileString(),
          ),
        ),
      ),
    )
    .map((values) =>
      queryParams
        .flatMap((p, i) =>
          values[i] === null || values[i] === undefined ? [] : [`${p.name}=${encodeSegment(values[i])}`],
        )
        .join('&'),
    )
    .map((q) => (q ? `?${q}` : ''))
  const authorization = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom(...known.tokens).map((t) => `Bearer ${t}`),
    fc.constantFrom(...known.tokens).map((t) => `bearer  ${t}`),
    fc.constantFrom(...known.tokens).map((t) => `Bearer ${t}x`),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Basic YTpi',
      'Bearer a b',
      `Bearer ${'a'.repeat(8000)}`,
      'Bearer __proto__',
      'Bearer %00',
    ),
    fc.string({ maxLength: 20 }).map((t) => `Bearer ${t}`),
  )
  const contentType = fc.oneof(
    { weight: 6, arbitrary: fc.constant('application/json') },
    fc.constantFrom(
      undefined,
      'text/plain',
      'application/json; charset=utf-16',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'application/json;;',
    ),
  )
  const body = operation.body
    ? fc.oneof({ weight: 3, arbitrary: shapedBody(operation.body, known) }, hostileBody())
    : fc.option(hostileBody(), { nil: undefined })
  return fc.record({ path, query, authorization, contentType, body }).map(shownShort)
}

/** A body with the schema's fields, each either a plausible value or a wrong one, plus keys that should not be there. */
function shapedBody(schema: JsonSchema, known: Known): fc.Arbitrary<string> {
  const fields = Object.entries(schema.properties ?? {})
  const field = ([name, fieldSchema]: [string, JsonSchema]) =>
    fc.option(
      fc
        .oneof({ weight: 2, arbitrary: plausible(fieldSchema, known) }, hostileValue())
        .map((value) => [name, value] as [string, unknown]),
      { nil: undefined },
    )
  const extra = fc.array(
    fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'isFacilitator', ''), hostileValue()),
    { maxLength: 2 },
  )
  return fc
    .tuple(fc.tuple(...fields.map(field)), extra)
    .map(([present, extras]) => objectText([...present.filter((f) => f !== undefined), ...extras]))
}

/** JSON text of an object from its entries, so that a `__proto__` key is a real key in the text. */
function objectText(entries: Array<[string, unknown]>): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`).join(',')}}`
}

function plausible(schema: JsonSchema, known: Known): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.includes('array')) return fc.array(plausible(schema.items ?? {}, known), { maxLength: 5 })
  if (types.includes('integer') || types.includes('number')) return fc.integer({ min: -2, max: 20 })
  if (types.includes('boolean')) return fc.boolean()
  return fc.oneof(fc.constantFrom(...known.ids), fc.string({ maxLength: 30 }))
}

function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '__proto__',
        'constructor',
        'prototype',
        '%00',
        '\u0000',
        '..',
        '../..',
        'null',
        'undefined',
        'NaN',
        '-1',
        '1e309',
        "' OR 1=1 --",
        '<script>',
        'é',
        '😀',
        ' ',
        '',
      ),
    },
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 6000 }).map((n) => 'a'.repeat(n)) },
  )
}

function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: hostileString() },
    { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, 1e308, [], {}) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    // Under and around the body limit (64 KiB by default).
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 70_000 }).map((n) => 'x'.repeat(n)) },
  )
}

function hostileBody(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileValue().map((value) => JSON.stringify(value) ?? 'null') },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 10, max: 30_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 10, max: 10_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"role":"facilitator"},"name":"x"}',
        '{"constructor":{"prototype":{"polluted":true}}}',
        '{',
        '',
        'null',
        '"',
        '{"a":1,"a":2}',
        '\u0000',
      ),
    },
    { weight: 1, arbitrary: fc.constant(`"${'x'.repeat(200_000)}"`) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  )
}

/** Percent-encodes anything, lone surrogates included (which `encodeURIComponent` refuses). */
function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value)
  } catch {
    return [...Buffer.from(value)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')
  }
}

function shownShort(generated: Case): Case {
  const short = (text: string | undefined) =>
    text === undefined ? '-' : JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…(${text.length})` : text)
  const shown = `${short(generated.path + generated.query)} auth ${short(generated.authorization)} type ${short(generated.contentType)} body ${short(generated.body)}`
  return Object.assign(generated, { toString: () => shown, [fc.toStringMethod]: () => shown })
}
