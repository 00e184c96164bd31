import { ServerProcess } from '@werkplaats/server/testing'

/**
 * The real product server (`node server/src/main.ts`) on a free port with its own data directory, as the
 * server's own integration tests start it. The licence key is cleared so the machine's environment cannot
 * change what the pages show.
 */
export function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  return ServerProcess.launch({ TLDRAW_LICENSE_KEY: '', ...env })
}

export type { ServerProcess }
