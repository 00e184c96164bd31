import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { configFromEnvironment, type RunningServer, type ServerBackends, startServer } from '../../src/index.ts'
import { ServerProcess, temporaryDataDir } from './serverProcess.ts'

/**
 * The set-up every server test shares: a real server on a free loopback port with a temporary SQLite data
 * directory, started before the tests and stopped (its directory removed) after them. In-process (`useServer`)
 * when a test looks inside (the room manager, the store, the vote service); as its own process
 * (`useServerProcess`) when a test kills, restarts or floods it.
 *
 * @example
 * describe('votes', () => {
 *   const server = useServer({ env: { VOTE_BURST_PER_PERSON: '1000' } })
 *   it('...', async () => { await createSession(server.url) })
 * })
 */

export interface UseServerOptions {
  /** Settings as environment variables, read by `configFromEnvironment` as at start-up. */
  env?: Record<string, string>
  /** The stores or cluster to run on, made from the server's data directory (e.g. a store with a fault in it). */
  backends?: (dataDir: string) => ServerBackends
}

/** An in-process server under test: what `startServer` answers, with loopback addresses and its data directory. */
export interface TestServer extends RunningServer {
  readonly wsUrl: string
  readonly dataDir: string
}

/** When the server is started and stopped: once around the describe's tests, or around each test. */
export type ServerLifetime = 'describe' | 'test'

/** One in-process server for the describe's tests (or a fresh one per test), read through the returned handle. */
export function useServer(options: UseServerOptions = {}, lifetime: ServerLifetime = 'describe'): TestServer {
  return useDuring(lifetime, () => launchInProcess(options), stopInProcess)
}

/** Servers a test starts itself, each with its own settings; all are stopped after each test. */
export function useServers(): { start(options?: UseServerOptions): Promise<TestServer> } {
  const started = useStartedDuringTest(stopInProcess)
  return { start: (options = {}) => started(launchInProcess(options)) }
}

/** One server process for the describe's tests (or a fresh one per test), read through the returned handle. */
export function useServerProcess(
  env: Record<string, string> = {},
  lifetime: ServerLifetime = 'describe',
): ServerProcess {
  return useDuring(
    lifetime,
    () => ServerProcess.launch(env),
    (server) => server.destroy(),
  )
}

/** Server processes a test launches itself, each with its own settings; all are destroyed after each test. */
export function useServerProcesses(): { launch(env?: Record<string, string>): Promise<ServerProcess> } {
  const started = useStartedDuringTest((server: ServerProcess) => server.destroy())
  return { launch: (env = {}) => started(ServerProcess.launch(env)) }
}

async function launchInProcess(options: UseServerOptions): Promise<TestServer> {
  const data = temporaryDataDir()
  try {
    const running = await startServer(
      configFromEnvironment({ ...options.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: data.path }),
      options.backends?.(data.path),
    )
    const url = `http://127.0.0.1:${running.port}`
    return {
      ...running,
      url,
      wsUrl: `ws://127.0.0.1:${running.port}/yjs`,
      dataDir: data.path,
      async close() {
        await running.close()
        data.remove()
      },
    }
  } catch (error) {
    data.remove()
    throw error
  }
}

const stopInProcess = (server: TestServer) => server.close()

/**
 * A handle that stands for the value `start` makes before the tests (or each test) and `stop` ends after them.
 * The handle forwards to the current value, so the describe can hold it from the start while the value itself
 * exists only while tests run.
 */
function useDuring<T extends object>(
  lifetime: ServerLifetime,
  start: () => Promise<T>,
  stop: (value: T) => Promise<void>,
): T {
  let current: T | undefined
  const [before, after] = lifetime === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll]
  before(async () => {
    current = await start()
  })
  after(async () => {
    const value = current
    current = undefined
    if (value) await stop(value)
  })
  return forwardTo(() => current, 'the server under test')
}

/**
 * A stand-in for the value `current` answers while the tests run, so a describe can hand it out (and tests can
 * destructure it) before the value exists. Fails naming `what` when used outside the tests.
 */
export function forwardTo<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const value = current()
      if (!value) throw new Error(`${what} exists only while the tests run`)
      const property: unknown = Reflect.get(value, key, value)
      // Methods run on the value itself, whose private fields the proxy does not have.
      return typeof property === 'function' ? (property as (...args: unknown[]) => unknown).bind(value) : property
    },
  })
}

/** Remembers what a test started, and stops all of it after the test, even when the test failed. */
function useStartedDuringTest<T>(stop: (value: T) => Promise<void>): (starting: Promise<T>) => Promise<T> {
  const started: T[] = []
  afterEach(async () => {
    await Promise.all(started.splice(0).map(stop))
  })
  return async (starting) => {
    const value = await starting
    started.push(value)
    return value
  }
}

/**
 * A stand-in for the built client (an index page and one hashed asset) in a temporary folder, removed after the
 * describe's tests: what the server serves from `CLIENT_DIR`, for tests of static serving and its headers.
 */
export function useStandInClient(index = '<!doctype html><title>Werkplaats</title><div id="root"></div>'): {
  readonly path: string
} {
  const client = temporaryDataDir()
  writeFileSync(join(client.path, 'index.html'), index)
  mkdirSync(join(client.path, 'assets'))
  writeFileSync(join(client.path, 'assets', 'main-B4vR05nz.js'), 'console.log(1)')
  // The service worker sits at the root, as the client's build puts it.
  writeFileSync(join(client.path, 'sw.js'), "self.addEventListener('fetch', () => {})")
  afterAll(() => client.remove())
  return { path: client.path }
}
