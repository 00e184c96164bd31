import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Template, TemplateSummary } from '@werkplaats/shared'
import { bodyLimit } from 'hono/body-limit'
import type { ServerConfig } from './config.ts'
import type { AttemptLimiter } from './http/addressLimiter.ts'
import type { ApiRateLimits } from './http/rateLimits.ts'
import { NotFoundError, TooLargeError } from './domainErrors.ts'
import { serveClient } from './http/clientFiles.ts'
import { errorResponse } from './http/errors.ts'
import { requestObserver } from './http/requestObserver.ts'
import type { Metrics } from './observability/metrics.ts'
import { securityHeaders } from './http/securityHeaders.ts'
import { apiDocsRoutes } from './routes/apiDocs.ts'
import type { ExportService } from './exports/exportService.ts'
import { clientConfigRoutes } from './routes/clientConfig.ts'
import { exportRoutes } from './routes/exports.ts'
import { healthRoutes } from './routes/health.ts'
import { joinRoutes } from './routes/join.ts'
import { metricsRoutes } from './routes/metrics.ts'
import { sessionRoutes } from './routes/sessions.ts'
import { templateRoutes } from './routes/templates.ts'
import { ticketRoutes } from './routes/tickets.ts'
import { yjsRoutes } from './routes/yjs.ts'
import { voteRoutes } from './routes/voteRounds.ts'
import type { RoomTickets } from './sessions/roomTickets.ts'
import type { SessionService } from './sessions/sessionService.ts'
import type { VoteService } from './votes/voteService.ts'

export interface AppParts {
  config: ServerConfig
  sessions: SessionService
  votes: VoteService
  exports: ExportService
  templates: () => TemplateSummary[]
  template: (id: string) => Template | undefined
  joinLimiter: AttemptLimiter
  rateLimits: ApiRateLimits
  isReady: () => boolean
  /** Why the instance should get no traffic now (`/readyz`), or null. */
  notReady: () => Promise<string | null>
  metrics: Metrics
  tickets: RoomTickets
  /** WebSocket tickets per token (per instance). */
  ticketLimiter: AttemptLimiter
}

/**
 * The whole HTTP surface on one port: the API (described by its own OpenAPI document), and the built client
 * with an SPA fallback. WebSocket upgrades never come here (see `rooms/roomEndpoint.ts`).
 */
export function createApp({
  config,
  sessions,
  votes,
  exports,
  templates,
  template,
  joinLimiter,
  rateLimits,
  isReady,
  notReady,
  metrics,
  tickets,
  ticketLimiter,
}: AppParts): OpenAPIHono {
  const app = new OpenAPIHono()
  app.onError(errorResponse)
  app.use('*', requestObserver(metrics))
  app.use('*', securityHeaders({ frameAncestors: config.frameAncestors }))
  const limitBody = bodyLimit({
    maxSize: config.maxRequestBytes,
    onError: () => {
      throw new TooLargeError(`request body over ${config.maxRequestBytes} bytes`)
    },
  })
  // HTTP/1.1 carries a body only with one of these headers; asking a request without them for its body would
  // make a web Request of it for nothing, on every download.
  app.use('/api/*', (c, next) =>
    c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined
      ? next()
      : limitBody(c, next),
  )
  const origin = (c: { req: { url: string } }) => config.publicUrl ?? new URL(c.req.url).origin
  app.route('/', healthRoutes(isReady, notReady))
  app.route('/', metricsRoutes(metrics, config.metricsToken))
  app.route('/', clientConfigRoutes(config))
  app.route('/', templateRoutes(templates, template))
  app.route('/', sessionRoutes(sessions, origin, rateLimits))
  app.route('/', joinRoutes(sessions, joinLimiter, config.trustProxy))
  app.route('/', ticketRoutes(sessions, tickets, ticketLimiter))
  app.route('/', voteRoutes(sessions, votes, rateLimits))
  app.route('/', exportRoutes(sessions, exports, origin))
  app.route('/', yjsRoutes())
  app.route('/', apiDocsRoutes(app))
  app.all('/api/*', () => {
    throw new NotFoundError('no such API endpoint')
  })
  if (existsSync(join(config.clientDir, 'index.html'))) serveClient(app, config.clientDir)
  app.notFound((c) => c.json({ error: 'not found' }, 404))
  return app
}
