import type { Context } from 'hono'
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

export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof HttpError) return c.json({ error: error.message }, error.status)
  console.error('unhandled error', error)
  return c.json({ error: 'internal server error' }, 500)
}
