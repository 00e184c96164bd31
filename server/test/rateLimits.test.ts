import { getTemplate } from '@werkplaats/playbook-data'
import { CONTROL_MARKS_MAP, sessionRoomName } from '@werkplaats/shared'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { configFromEnvironment } from '../src/index.ts'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { useServer } from './support/useServer.ts'

/**
 * The API's rate limits at their defaults, on a server in this process whose clock (`performance.now`, what the
 * limits count time by) stands still until a test moves it: time is the subject here, and a minute must not take
 * one. Behind a trusted proxy, so each test speaks for an address of its own through X-Forwarded-For.
 */
describe('rate limits on the API', () => {
  const defaults = configFromEnvironment({}).rateLimits
  // The limiters read the fake clock from the start.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['performance'] })
  })
  const server = useServer({ env: { TRUST_PROXY: 'true' } })
  let base: string

  beforeAll(() => {
    base = server.url
  })
  afterAll(() => {
    vi.useRealTimers()
  })

  const api = (path: string, init: { method?: string; body?: unknown; token?: string; from?: string } = {}) =>
    fetch(`${base}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'x-forwarded-for': init.from ?? '192.0.2.1',
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    })
  const newSession = async (from: string, templateId = 'blank') => {
    const response = await api('/api/sessions', { method: 'POST', body: { templateId, title: 'Limieten' }, from })
    expect(response.status).toBe(201)
    return (await response.json()) as { id: string; code: string; facilitatorToken: string; observerToken: string }
  }
  const join = (session: { id: string; code: string }, name: string, from: string) =>
    api(`/api/sessions/${session.id}/participants`, { method: 'POST', body: { name, invite: session.code }, from })

  /** A 429 as it must be: Retry-After in whole seconds, and a JSON error. */
  async function retryAfterOf(response: Response): Promise<number> {
    expect(response.status).toBe(429)
    const seconds = Number(response.headers.get('retry-after'))
    expect(Number.isInteger(seconds) && seconds >= 1).toBe(true)
    expect(((await response.json()) as { error: string }).error).toMatch(/^too many /)
    return seconds
  }

  it('lets 100 colleagues behind one office address in within a minute, each retrying when told', async () => {
    const office = '203.0.113.10'
    const session = await newSession('192.0.2.10')
    let waiting = Array.from({ length: 100 }, (_, i) => `Collega ${i + 1}`)
    let elapsedSeconds = 0
    while (waiting.length > 0) {
      const answers = await Promise.all(
        waiting.map(async (name) => ({ name, response: await join(session, name, office) })),
      )
      const refused = answers.filter((answer) => answer.response.status !== 201)
      const waits = await Promise.all(refused.map((answer) => retryAfterOf(answer.response)))
      waiting = refused.map((answer) => answer.name)
      if (waiting.length === 0) break
      const wait = Math.max(...waits)
      elapsedSeconds += wait
      vi.advanceTimersByTime(wait * 1000)
      expect(elapsedSeconds, 'everyone is in within a minute').toBeLessThanOrEqual(60)
    }
    const view = (await (await api(`/api/sessions/${session.id}`, { token: session.facilitatorToken })).json()) as {
      participants: unknown[]
    }
    expect(view.participants).toHaveLength(101)
  })

  it('refuses most of 300 joins in one burst from one address, with Retry-After', async () => {
    const session = await newSession('192.0.2.11')
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => join(session, `Bot ${i}`, '198.51.100.66')))
    const admitted = answers.filter((response) => response.status === 201)
    expect(admitted).toHaveLength(defaults.joins.burst)
    for (const response of answers.filter((r) => r.status !== 201)) await retryAfterOf(response)
    // Another address is not held up by it.
    expect((await join(session, 'Anna', '198.51.100.67')).status).toBe(201)
    // Malformed joins count too: they cost the address the same.
    expect(
      (
        await api(`/api/sessions/${session.id}/participants`, {
          method: 'POST',
          body: { nonsense: true },
          from: '198.51.100.66',
        })
      ).status,
    ).toBe(429)
  })

  it('counts a join with a wrong invitation as a guess of the join code', async () => {
    const session = await newSession('192.0.2.15')
    const guesser = '198.51.100.99'
    const guesses = configFromEnvironment({}).joinCodeAttemptsPerMinute * 2
    for (let i = 0; i < guesses; i++) {
      const wrong = await api(`/api/sessions/${session.id}/participants`, {
        method: 'POST',
        body: { name: 'Gok', invite: session.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ' },
        from: guesser,
      })
      expect(wrong.status).toBe(403)
    }
    // The right code is now refused to this address too, as after as many wrong look-ups; others still get it.
    const refused = await api(`/api/join/${session.code}`, { from: guesser })
    await retryAfterOf(refused)
    expect((await api(`/api/join/${session.code}`, { from: '198.51.100.100' })).status).toBe(200)
  })

  it('limits new sessions per address, and lets one through again once the bucket refills', async () => {
    const from = '192.0.2.12'
    for (let i = 0; i < defaults.sessionCreations.burst; i++) await newSession(from)
    const refused = await api('/api/sessions', {
      method: 'POST',
      body: { templateId: 'blank', title: 'Eén te veel' },
      from,
    })
    const wait = await retryAfterOf(refused)
    vi.advanceTimersByTime(wait * 1000)
    await newSession(from)
  })

  it('limits votes and marks per person; another person is not held up', async () => {
    const template = getTemplate('oecd-innovatie-playbook')
    const actionId = template?.principles[0]?.plays[0]?.actions[0]?.id ?? ''
    const session = await newSession('192.0.2.13', 'oecd-innovatie-playbook')
    const [anna, bram] = await Promise.all(
      ['Anna', 'Bram'].map(
        async (name) => (await join(session, name, '192.0.2.13')).json() as Promise<{ token: string }>,
      ),
    )
    const mark = (token: string | undefined, value: string | null) =>
      api(`/api/sessions/${session.id}/marks/${actionId}`, { method: 'PUT', body: { mark: value }, token })
    for (let i = 0; i < defaults.votes.burst; i++) {
      expect((await mark(anna?.token, i % 2 === 0 ? 'geprobeerd' : null)).status).toBe(200)
    }
    await retryAfterOf(await mark(anna?.token, 'geprobeerd'))
    expect((await mark(bram?.token, 'geprobeerd')).status).toBe(200)
  })

  it('an action mark that changes nothing writes nothing to the control room', async () => {
    const template = getTemplate('oecd-innovatie-playbook')
    const actions = template?.principles[0]?.plays[0]?.actions.map((action) => action.id) ?? []
    const [first = '', marker = ''] = actions
    const session = await newSession('192.0.2.14', 'oecd-innovatie-playbook')
    const anna = (await (await join(session, 'Anna', '192.0.2.14')).json()) as { token: string }
    const mark = (actionId: string, value: string) =>
      api(`/api/sessions/${session.id}/marks/${actionId}`, { method: 'PUT', body: { mark: value }, token: anna.token })
    const control = connectProvider(server.wsUrl, {
      room: sessionRoomName(session.id, 'control'),
      token: session.observerToken,
    })
    await whenSynced(control)
    const written: string[] = []
    control.doc.getMap(CONTROL_MARKS_MAP).observe((event: Y.YMapEvent<unknown>) => written.push(...event.keysChanged))

    expect((await mark(first, 'geprobeerd')).status).toBe(200)
    await eventually(() => written.includes(first), 'the first mark reaches the control room')
    written.length = 0
    expect((await mark(first, 'geprobeerd')).status).toBe(200)
    // The marker: a real change after the unchanged one; once it has arrived, anything the unchanged one wrote has too.
    expect((await mark(marker, 'geprobeerd')).status).toBe(200)
    await eventually(() => written.includes(marker), 'the marker reaches the control room')
    expect(written).toEqual([marker])
    control.destroy()
  })
})
