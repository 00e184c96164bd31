import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  createdSessionSchema,
  createSessionRequestSchema,
  joinedSchema,
  joinRequestSchema,
  observerLinkSchema,
  renameSessionRequestSchema,
  sessionIdSchema,
  sessionViewSchema,
} from '@werkplaats/shared'
import type { Context } from 'hono'
import { bearerToken } from '../http/bearer.ts'
import { refuseInvalid } from '../http/validation.ts'
import type { SessionService } from '../sessions/sessionService.ts'
import { BEARER, errors, json, jsonBody } from './openapiShapes.ts'

const idParam = z.object({ id: sessionIdSchema })

const createSession = createRoute({
  method: 'post',
  path: '/api/sessions',
  summary: 'Create a session from a template ("blank" for an empty board); answers the facilitator\'s secrets',
  request: { body: jsonBody(createSessionRequestSchema) },
  responses: { 201: json(createdSessionSchema, 'The new session, its tokens and links.'), ...errors(400, 404, 413) },
})

const joinSession = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/participants',
  summary: 'Join as a participant with a display name; the unguessable session id is the invitation',
  request: { params: idParam, body: jsonBody(joinRequestSchema) },
  responses: { 201: json(joinedSchema, 'The participant\'s id and token.'), ...errors(400, 404, 409, 413) },
})

const getSession = createRoute({
  method: 'get',
  path: '/api/sessions/{id}',
  summary: 'The session as the token\'s holder sees it: role, rooms to connect to, participants',
  security: BEARER,
  request: { params: idParam },
  responses: { 200: json(sessionViewSchema, 'The session.'), ...errors(400, 401, 403, 404) },
})

const renameSession = createRoute({
  method: 'patch',
  path: '/api/sessions/{id}',
  summary: 'Rename (facilitator)',
  security: BEARER,
  request: { params: idParam, body: jsonBody(renameSessionRequestSchema) },
  responses: { 200: json(sessionViewSchema, 'The renamed session.'), ...errors(400, 401, 403, 404, 413) },
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
  summary: 'Copy the board and settings into a new session, without participants or votes (facilitator)',
  security: BEARER,
  request: { params: idParam },
  responses: { 201: json(createdSessionSchema, 'The copy, with new tokens and links.'), ...errors(400, 401, 403, 404) },
})

const observerLink = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/observer-link',
  summary: 'A new observers\' link (facilitator); earlier observer links keep working',
  security: BEARER,
  request: { params: idParam },
  responses: { 201: json(observerLinkSchema, 'The new token and link.'), ...errors(400, 401, 403, 404) },
})

const revealPrivate = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/private/reveal',
  summary: '"Onthullen": move every private sticky onto the board for everyone (facilitator)',
  security: BEARER,
  request: { params: idParam },
  responses: { 200: json(z.object({ revealed: z.int().min(0) }), 'How many stickies were revealed.'), ...errors(400, 401, 403, 404) },
})

/**
 * The session resource. Handlers only translate HTTP to the session service and back; every rule (who may do
 * what, what is stored where) lives in the service.
 */
export function sessionRoutes(sessions: SessionService, origin: (c: Context) => string): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: refuseInvalid })
    .openapi(createSession, async (c) => c.json(await sessions.create(c.req.valid('json'), origin(c)), 201))
    .openapi(joinSession, async (c) => c.json(await sessions.join(c.req.valid('param').id, c.req.valid('json').name), 201))
    .openapi(getSession, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id)
      return c.json(await sessions.view(grant), 200)
    })
    .openapi(renameSession, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id, 'facilitator')
      await sessions.rename(grant, c.req.valid('json').title)
      return c.json(await sessions.view(grant), 200)
    })
    .openapi(deleteSession, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id, 'facilitator')
      await sessions.delete(grant)
      return c.body(null, 204)
    })
    .openapi(observerLink, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id, 'facilitator')
      return c.json(await sessions.newObserverLink(grant, origin(c)), 201)
    })
    .openapi(revealPrivate, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id, 'facilitator')
      return c.json(await sessions.revealPrivate(grant), 200)
    })
    .openapi(duplicateSession, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id, 'facilitator')
      return c.json(await sessions.duplicate(grant, origin(c)), 201)
    })
}
