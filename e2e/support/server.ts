import { ServerProcess } from '@werkplaats/server/testing'
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from '@werkplaats/server/testing/services'

/**
 * The settings every end-to-end server starts with: `env`, with the licence key cleared unless `env` sets it, so
 * the machine's environment cannot change what the pages show.
 */
export function serverEnvironment(env: Record<string, string> = {}): Record<string, string> {
  return { TLDRAW_LICENSE_KEY: '', ...env }
}

/**
 * The real product server (`node server/src/main.ts`) on a free port with its own data directory, as the
 * server's own integration tests start it, for a test that starts servers itself (`useBrowserSession` starts one
 * for a describe).
 */
export function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  return ServerProcess.launch(serverEnvironment(env))
}

/** The links of a session made over the API, by a facilitator named Fien, on the OECD template unless told. */
export async function createSessionOverApi(
  serverUrl: string,
  title: string,
  templateId = 'oecd-innovatie-playbook',
): Promise<{ facilitator: string; participant: string }> {
  const response = await fetch(`${serverUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ templateId, title, facilitatorName: 'Fien' }),
  })
  if (response.status !== 201) throw new Error(`making the session "${title}" was answered ${response.status}`)
  return ((await response.json()) as { links: { facilitator: string; participant: string } }).links
}

/** Several instances of the server sharing one PostgreSQL and one Redis, as behind a load balancer. */
export interface SharedInstances {
  readonly servers: readonly ServerProcess[]
  /** Stops the instances first (they hold connections to both services), then PostgreSQL and Redis. */
  destroy(): Promise<void>
}

/**
 * `count` server instances on one throw-away PostgreSQL database and one throw-away Redis
 * (`@werkplaats/server/testing/services`: Debian's `postgresql` and `redis-server`, which `./run test` installs),
 * the several-instance shape of docs/deploy.md. Whatever started is stopped again if a later start fails.
 */
export async function startSharedInstances(count: number): Promise<SharedInstances> {
  const servers: ServerProcess[] = []
  let postgres: TestPostgres | undefined
  let redis: TestRedis | undefined
  const destroy = async () => {
    await Promise.all(servers.map((server) => server.destroy()))
    await Promise.all([postgres?.stop(), redis?.stop()])
  }
  try {
    // One by one, so a failure leaves each started service in its variable to be stopped.
    postgres = await startPostgres()
    redis = await startRedis()
    const env = { DATABASE_URL: await postgres.createDatabase(), REDIS_URL: redis.url }
    // One after the other: instances starting together would only queue on the migrations' advisory lock, and
    // a failed start then names the instance.
    for (let i = 0; i < count; i++) servers.push(await startServer(env))
  } catch (error) {
    await destroy()
    throw error
  }
  return { servers, destroy }
}

export type { ServerProcess }

/** The links a new session answers with, each carrying its role's token. */
export interface SessionLinks {
  facilitator: string
  participant: string
  observer: string
}

/** Makes a session through the API, as the start page would, with the facilitator's name; answers its links. */
export async function createSessionLinks(
  serverUrl: string,
  session: { templateId: string; title: string; facilitatorName: string },
): Promise<SessionLinks> {
  const response = await fetch(`${serverUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(session),
  })
  if (response.status !== 201) throw new Error(`creating a session failed: ${response.status}`)
  return ((await response.json()) as { links: SessionLinks }).links
}
