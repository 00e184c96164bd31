import type { Role } from '@werkplaats/shared'
import { sessionIdSchema } from '@werkplaats/shared'
import { createMiddleware } from 'hono/factory'
import type { Grant, SessionService } from '../sessions/sessionService.ts'
import { bearerToken } from './bearer.ts'

/** What a route behind `requireGrant` finds in `c.var`. */
export interface GrantEnv {
  Variables: { grant: Grant }
}

/**
 * The one authorisation check of the API: a middleware that turns the bearer token into the grant for the
 * session named by `:id` (otherwise 401 or 403 from the session service), optionally of a `role`, and hands
 * it to the handler as `c.var.grant`. A malformed `:id` is left to the route's validation, so it stays a 400.
 */
export function grantCheck(sessions: SessionService) {
  return (role?: Role) =>
    createMiddleware<GrantEnv>(async (c, next) => {
      const id = sessionIdSchema.safeParse(c.req.param('id'))
      if (id.success) c.set('grant', await sessions.authorize(bearerToken(c), id.data, role))
      await next()
    })
}
