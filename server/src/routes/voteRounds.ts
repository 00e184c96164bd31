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
import type { ApiRateLimits } from '../http/rateLimits.ts'
import { grantCheck } from '../http/requireGrant.ts'
import { refuseInvalid } from '../http/validation.ts'
import type { SessionService } from '../sessions/sessionService.ts'
import type { VoteService } from '../votes/voteService.ts'
import { BEARER, errors, json, jsonBody } from './openapiShapes.ts'

const roundParams = z.object({
  id: sessionIdSchema,
  roundId: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a round id'),
})

const createRound = createRoute({
  method: 'post',
  path: '/api/sessions/{id}/rounds',
  summary: 'Open a vote round on a set of cards (facilitator)',
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema }), body: jsonBody(createVoteRoundRequestSchema) },
  responses: { 201: json(createdVoteRoundSchema, 'The new round.'), ...errors(400, 401, 403, 404, 409, 413, 422, 503) },
})

const listRounds = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/rounds',
  summary: "Every vote round of the session, as the token's holder may see it",
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema }) },
  responses: { 200: json(z.array(voteRoundViewSchema), 'The rounds, oldest first.'), ...errors(400, 401, 403, 404) },
})

const getRound = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/rounds/{roundId}',
  summary: "One vote round: status, voter count, one's own votes, and tallies when they may be seen",
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
  summary: "Take back one of one's own votes on a card (participant)",
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
  responses: { 200: json(voteRoundViewSchema, 'The revealed round.'), ...errors(400, 401, 403, 404, 409, 503) },
})

const setMark = createRoute({
  method: 'put',
  path: '/api/sessions/{id}/marks/{actionId}',
  summary: '"Heb je dit al geprobeerd?": one\'s mark on an action, or null to clear it (participant)',
  security: BEARER,
  request: {
    params: z.object({ id: sessionIdSchema, actionId: templateIdSchema }),
    body: jsonBody(setMarkRequestSchema),
  },
  responses: {
    200: json(markAnswerSchema, 'The mark is stored.'),
    ...errors(400, 401, 403, 404, 409, 413, 422, 429),
  },
})

const getMarks = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/marks',
  summary: "The team's counts per action, and one's own marks",
  security: BEARER,
  request: { params: z.object({ id: sessionIdSchema }) },
  responses: {
    200: json(marksViewSchema, 'The marks.'),
    ...errors(400, 401, 403, 404),
  },
})

/** Vote rounds and action marks. Every rule lives in the vote service; handlers only translate HTTP. */
export function voteRoutes(sessions: SessionService, votes: VoteService, limits: ApiRateLimits): OpenAPIHono {
  const requireGrant = grantCheck(sessions)
  return new OpenAPIHono({ defaultHook: refuseInvalid })
    .openapi({ ...createRound, middleware: requireGrant() }, async (c) =>
      c.json(await votes.createRound(c.var.grant, c.req.valid('json')), 201),
    )
    .openapi({ ...listRounds, middleware: requireGrant() }, async (c) => c.json(await votes.list(c.var.grant), 200))
    .openapi({ ...getRound, middleware: requireGrant() }, async (c) =>
      c.json(await votes.view(c.var.grant, c.req.valid('param').roundId), 200),
    )
    .openapi({ ...castVote, middleware: requireGrant() }, async (c) => {
      // A vote or mark is counted against its holder's rate once it is well-formed.
      await limits.vote(c.var.grant)
      return c.json(await votes.vote(c.var.grant, c.req.valid('param').roundId, c.req.valid('json').cardId), 201)
    })
    .openapi({ ...withdrawVote, middleware: requireGrant() }, async (c) => {
      const { roundId, cardId } = c.req.valid('param')
      await limits.vote(c.var.grant)
      return c.json(await votes.withdraw(c.var.grant, roundId, cardId), 200)
    })
    .openapi({ ...closeRound, middleware: requireGrant() }, async (c) =>
      c.json(await votes.close(c.var.grant, c.req.valid('param').roundId), 200),
    )
    .openapi({ ...revealRound, middleware: requireGrant() }, async (c) =>
      c.json(await votes.reveal(c.var.grant, c.req.valid('param').roundId), 200),
    )
    .openapi({ ...setMark, middleware: requireGrant() }, async (c) => {
      await limits.vote(c.var.grant)
      return c.json(await votes.mark(c.var.grant, c.req.valid('param').actionId, c.req.valid('json').mark), 200)
    })
    .openapi({ ...getMarks, middleware: requireGrant() }, async (c) => c.json(await votes.marks(c.var.grant), 200))
}
