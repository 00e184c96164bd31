import { z } from '@hono/zod-openapi'
import { errorBodySchema } from '@werkplaats/shared'

/**
 * Pieces every route description shares: the error answers (always `{ error }`), the bearer-token security
 * requirement, and JSON bodies.
 */
export const BEARER = [{ bearerAuth: [] }]

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } }
}

const errorAnswers = {
  400: json(errorBodySchema, 'The request does not fit the schema.'),
  401: json(errorBodySchema, 'No token, or a token the server does not know.'),
  403: json(
    errorBodySchema,
    'The token belongs to another session, or lacks the role (joining: no valid invitation, or joining is closed).',
  ),
  404: json(errorBodySchema, 'No such session (or template, or code).'),
  409: json(errorBodySchema, 'The state does not allow it now (a round that is not open, a spent budget).'),
  413: json(errorBodySchema, 'The request body is too large.'),
  422: json(errorBodySchema, 'Well-formed, but names something that does not fit (an unknown card or stage).'),
  429: json(errorBodySchema, 'Too many requests from this address (or person); see Retry-After.'),
  503: json(
    errorBodySchema,
    'Cannot be done now: the change could not be saved (the store failed, also when tried again), or an export is refused (too many waiting, a summary too large, a render too slow); the error says which.',
  ),
} as const

export type ErrorStatus = keyof typeof errorAnswers

export function errors<S extends ErrorStatus>(...statuses: S[]): Pick<typeof errorAnswers, S> {
  return Object.fromEntries(statuses.map((status) => [status, errorAnswers[status]])) as Pick<typeof errorAnswers, S>
}
