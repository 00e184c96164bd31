import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Context, MiddlewareHandler } from 'hono'
import { routePath } from 'hono/route'
import { log } from '../observability/log.ts'
import type { HttpMeter } from '../observability/metrics.ts'

declare module 'hono' {
  interface ContextVariableMap {
    /** This request's id: in its log lines and in the `X-Request-Id` answer header. */
    requestId: string
  }
}

/** An id a proxy in front may hand on (`X-Request-Id`); anything else a client sends is replaced by our own. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,128}$/
const httpLog = log.child({ part: 'http' })

/**
 * One log line and one observation per request: its id, method, the route's pattern (`/api/sessions/:id`,
 * never the path, which can hold a join code: `/api/join/:code`), status and duration. Neither headers nor query
 * strings nor bodies are logged, so no token, ticket or invitation reaches the log this way.
 *
 * @example
 * app.use('*', requestObserver(metrics))
 */
export function requestObserver(meter: HttpMeter): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now()
    const forwarded = c.req.header('x-request-id')
    const requestId = forwarded !== undefined && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID()
    c.set('requestId', requestId)
    try {
      await next()
    } finally {
      const seconds = (performance.now() - started) / 1000
      const status = c.res.status
      const route = routeOf(c)
      // On the answer's own headers: `c.header` on an answer already made would remake it around its body as a
      // stream, copying the body and writing it out chunk by chunk through web streams on the event loop.
      c.res.headers.set('X-Request-Id', requestId)
      meter.answered(c.req.method, route, status, seconds)
      httpLog[status >= 500 ? 'warn' : 'info'](
        { requestId, method: c.req.method, route, status, durationMs: Math.round(seconds * 1000 * 10) / 10 },
        'request',
      )
    }
  }
}

/** The pattern of the route that answered (the handler the request ended in); `*` for the client's files. */
function routeOf(c: Context): string {
  return routePath(c) || 'unmatched'
}
