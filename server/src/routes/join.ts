import { getConnInfo } from '@hono/node-server/conninfo'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { joinCodeLookupSchema, joinCodeSchema } from '@werkplaats/shared'
import type { AttemptLimiter } from '../http/addressLimiter.ts'
import { refuseInvalid } from '../http/validation.ts'
import type { SessionService } from '../sessions/sessionService.ts'
import { errors, json } from './openapiShapes.ts'

const lookupCode = createRoute({
  method: 'get',
  path: '/api/join/{code}',
  summary: 'Find the session of a join code (rate-limited per address)',
  request: { params: z.object({ code: joinCodeSchema }) },
  responses: { 200: json(joinCodeLookupSchema, 'The session to join.'), ...errors(400, 404, 429) },
})

/**
 * `GET /api/join/:code`. Codes are short enough to read aloud, so they are guessable in bulk: every attempt,
 * valid or not, counts against the caller's address.
 */
export function joinRoutes(sessions: SessionService, limiter: AttemptLimiter): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: refuseInvalid })
  // Before validation, so malformed codes count as attempts too.
  app.use('/api/join/*', async (c, next) => {
    await limiter.take(getConnInfo(c).remote.address ?? 'unknown', 'join code attempts from this address')
    await next()
  })
  return app.openapi(lookupCode, async (c) => c.json(await sessions.lookupCode(c.req.valid('param').code), 200))
}
