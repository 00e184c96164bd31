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
 * `GET /api/join/:code`. Codes are short enough to read aloud, so they are guessable in bulk: every wrong
 * attempt counts against the caller's address, and an address out of attempts is refused before the look-up.
 * Right codes cost nothing: a whole office behind one address joins a workshop at once.
 */
export function joinRoutes(sessions: SessionService, limiter: AttemptLimiter): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: refuseInvalid })
  const what = 'wrong join codes from this address'
  // Around validation, so malformed codes count as wrong attempts too.
  app.use('/api/join/*', async (c, next) => {
    const address = getConnInfo(c).remote.address ?? 'unknown'
    await limiter.check(address, what)
    await next()
    if (c.res.status === 400 || c.res.status === 404) await limiter.take(address, what)
  })
  return app.openapi(lookupCode, async (c) => c.json(await sessions.lookupCode(c.req.valid('param').code), 200))
}
