import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { joinCodeLookupSchema, joinCodeSchema } from '@werkplaats/shared'
import type { AttemptLimiter } from '../http/addressLimiter.ts'
import { requestAddress } from '../http/rateLimits.ts'
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
 * `GET /api/join/:code`. Codes are short enough to read aloud, so they are guessable in bulk: every attempt uses
 * one of the address's attempts before the look-up (atomically, so concurrent guesses cannot all slip through),
 * and a right code gives it back: a whole office behind one address joins a workshop at once.
 */
export function joinRoutes(sessions: SessionService, limiter: AttemptLimiter, trustProxy = false): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: refuseInvalid })
  const what = 'wrong join codes from this address'
  // Around validation, so malformed codes count as attempts too.
  app.use('/api/join/*', async (c, next) => {
    const address = requestAddress(c, trustProxy)
    await limiter.take(address, what)
    await next()
    if (c.res.status === 200) await limiter.refund(address)
  })
  return app.openapi(lookupCode, async (c) => c.json(await sessions.lookupCode(c.req.valid('param').code), 200))
}
