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
): Promise<SessionLinks> {
  return createSessionLinks(serverUrl, { templateId, title, facilitatorName: 'Fien' })
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

/**
 * A new session's links: the participants' and the observers' invitation, and a handover link that makes one
 * browser the facilitator's (no link carries a token).
 */
export interface SessionLinks {
  facilitator: string
  participant: string
  observer: string
}

/**
 * A handover link ("Op een ander apparaat openen") for a session made through the API: the way a test's browser
 * becomes the facilitator's, as another device of the facilitator's would. It works once.
 */
export async function facilitatorLink(
  serverUrl: string,
  session: { id: string; facilitatorToken: string },
): Promise<string> {
  const response = await fetch(`${serverUrl}/api/sessions/${session.id}/handover`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.facilitatorToken}` },
  })
  if (response.status !== 201) throw new Error(`making a handover link failed: ${response.status}`)
  return ((await response.json()) as { link: string }).link
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
  const created = (await response.json()) as {
    id: string
    facilitatorToken: string
    links: Omit<SessionLinks, 'facilitator'>
  }
  return { ...created.links, facilitator: await facilitatorLink(serverUrl, created) }
}
