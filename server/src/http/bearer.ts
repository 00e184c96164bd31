import type { Context } from 'hono'

/** The token of `Authorization: Bearer <token>`, or undefined. Whether it is any good is the session service's call. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization')
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1]
}
