import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { errorBodySchema, issuedRoomTicketSchema, sessionIdSchema } from '@werkplaats/shared'
import type { AttemptLimiter } from '../http/addressLimiter.ts'
import { bearerToken } from '../http/bearer.ts'
import { grantCheck } from '../http/requireGrant.ts'
import { refuseInvalid } from '../http/validation.ts'
import type { RoomTickets } from '../sessions/roomTickets.ts'
import { hashToken } from '../sessions/secrets.ts'
import type { SessionService } from '../sessions/sessionService.ts'
import { BEARER, errors, json } from './openapiShapes.ts'

const issueTicket = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/tickets',
  summary: 'A single-use ticket for one WebSocket connection (`/yjs/<room>?ticket=`), valid for 60 seconds',
  description:
    'What the app connects with, so that no long-lived token stands in a WebSocket URL (proxies log URLs). The ' +
    'ticket stands for the bearer token: the connection gets the rights the token has when it connects. A ticket ' +
    'already used or expired is refused with close code 4401. `?token=` stays accepted for API clients.',
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema }) },
  responses: {
    201: json(issuedRoomTicketSchema, 'The ticket.'),
    ...errors(400, 401, 403, 404, 429),
    503: json(errorBodySchema, 'Too many tickets outstanding on this instance; try again shortly.'),
  },
})

/** `POST /api/sessions/:id/tickets`, at most `limiter`'s rate per token: every ticket waits in memory or Redis. */
export function ticketRoutes(sessions: SessionService, tickets: RoomTickets, limiter: AttemptLimiter): OpenAPIHono {
  const requireGrant = grantCheck(sessions)
  return new OpenAPIHono({ defaultHook: refuseInvalid }).openapi(
    { ...issueTicket, middleware: requireGrant() },
    async (c) => {
      // Behind the grant check, so the token is one of this session's.
      const token = bearerToken(c) ?? ''
      await limiter.take(hashToken(token), 'tickets for this token')
      return c.json(await tickets.issue(c.req.valid('param').id, token), 201)
    },
  )
}
