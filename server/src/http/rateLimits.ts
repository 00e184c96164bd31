import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import type { Grant } from '../sessions/sessionService.ts'
import type { AttemptLimiter } from './addressLimiter.ts'

/** One limit: `perMinute` on average, bursts up to `burst`. */
export interface RateLimit {
  perMinute: number
  burst: number
}

/** The API's limits as configured (see `config.ts`); each a token bucket per address or per person. */
export interface RateLimitSettings {
  /** Joins per address: generous, since a whole office may sit behind one address. */
  joins: RateLimit
  /** New sessions (and copies) per address. */
  sessionCreations: RateLimit
  /** Votes, withdrawals and action marks per person. */
  votes: RateLimit
}

/** Makes a limiter for a scope; the scope keeps each limit's counts apart where they are shared (Redis). */
export type LimiterFactory = (scope: string, limit: RateLimit) => AttemptLimiter

/**
 * The API's rate limits, built once per server. Past one, the request is answered 429 with `Retry-After` and
 * `{ error }` before anything is done, so a flood of joins or votes costs the store nothing.
 */
export class ApiRateLimits {
  readonly #joins: AttemptLimiter
  readonly #sessionCreations: AttemptLimiter
  readonly #votes: AttemptLimiter
  readonly #codeGuesses: AttemptLimiter | null
  readonly #trustProxy: boolean

  /**
   * `codeGuesses`: the join-code look-ups' limiter (`GET /api/join/:code`), which a join with a wrong invitation is
   * charged to as well: whoever knows a session's id (an observer) must not guess its code faster by joining.
   */
  constructor(
    settings: RateLimitSettings,
    limiter: LimiterFactory,
    trustProxy: boolean,
    codeGuesses: AttemptLimiter | null = null,
  ) {
    this.#codeGuesses = codeGuesses
    this.#joins = limiter('joins', settings.joins)
    this.#sessionCreations = limiter('session-creations', settings.sessionCreations)
    this.#votes = limiter('votes', settings.votes)
    this.#trustProxy = trustProxy
  }

  /** Middleware: one join of the request's address, malformed ones included. */
  joins(): MiddlewareHandler {
    return this.#perAddress(this.#joins, 'joins from this address')
  }

  /** Middleware: one new session of the request's address. */
  sessionCreations(): MiddlewareHandler {
    return this.#perAddress(this.#sessionCreations, 'new sessions from this address')
  }

  /**
   * Middleware for exchanging a link's secret for a token (a handover, the observers' invitation): like a join-code
   * look-up, every attempt, malformed ones included, uses one of the address's guesses first (atomically, so
   * concurrent guesses cannot all slip through), and a right secret gives it back.
   */
  secretGuesses(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method !== 'POST' || !this.#codeGuesses) return next()
      const address = requestAddress(c, this.#trustProxy)
      await this.#codeGuesses.take(address, 'wrong secrets from this address')
      await next()
      if (c.res.status < 300) await this.#codeGuesses.refund(address)
    }
  }

  /** A join refused for its invitation: one guess of the join code from the request's address. */
  async wrongInvitation(c: Context): Promise<void> {
    await this.#codeGuesses?.take(requestAddress(c, this.#trustProxy), 'wrong join codes from this address')
  }

  /** One vote or mark of `grant`'s holder (each participant has a token of their own; observers share one). */
  async vote(grant: Grant): Promise<void> {
    await this.#votes.take(grant.participantId ?? `${grant.sessionId}/${grant.role}`, 'votes and marks')
  }

  stop(): void {
    this.#joins.stop()
    this.#sessionCreations.stop()
    this.#votes.stop()
  }

  #perAddress(limiter: AttemptLimiter, what: string): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.method === 'POST') await limiter.take(requestAddress(c, this.#trustProxy), what)
      await next()
    }
  }
}

/**
 * The address to count a request against. Behind a trusted reverse proxy (`TRUST_PROXY`), the last address of
 * `X-Forwarded-For` is the one the proxy saw (nginx's `$proxy_add_x_forwarded_for` appends it; earlier entries
 * are the client's own claims). Otherwise the socket's peer.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const last = forwardedFor
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1)
    if (last) return last
  }
  return peer ?? 'unknown'
}

export function requestAddress(c: Context, trustProxy: boolean): string {
  return clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), trustProxy)
}
