import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { serverTimeSchema } from '@werkplaats/shared'
import { json } from './openapiShapes.ts'

const health = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Alive (liveness: the process answers; restart it when this fails)',
  responses: {
    200: json(z.object({ status: z.literal('ok') }), 'The store is open and connections are accepted.'),
    503: json(z.object({ status: z.literal('starting'), error: z.string() }), 'Not ready yet.'),
  },
})

const readiness = createRoute({
  method: 'get',
  path: '/readyz',
  summary: 'Ready for traffic (for load balancers): the store, and Redis when configured, answer',
  responses: {
    200: json(z.object({ status: z.literal('ready') }), 'The store (and Redis) answered; not shutting down.'),
    503: json(
      z.object({ status: z.literal('unavailable'), error: z.string() }),
      'Not ready: starting, shutting down, or the store or Redis does not answer (the reason says which).',
    ),
  },
})

const serverTime = createRoute({
  method: 'get',
  path: '/api/time',
  summary: "The server's clock, so every screen shows the same timer whatever its own clock says",
  responses: { 200: json(serverTimeSchema, 'Milliseconds since the epoch, server time.') },
})

/**
 * `GET /healthz`: 200 once the store is open (the server only listens after that), the liveness check.
 * `GET /readyz`: 200 only while the store and Redis answer and the instance is not draining, the load balancer's
 * check; `notReady` gives the reason it is not (`observability/readiness.ts`).
 */
export function healthRoutes(isReady: () => boolean, notReady: () => Promise<string | null>): OpenAPIHono {
  return (
    new OpenAPIHono()
      .openapi(health, (c) =>
        isReady()
          ? c.json({ status: 'ok' as const }, 200)
          : c.json({ status: 'starting' as const, error: 'store not open yet' }, 503),
      )
      .openapi(readiness, async (c) => {
        c.header('Cache-Control', 'no-store')
        const reason = isReady() ? await notReady() : 'starting'
        return reason === null
          ? c.json({ status: 'ready' as const }, 200)
          : c.json({ status: 'unavailable' as const, error: reason }, 503)
      })
      // Timers run in server time; clients estimate their offset from this (NTP-style, see shared/src/timer).
      .openapi(serverTime, (c) => {
        c.header('Cache-Control', 'no-store')
        return c.json({ now: Date.now() }, 200)
      })
  )
}
