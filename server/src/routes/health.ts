import { Hono } from 'hono'

/** `GET /healthz`: 200 once the store is open (the server only listens after that), for load balancers. */
export function healthRoutes(isReady: () => boolean): Hono {
  return new Hono().get('/healthz', (c) =>
    isReady() ? c.json({ status: 'ok' }) : c.json({ status: 'starting', error: 'store not open yet' }, 503),
  )
}
