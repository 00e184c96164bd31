import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { serverTimeSchema } from '@werkplaats/shared'
import { json } from './openapiShapes.ts'

const health = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Ready to serve (for load balancers)',
  responses: {
    200: json(z.object({ status: z.literal('ok') }), 'The store is open and connections are accepted.'),
    503: json(z.object({ status: z.literal('starting'), error: z.string() }), 'Not ready yet.'),
  },
})

const serverTime = createRoute({
  method: 'get',
  path: '/api/time',
  summary: "The server's clock, so every screen shows the same timer whatever its own clock says",
  responses: { 200: json(serverTimeSchema, 'Milliseconds since the epoch, server time.') },
})

/** `GET /healthz`: 200 once the store is open (the server only listens after that), for load balancers. */
export function healthRoutes(isReady: () => boolean): OpenAPIHono {
  return (
    new OpenAPIHono()
      .openapi(health, (c) =>
        isReady()
          ? c.json({ status: 'ok' as const }, 200)
          : c.json({ status: 'starting' as const, error: 'store not open yet' }, 503),
      )
      // Timers run in server time; clients estimate their offset from this (NTP-style, see shared/src/timer).
      .openapi(serverTime, (c) => {
        c.header('Cache-Control', 'no-store')
        return c.json({ now: Date.now() }, 200)
      })
  )
}
