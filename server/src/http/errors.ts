import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * An error that is the client's to fix or know about. Each maps to one HTTP status; `errorResponse` in one place
 * turns any error into `{ error }` JSON, so no route writes error bodies of its own.
 */
export class HttpError extends Error {
  override name = 'HttpError'
  readonly status: ContentfulStatusCode
  constructor(status: ContentfulStatusCode, message: string) {
    super(message)
    this.status = status
  }
}

export class BadRequestError extends HttpError {
  override name = 'BadRequestError'
  constructor(message: string) {
    super(400, message)
  }
}

export class NotFoundError extends HttpError {
  override name = 'NotFoundError'
  constructor(message = 'not found') {
    super(404, message)
  }
}

/** The request is well-formed but the state does not allow it now (a closed round, a spent budget). */
export class ConflictError extends HttpError {
  override name = 'ConflictError'
  constructor(message: string) {
    super(409, message)
  }
}

/** The request is well-formed but names something that does not fit (a card that is not in the round). */
export class UnprocessableError extends HttpError {
  override name = 'UnprocessableError'
  constructor(message: string) {
    super(422, message)
  }
}

export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError'
  constructor(message = 'a valid token is needed (Authorization: Bearer <token>)') {
    super(401, message)
  }
}

export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError'
  constructor(message: string) {
    super(403, message)
  }
}

export class TooManyRequestsError extends HttpError {
  override name = 'TooManyRequestsError'
  /** Whole seconds until a new attempt may succeed; sent as `Retry-After`. */
  readonly retryAfterSeconds: number
  constructor(message: string, retryAfterSeconds: number) {
    super(429, message)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof TooManyRequestsError) c.header('Retry-After', String(error.retryAfterSeconds))
  if (error instanceof HttpError) return c.json({ error: error.message }, error.status)
  // Hono's own refusals (a body that is not JSON, one over the size limit) keep their status.
  if (error instanceof HTTPException && error.status < 500) return c.json({ error: error.message || 'bad request' }, error.status)
  console.error('unhandled error', error)
  return c.json({ error: 'internal server error' }, 500)
}
