import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  castVoteRequestSchema,
  createdVoteRoundSchema,
  createVoteRoundRequestSchema,
  markAnswerSchema,
  marksViewSchema,
  sessionIdSchema,
  setMarkRequestSchema,
  templateIdSchema,
  voteCardIdSchema,
  voteRoundViewSchema,
} from '@werkplaats/shared'
import { bearerToken } from '../http/bearer.ts'
import type { ApiRateLimits } from '../http/rateLimits.ts'
import { refuseInvalid } from '../http/validation.ts'
import type { SessionService } from '../sessions/sessionService.ts'
import type { VoteService } from '../votes/voteService.ts'
import { BEARER, errors, json, jsonBody } from './openapiShapes.ts'

const roundParams = z.object({ id: sessionIdSchema, roundId: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a round id') })

const createRound = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/rounds',
  summary: 'Open a vote round on a set of cards (facilitator)',
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema }), body: jsonBody(createVoteRoundRequestSchema) },
  responses: { 201: json(createdVoteRoundSchema, 'The new round.'), ...errors(400, 401, 403, 404, 413, 422, 503) },
})

const listRounds = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/rounds',
  summary: 'Every vote round of the session, as the token\'s holder may see it',
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema }) },
  responses: { 200: json(z.array(voteRoundViewSchema), 'The rounds, oldest first.'), ...errors(400, 401, 403, 404) },
})

const getRound = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/rounds/{roundId}',
  summary: 'One vote round: status, voter count, one\'s own votes, and tallies when they may be seen',
  security: BEARER,
  request: { params: roundParams },
  responses: { 200: json(voteRoundViewSchema, 'The round.'), ...errors(400, 401, 403, 404) },
})

const castVote = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/rounds/{roundId}/votes',
  summary: '"We moeten dit verbeteren!": one vote on a card (participant)',
  security: BEARER,
  request: { params: roundParams, body: jsonBody(castVoteRequestSchema) },
  responses: {
    201: json(voteRoundViewSchema, 'The vote is stored; the round as the voter sees it.'),
    ...errors(400, 401, 403, 404, 409, 413, 422, 429),
  },
})

const withdrawVote = createRoute({
  method: 'delete',
  path: '/api/sessions/{id}/rounds/{roundId}/votes/{cardId}',
  summary: 'Take back one of one\'s own votes on a card (participant)',
  security: BEARER,
  request: { params: roundParams.extend({ cardId: voteCardIdSchema }) },
  responses: {
    200: json(voteRoundViewSchema, 'The round as the voter sees it.'),
    ...errors(400, 401, 403, 404, 409, 429),
  },
})

const closeRound = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/rounds/{roundId}/close',
  summary: 'Close the round: no more votes (facilitator)',
  security: BEARER,
  request: { params: roundParams },
  responses: {
    200: json(voteRoundViewSchema, 'The closed round.'),
    ...errors(400, 401, 403, 404, 409, 503),
  },
})

const revealRound = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/rounds/{roundId}/reveal',
  summary: 'Reveal the results to everyone (facilitator); closes the round if it was open',
  security: BEARER,
  request: { params: roundParams },
  responses: { 200: json(voteRoundViewSchema, 'The revealed round.'), ...errors(400, 401, 403, 404, 503) },
})

const setMark = createRoute({
  method: 'put',
  path: '/api/sessions/{id}/marks/{actionId}',
  summary: '"Heb je dit al geprobeerd?": one\'s mark on an action, or null to clear it (participant)',
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema, actionId: templateIdSchema }), body: jsonBody(setMarkRequestSchema) },
  responses: {
    200: json(markAnswerSchema, 'The mark is stored.'),
    ...errors(400, 401, 403, 404, 413, 422, 429),
  },
})

const getMarks = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/marks',
  summary: 'The team\'s counts per action, and one\'s own marks',
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema }) },
  responses: {
    200: json(marksViewSchema, 'The marks.'),
    ...errors(400, 401, 403, 404),
  },
})

/** Vote rounds and action marks. Every rule lives in the vote service; handlers only translate HTTP. */
export function voteRoutes(sessions: SessionService, votes: VoteService, limits: ApiRateLimits): OpenAPIHono {
  /** The grant of a vote or mark request, once it is within its holder's rate. */
  const voter = async (token: string | undefined, sessionId: string) => {
    const grant = await sessions.authorize(token, sessionId)
    await limits.vote(grant)
    return grant
  }
  return new OpenAPIHono({ defaultHook: refuseInvalid })
    .openapi(createRound, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id)
      return c.json(await votes.createRound(grant, c.req.valid('json')), 201)
    })
    .openapi(listRounds, async (c) => {
      const grant = await sessions.authorize(bearerToken(c), c.req.valid('param').id)
      return c.json(await votes.list(grant), 200)
    })
    .openapi(getRound, async (c) => {
      const { id, roundId } = c.req.valid('param')
      return c.json(await votes.view(await sessions.authorize(bearerToken(c), id), roundId), 200)
    })
    .openapi(castVote, async (c) => {
      const { id, roundId } = c.req.valid('param')
      const grant = await voter(bearerToken(c), id)
      return c.json(await votes.vote(grant, roundId, c.req.valid('json').cardId), 201)
    })
    .openapi(withdrawVote, async (c) => {
      const { id, roundId, cardId } = c.req.valid('param')
      return c.json(await votes.withdraw(await voter(bearerToken(c), id), roundId, cardId), 200)
    })
    .openapi(closeRound, async (c) => {
      const { id, roundId } = c.req.valid('param')
      return c.json(await votes.close(await sessions.authorize(bearerToken(c), id), roundId), 200)
    })
    .openapi(revealRound, async (c) => {
      const { id, roundId } = c.req.valid('param')
      return c.json(await votes.reveal(await sessions.authorize(bearerToken(c), id), roundId), 200)
    })
    .openapi(setMark, async (c) => {
      const { id, actionId } = c.req.valid('param')
      return c.json(await votes.mark(await voter(bearerToken(c), id), actionId, c.req.valid('json').mark), 200)
    })
    .openapi(getMarks, async (c) => c.json(await votes.marks(await sessions.authorize(bearerToken(c), c.req.valid('param').id)), 200))
}
