import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { NotFoundError, UnauthorizedError } from '../domainErrors.ts'
import { bearerToken } from '../http/bearer.ts'
import type { Metrics } from '../observability/metrics.ts'

/**
 * `GET /metrics`: the Prometheus exposition, for whoever holds `METRICS_TOKEN` (`Authorization: Bearer …`). Without
 * a token configured the endpoint does not exist (404, like any unknown path), so an instance nobody scrapes tells
 * nobody how busy it is. Not in the OpenAPI document: it is the operator's, not the app's.
 */
export function metricsRoutes(metrics: Metrics, token: string | null): Hono {
  const expected = token === null ? null : digest(token)
  return new Hono().get('/metrics', async (c) => {
    if (expected === null) throw new NotFoundError('not found')
    const offered = bearerToken(c)
    // Compared as digests of equal length, in constant time: how long a refusal takes says nothing of the token.
    if (offered === undefined || !timingSafeEqual(digest(offered), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"')
      throw new UnauthorizedError('a valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>)')
    }
    const { contentType, body } = await metrics.exposition()
    c.header('Cache-Control', 'no-store')
    return c.body(body, 200, { 'Content-Type': contentType })
  })
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
