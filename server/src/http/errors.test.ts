import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthorizedError,
  UnavailableError,
  UnprocessableError,
} from '../domainErrors.ts'
import { errorResponse } from './errors.ts'

/** A one-route app that throws `error`, answered by `errorResponse` as the real app is. */
async function answerTo(error: unknown): Promise<Response> {
  const app = new Hono()
  app.get('/', () => {
    throw error
  })
  app.onError(errorResponse)
  return app.request('/')
}

describe('errorResponse: the one place a domain error becomes an HTTP status', () => {
  it.each([
    [new InvalidInputError('bad'), 400],
    [new UnauthorizedError(), 401],
    [new ForbiddenError('not yours'), 403],
    [new NotFoundError(), 404],
    [new ConflictError('closed'), 409],
    [new TooLargeError('too big'), 413],
    [new UnprocessableError('no such card'), 422],
    [new RateLimitedError('slow down', 3), 429],
    [new UnavailableError('try again'), 503],
  ])('%s is %i with its message as { error }', async (error, status) => {
    const response = await answerTo(error)
    expect(response.status).toBe(status)
    expect(await response.json()).toEqual({ error: error.message })
  })

  it('tells a rate-limited client when to try again', async () => {
    expect((await answerTo(new RateLimitedError('slow down', 7))).headers.get('Retry-After')).toBe('7')
  })

  it('answers anything else with 500 and no detail', async () => {
    const quiet = console.error
    console.error = () => {}
    try {
      const response = await answerTo(new Error('the database password is hunter2'))
      expect(response.status).toBe(500)
      expect(await response.json()).toEqual({ error: 'internal server error' })
    } finally {
      console.error = quiet
    }
  })
})
