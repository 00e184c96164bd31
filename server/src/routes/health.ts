import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
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

/** `GET /healthz`: 200 once the store is open (the server only listens after that), for load balancers. */
export function healthRoutes(isReady: () => boolean): OpenAPIHono {
  return new OpenAPIHono().openapi(health, (c) =>
    isReady() ? c.json({ status: 'ok' as const }, 200) : c.json({ status: 'starting' as const, error: 'store not open yet' }, 503),
  )
}
