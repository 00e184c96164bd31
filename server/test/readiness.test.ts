import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { configFromEnvironment, type RunningServer, startServer } from '../src/index.ts'
import { eventually } from './support/clients.ts'
import { parseExposition, sampleValue } from './support/exposition.ts'
import { ServerProcess, temporaryDataDir } from './support/serverProcess.ts'
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from './support/services.ts'

async function probe(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/readyz`)
  return { status: response.status, body: await response.json() }
}

describe('/readyz on SQLite', () => {
  const data = temporaryDataDir()
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    data.remove()
  })

  it('answers 200 while the store answers, 503 naming the store once it does not; /healthz stays 200', async () => {
    server = await startServer(configFromEnvironment({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: data.path }))
    expect(await probe(server.url)).toEqual({ status: 200, body: { status: 'ready' } })
    await server.store.close()
    expect(await probe(server.url)).toEqual({
      status: 503,
      body: { status: 'unavailable', error: 'the store is not answering' },
    })
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})

describe('/readyz on PostgreSQL and Redis', () => {
  let postgres: TestPostgres
  let postgresRunning = false
  let redis: TestRedis
  let server: ServerProcess
  const METRICS_TOKEN = 'readiness-test-metrics-token'

  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    postgresRunning = true
    server = await ServerProcess.launch({
      DATABASE_URL: await postgres.createDatabase(),
      REDIS_URL: redis.url,
      READINESS_TIMEOUT_MS: '1000',
      METRICS_TOKEN,
    })
    // PostgreSQL's initdb and two starts: longer than the default on a busy machine.
  }, 90_000)
  afterAll(async () => {
    await server?.destroy()
    await Promise.all([postgresRunning ? postgres?.stop() : undefined, redis?.stop()])
  })

  const fanoutLag = async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    return sampleValue(parseExposition(await response.text()), 'werkplaats_redis_fanout_lag_seconds')
  }

  it('names Redis while it is down and is ready again once it is back; the fan-out lag says so too', async () => {
    expect(await probe(server.url)).toEqual({ status: 200, body: { status: 'ready' } })
    const lag = await fanoutLag()
    expect(lag).toBeGreaterThanOrEqual(0)
    expect(lag).toBeLessThan(1)

    await redis.kill()
    expect(await probe(server.url)).toEqual({
      status: 503,
      body: { status: 'unavailable', error: expect.stringMatching(/^Redis (is not answering|did not answer)/) },
    })
    expect(await fanoutLag()).toBe(-1)

    await redis.start()
    await eventually(async () => (await probe(server.url)).status === 200, 'ready again once Redis is back', 15_000)
  })

  it('names the store once PostgreSQL is stopped', async () => {
    expect((await probe(server.url)).status).toBe(200)
    await postgres.stop()
    postgresRunning = false
    expect(await probe(server.url)).toEqual({
      status: 503,
      body: { status: 'unavailable', error: expect.stringMatching(/^the store (is not answering|did not answer)/) },
    })
  })
})
