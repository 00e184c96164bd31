import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { getTemplate } from '@werkplaats/playbook-data'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi } from './support/api.ts'
import { closedWithin, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { type Exposition, parseExposition, sampleValue } from './support/exposition.ts'
import { ServerProcess } from './support/serverProcess.ts'
import { createSession } from './support/sessions.ts'

const METRICS_TOKEN = 'metrics-token-for-the-test-0123456789'
const TEMPLATE = 'oecd-innovatie-playbook'
const questions = getTemplate(TEMPLATE)?.principles[0]?.assessmentQuestions.map((question) => question.id) ?? []

describe('GET /metrics', () => {
  let server: ServerProcess
  let unconfigured: ServerProcess
  beforeAll(async () => {
    server = await ServerProcess.launch({ METRICS_TOKEN })
    unconfigured = await ServerProcess.launch({ METRICS_TOKEN: '' })
  })
  afterAll(async () => {
    await server?.destroy()
    await unconfigured?.destroy()
  })

  const scrape = async (): Promise<Exposition> => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    return parseExposition(await response.text())
  }

  it('does not exist without METRICS_TOKEN: 404, not the web page', async () => {
    const response = await fetch(`${unconfigured.url}/metrics`, { headers: { authorization: 'Bearer anything' } })
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'not found' })
  })

  it('refuses a missing or wrong token with 401 and { error }', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-of-the-same-kind-0123' }, { authorization: 'x' }]) {
      const response = await fetch(`${server.url}/metrics`, { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toContain('Bearer')
      expect(await response.json()).toEqual({ error: expect.stringContaining('metrics token') })
    }
  })

  it("serves the default metrics and the product's own, with their types", async () => {
    const { types } = await scrape()
    expect(Object.fromEntries([...types].filter(([name]) => name.startsWith('werkplaats_')))).toEqual({
      werkplaats_connections: 'gauge',
      werkplaats_sessions_active: 'gauge',
      werkplaats_rooms_loaded: 'gauge',
      werkplaats_vote_rounds_open: 'gauge',
      werkplaats_messages_total: 'counter',
      werkplaats_message_bytes_total: 'counter',
      werkplaats_refused_messages_total: 'counter',
      werkplaats_updates_stored_total: 'counter',
      werkplaats_store_write_duration_seconds: 'histogram',
      werkplaats_fanout_duration_seconds: 'histogram',
      werkplaats_http_request_duration_seconds: 'histogram',
      werkplaats_export_duration_seconds: 'histogram',
    })
    // Node's and the process's: CPU, memory, event-loop lag, GC.
    expect(types.get('process_cpu_seconds_total')).toBe('counter')
    expect(types.get('process_resident_memory_bytes')).toBe('gauge')
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge')
    expect(types.get('nodejs_gc_duration_seconds')).toBe('histogram')
  })

  it('the Grafana dashboard in docs/ asks only for metrics the server serves', async () => {
    const { types } = await scrape()
    const dashboard = readFileSync(resolve(import.meta.dirname, '../../docs/grafana-dashboard.json'), 'utf8')
    const asked = new Set(dashboard.match(/\b(werkplaats|nodejs|process)_[a-z0-9_]+/g))
    expect(asked.size).toBeGreaterThan(10)
    const family = (name: string) => name.replace(/_(bucket|count|sum)$/, '')
    // The Redis lag exists only with REDIS_URL (test/readiness.test.ts scrapes it there).
    const missing = [...asked].filter((name) => !types.has(name) && !types.has(family(name)))
    expect(missing).toEqual(['werkplaats_redis_fanout_lag_seconds'])
  })

  it('counts what a session does, with labels that never carry an id or a token', async () => {
    const session = await createSession(server.url, TEMPLATE)
    const participant = await session.join('Pim')
    const round = await callApi(server.url, `/api/sessions/${session.id}/rounds`, session.facilitatorToken, 'POST', {
      stageId: 'kaderen',
      cardIds: questions,
      votesPerParticipant: 3,
      maxVotesPerCard: 1,
    })
    expect(round.status, JSON.stringify(round.body)).toBe(201)
    const facilitator = connectProvider(server.wsUrl, session.board())
    const watcher = connectProvider(server.wsUrl, session.board(session.observerToken))
    await Promise.all([whenSynced(facilitator), whenSynced(watcher)])
    facilitator.doc.getMap('stickies').set('s1', 'een idee')
    await eventually(() => watcher.doc.getMap('stickies').get('s1') === 'een idee', 'the observer has the sticky')
    // An observer writing is refused (4403), and so is a token nobody issued (4401).
    const intruder = await connectRaw(server.wsUrl, session.board('not-a-token'))
    expect((await closedWithin(intruder)).code).toBe(4401)
    await fetch(`${server.url}/api/sessions/${session.id}/export.md`, {
      headers: { authorization: `Bearer ${session.facilitatorToken}` },
    })

    const metrics = await scrape()
    expect(sampleValue(metrics, 'werkplaats_connections', { role: 'facilitator' })).toBe(1)
    expect(sampleValue(metrics, 'werkplaats_connections', { role: 'observer' })).toBe(1)
    expect(sampleValue(metrics, 'werkplaats_sessions_active')).toBe(1)
    expect(sampleValue(metrics, 'werkplaats_rooms_loaded')).toBeGreaterThanOrEqual(1)
    expect(sampleValue(metrics, 'werkplaats_messages_total', { direction: 'in' })).toBeGreaterThan(0)
    expect(sampleValue(metrics, 'werkplaats_messages_total', { direction: 'out' })).toBeGreaterThan(0)
    expect(sampleValue(metrics, 'werkplaats_message_bytes_total', { direction: 'in' })).toBeGreaterThan(0)
    expect(sampleValue(metrics, 'werkplaats_updates_stored_total')).toBeGreaterThan(0)
    expect(sampleValue(metrics, 'werkplaats_store_write_duration_seconds_count', { operation: 'append' })).toBe(
      sampleValue(metrics, 'werkplaats_updates_stored_total'),
    )
    expect(sampleValue(metrics, 'werkplaats_fanout_duration_seconds_count')).toBeGreaterThan(0)
    expect(sampleValue(metrics, 'werkplaats_refused_messages_total', { reason: 'unauthorized' })).toBe(1)
    expect(sampleValue(metrics, 'werkplaats_vote_rounds_open')).toBe(1)
    expect(sampleValue(metrics, 'werkplaats_export_duration_seconds_count', { format: 'md', outcome: 'ok' })).toBe(1)
    expect(
      sampleValue(metrics, 'werkplaats_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/sessions/:id/participants',
        status: '201',
      }),
    ).toBe(1)
    // A single instance has no fan-out through Redis: no series rather than a made-up 0 (see readiness.test.ts).
    expect(metrics.types.has('werkplaats_redis_fanout_lag_seconds')).toBe(false)

    const secrets = [
      session.id,
      String(round.body.roundId),
      session.code,
      session.facilitatorToken,
      session.observerToken,
      participant.token,
    ]
    for (const sample of metrics.samples)
      for (const value of Object.values(sample.labels))
        for (const secret of secrets)
          expect(value, `${sample.name} ${JSON.stringify(sample.labels)}`).not.toContain(secret)

    facilitator.destroy()
    watcher.destroy()
    await eventually(async () => sampleValue(await scrape(), 'werkplaats_sessions_active') === 0, 'nobody is on')
  })
})
