import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { ServerConfig } from './config.ts'
import { errorResponse, NotFoundError } from './http/errors.ts'
import type { Connection } from './rooms/connection.ts'
import type { RoomManager } from './rooms/roomManager.ts'
import { clientConfigRoutes } from './routes/clientConfig.ts'
import { healthRoutes } from './routes/health.ts'
import { yjsRoutes } from './routes/yjs.ts'

export interface AppParts {
  config: ServerConfig
  rooms: RoomManager
  connections: Set<Connection>
  isReady: () => boolean
}

/** The whole HTTP surface on one port: API, WebSocket endpoint, and the built client with an SPA fallback. */
export function createApp({ config, rooms, connections, isReady }: AppParts): Hono {
  const app = new Hono()
  app.onError(errorResponse)
  app.route('/', healthRoutes(isReady))
  app.route('/', clientConfigRoutes(config))
  app.route('/', yjsRoutes(rooms, config.connection, connections))
  app.all('/api/*', () => {
    throw new NotFoundError('no such API endpoint')
  })
  if (existsSync(join(config.clientDir, 'index.html'))) serveClient(app, config.clientDir)
  app.notFound((c) => c.json({ error: 'not found' }, 404))
  return app
}

function serveClient(app: Hono, clientDir: string): void {
  // Vite puts content-hashed files under /assets: they never change, so browsers may keep them.
  app.use('/assets/*', async (c, next) => {
    await next()
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable')
  })
  app.use('*', serveStatic({ root: clientDir }))
  const indexHtml = readFile(join(clientDir, 'index.html'), 'utf8')
  app.get('*', async (c) => {
    c.header('Cache-Control', 'no-cache')
    return c.html(await indexHtml)
  })
}
