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
 * `GET /api/join/:code`. Codes are short enough to read aloud, so they are guessable in bulk: every attempt uses
 * one of the address's attempts before the look-up (atomically, so concurrent guesses cannot all slip through),
 * and a right code gives it back: a whole office behind one address joins a workshop at once.
 */
export function joinRoutes(sessions: SessionService, limiter: AttemptLimiter, trustProxy = false): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: refuseInvalid })
  const what = 'wrong join codes from this address'
  // Around validation, so malformed codes count as attempts too.
  app.use('/api/join/*', async (c, next) => {
    const address = clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustProxy)
    await limiter.take(address, what)
    await next()
    if (c.res.status === 200) await limiter.refund(address)
  })
  return app.openapi(lookupCode, async (c) => c.json(await sessions.lookupCode(c.req.valid('param').code), 200))
}

/**
 * The address to count attempts against. Behind a trusted reverse proxy (`TRUST_PROXY`), the last address of
 * `X-Forwarded-For` is the one the proxy saw (nginx's `$proxy_add_x_forwarded_for` appends it; earlier entries
 * are the client's own claims). Otherwise the socket's peer.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor.split(',').map((part) => part.trim()).filter(Boolean).at(-1)
    if (last) return last
  }
  return peer ?? 'unknown'
}
