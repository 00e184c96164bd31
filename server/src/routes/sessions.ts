import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  createdSessionSchema,
  createSessionRequestSchema,
  deviceTokenSchema,
  handoverRequestSchema,
  handoverSchema,
  invitationSchema,
  joinedSchema,
  joinRequestSchema,
  observerJoinRequestSchema,
  participantIdSchema,
  sessionIdSchema,
  sessionViewSchema,
  updateSessionRequestSchema,
} from '@werkplaats/shared'
import type { Context } from 'hono'
import { bearerToken } from '../http/bearer.ts'
import type { ApiRateLimits } from '../http/rateLimits.ts'
import { grantCheck } from '../http/requireGrant.ts'
import { refuseInvalid } from '../http/validation.ts'
import { type Grant, InvitationRefusedError, type SessionService } from '../sessions/sessionService.ts'
import { BEARER, errors, json, jsonBody } from './openapiShapes.ts'

const idParam = z.object({ id: sessionIdSchema })

const createSession = createRoute({
  method: 'post',
  path: '/api/sessions',
  summary:
    'Create a session from a template ("blank" for an empty board); answers the facilitator\'s secrets (rate-limited per address)',
  request: { body: jsonBody(createSessionRequestSchema) },
  responses: {
    201: json(createdSessionSchema, 'The new session, its tokens and links.'),
    ...errors(400, 404, 413, 429),
  },
})

const joinSession = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/participants',
  summary:
    "Join as a participant with a display name and an invitation (the join code or the participants' link's secret); 403 without a valid one or while joining is closed, 409 when the session is full or closed (rate-limited per address)",
  request: { params: idParam, body: jsonBody(joinRequestSchema) },
  responses: {
    201: json(joinedSchema, "The participant's id and token."),
    ...errors(400, 403, 404, 409, 413, 429),
  },
})

const removeParticipant = createRoute({
  method: 'delete',
  path: '/api/sessions/{id}/participants/{participantId}',
  summary:
    '"Verwijderen": remove a participant (facilitator); their token is refused from then on, their connections are closed with 4401, their stickies stay',
  security: BEARER,
  request: { params: idParam.extend({ participantId: participantIdSchema }) },
  responses: { 204: { description: 'Removed.' }, ...errors(400, 401, 403, 404, 409) },
})

const newInvitation = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/invitation',
  summary:
    '"Nieuwe uitnodiging": a new join code and participants\' link (facilitator); the old ones stop working at once, people already in stay in',
  security: BEARER,
  request: { params: idParam },
  responses: { 200: json(invitationSchema, 'The new invitation.'), ...errors(400, 401, 403, 404) },
})

const getSession = createRoute({
  method: 'get',
  path: '/api/sessions/{id}',
  summary:
    "The session as the token's holder sees it: role, rooms to connect to, participants; the invitation only for the facilitator",
  security: BEARER,
  request: { params: idParam },
  responses: { 200: json(sessionViewSchema, 'The session.'), ...errors(400, 401, 403, 404) },
})

const renameSession = createRoute({
  method: 'patch',
  path: '/api/sessions/{id}',
  summary: 'Rename, or close and open joining ("Deelnemen sluiten" / "Deelnemen openen") (facilitator)',
  security: BEARER,
  request: { params: idParam, body: jsonBody(updateSessionRequestSchema) },
  responses: { 200: json(sessionViewSchema, 'The changed session.'), ...errors(400, 401, 403, 404, 413) },
})

const deleteSession = createRoute({
  method: 'delete',
  path: '/api/sessions/{id}',
  summary: 'Delete the session and all its data (facilitator); connected clients are closed with 4404',
  security: BEARER,
  request: { params: idParam },
  responses: { 204: { description: 'Deleted.' }, ...errors(400, 401, 403, 404) },
})

const duplicateSession = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/duplicate',
  summary:
    'Copy the board and settings into a new session, without participants or votes (facilitator; rate-limited per address like new sessions)',
  security: BEARER,
  request: { params: idParam },
  responses: {
    201: json(createdSessionSchema, 'The copy, with new tokens and links.'),
    ...errors(400, 401, 403, 404, 429),
  },
})

const newObserverInvitation = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/observer-invitation',
  summary:
    '"Nieuwe waarnemerslink": a new observers\' link (facilitator); the one before stops working at once, screens that opened it keep watching',
  security: BEARER,
  request: { params: idParam },
  responses: {
    200: json(invitationSchema, "The invitations, with the new observers' link."),
    ...errors(400, 401, 403, 404),
  },
})

const joinAsObserver = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/observers',
  summary:
    "Exchange the observers' link's secret (`#w=`) for an observer's token of this device's own; 403 for a link that is not the current one (rate-limited per address like join-code look-ups); 409 when the session has as many observer screens as it admits",
  request: { params: idParam, body: jsonBody(observerJoinRequestSchema) },
  responses: { 201: json(deviceTokenSchema, "The observer's token."), ...errors(400, 403, 404, 409, 413, 429) },
})

const newHandover = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/handover',
  summary:
    '"Op een ander apparaat openen": a single-use link, valid for minutes (`HANDOVER_TTL_SECONDS`), that makes another device the facilitator\'s too (facilitator); 409 when too many are waiting',
  security: BEARER,
  request: { params: idParam },
  responses: {
    201: json(handoverSchema, 'The handover link and when it expires.'),
    ...errors(400, 401, 403, 404, 409),
  },
})

const redeemHandover = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/handover/redeem',
  summary:
    "Exchange a handover link's secret (`#h=`) for a facilitator's token of this device's own; works once, 403 when used already or expired (rate-limited per address like join-code look-ups)",
  request: { params: idParam, body: jsonBody(handoverRequestSchema) },
  responses: {
    201: json(deviceTokenSchema, "The facilitator's token for this device."),
    ...errors(400, 403, 413, 429),
  },
})

const closeSession = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/close',
  summary:
    '"Sessie afsluiten" (facilitator): the board and every room become read-only for everyone (a write closes its connection with 4403 "session closed"), joining, votes and reveals are refused with 409; exports still work',
  security: BEARER,
  request: { params: idParam },
  responses: { 200: json(sessionViewSchema, 'The closed session.'), ...errors(400, 401, 403, 404) },
})

const reopenSession = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/reopen',
  summary: '"Heropenen" (facilitator): undoes closing; the rooms may be written again',
  security: BEARER,
  request: { params: idParam },
  responses: { 200: json(sessionViewSchema, 'The reopened session.'), ...errors(400, 401, 403, 404) },
})

const revealPrivate = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/private/reveal',
  summary:
    '"Onthullen": move every private sticky onto the board for everyone (facilitator); 409 while the session is closed',
  security: BEARER,
  request: { params: idParam },
  responses: {
    200: json(z.object({ revealed: z.int().min(0) }), 'How many stickies were revealed.'),
    ...errors(400, 401, 403, 404, 409),
  },
})

/**
 * The session resource. Handlers only translate HTTP to the session service and back; every rule (who may do
 * what, what is stored where) lives in the service.
 */
export function sessionRoutes(
  sessions: SessionService,
  origin: (c: Context) => string,
  limits: ApiRateLimits,
): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: refuseInvalid })
  const requireGrant = grantCheck(sessions)
  // Before validation, so malformed requests count too.
  app.use('/api/sessions', limits.sessionCreations())
  app.use('/api/sessions/:id/duplicate', limits.sessionCreations())
  app.use('/api/sessions/:id/participants', limits.joins())
  // Each opened observers' link adds a token: counted like joins, and wrong secrets like wrong join codes.
  app.use('/api/sessions/:id/observers', limits.joins(), limits.secretGuesses())
  app.use('/api/sessions/:id/handover/redeem', limits.secretGuesses())
  // The facilitator's own view carries the invitation, whose link secret follows from their token.
  const viewOf = async (c: Context, grant: Grant) =>
    sessions.view(grant, grant.role === 'facilitator' ? { token: bearerToken(c) ?? '', origin: origin(c) } : undefined)
  return app
    .openapi(createSession, async (c) => c.json(await sessions.create(c.req.valid('json'), origin(c)), 201))
    .openapi(joinSession, async (c) => {
      const { name, invite } = c.req.valid('json')
      try {
        return c.json(await sessions.join(c.req.valid('param').id, name, invite), 201)
      } catch (error) {
        // Past the limit this answer becomes a 429, like a look-up of a wrong code.
        if (error instanceof InvitationRefusedError) await limits.wrongInvitation(c)
        throw error
      }
    })
    .openapi({ ...removeParticipant, middleware: requireGrant('facilitator') }, async (c) => {
      await sessions.removeParticipant(c.var.grant, c.req.valid('param').participantId)
      return c.body(null, 204)
    })
    .openapi({ ...newInvitation, middleware: requireGrant('facilitator') }, async (c) => {
      return c.json(await sessions.newInvitation(c.var.grant, bearerToken(c) ?? '', origin(c)), 200)
    })
    .openapi({ ...getSession, middleware: requireGrant() }, async (c) => {
      return c.json(await viewOf(c, c.var.grant), 200)
    })
    .openapi({ ...renameSession, middleware: requireGrant('facilitator') }, async (c) => {
      const grant = c.var.grant
      const { title, joinOpen } = c.req.valid('json')
      if (title !== undefined) await sessions.rename(grant, title)
      if (joinOpen !== undefined) await sessions.setJoinOpen(grant, joinOpen)
      return c.json(await viewOf(c, grant), 200)
    })
    .openapi({ ...deleteSession, middleware: requireGrant('facilitator') }, async (c) => {
      await sessions.delete(c.var.grant)
      return c.body(null, 204)
    })
    .openapi({ ...newObserverInvitation, middleware: requireGrant('facilitator') }, async (c) => {
      return c.json(await sessions.newObserverInvitation(c.var.grant, bearerToken(c) ?? '', origin(c)), 200)
    })
    .openapi(joinAsObserver, async (c) => {
      return c.json(await sessions.joinAsObserver(c.req.valid('param').id, c.req.valid('json').invite), 201)
    })
    .openapi({ ...newHandover, middleware: requireGrant('facilitator') }, async (c) => {
      return c.json(await sessions.newHandover(c.var.grant, bearerToken(c) ?? '', origin(c)), 201)
    })
    .openapi(redeemHandover, async (c) => {
      return c.json(await sessions.redeemHandover(c.req.valid('param').id, c.req.valid('json').secret), 201)
    })
    .openapi({ ...closeSession, middleware: requireGrant('facilitator') }, async (c) => {
      await sessions.setClosed(c.var.grant, true)
      return c.json(await viewOf(c, c.var.grant), 200)
    })
    .openapi({ ...reopenSession, middleware: requireGrant('facilitator') }, async (c) => {
      await sessions.setClosed(c.var.grant, false)
      return c.json(await viewOf(c, c.var.grant), 200)
    })
    .openapi({ ...revealPrivate, middleware: requireGrant('facilitator') }, async (c) => {
      return c.json(await sessions.revealPrivate(c.var.grant), 200)
    })
    .openapi({ ...duplicateSession, middleware: requireGrant('facilitator') }, async (c) => {
      return c.json(await sessions.duplicate(c.var.grant, origin(c)), 201)
    })
}
