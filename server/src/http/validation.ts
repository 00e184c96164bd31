import type { Hook } from '@hono/zod-openapi'
import type { Env } from 'hono'
import { InvalidInputError } from '../domainErrors.ts'

/**
 * What every route does with a request that does not fit its schema: a 400 with one readable sentence naming
 * each field and what is wrong with it, through the one error mapping (`errorResponse`).
 */
export const refuseInvalid: Hook<unknown, Env, string, unknown> = (result) => {
  if (result.success) return
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join('.')
    return path ? `${path}: ${issue.message}` : issue.message
  })
  throw new InvalidInputError(`invalid request: ${problems.join('; ')}`)
}
