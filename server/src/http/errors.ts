import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { log } from '../observability/log.ts'
import {
  ConflictError,
  type DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthorizedError,
  UnavailableError,
  UnprocessableError,
} from '../domainErrors.ts'

/** The one place a service's refusal becomes an HTTP status. */
const STATUSES: ReadonlyArray<readonly [new (...args: never[]) => DomainError, ContentfulStatusCode]> = [
  [InvalidInputError, 400],
  [UnauthorizedError, 401],
  [ForbiddenError, 403],
  [NotFoundError, 404],
  [ConflictError, 409],
  [TooLargeError, 413],
  [UnprocessableError, 422],
  [RateLimitedError, 429],
  [UnavailableError, 503],
]

export function statusOf(error: unknown): ContentfulStatusCode | undefined {
  return STATUSES.find(([kind]) => error instanceof kind)?.[1]
}

/** Turns any error into `{ error }` JSON, so no route writes error bodies of its own. */
export function errorResponse(error: unknown, c: Context): Response {
  const status = statusOf(error)
  if (status !== undefined && error instanceof Error) {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds))
    return c.json({ error: error.message }, status)
  }
  // Hono's own refusals (a body that is not JSON, one over the size limit) keep their status.
  if (error instanceof HTTPException && error.status < 500)
    return c.json({ error: error.message || 'bad request' }, error.status)
  log.error({ part: 'http', requestId: c.get('requestId'), err: error }, 'unhandled error')
  return c.json({ error: 'internal server error' }, 500)
}
