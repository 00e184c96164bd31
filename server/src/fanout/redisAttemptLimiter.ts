import type { Redis } from 'ioredis'
import { RateLimitedError } from '../domainErrors.ts'
import { type AddressLimiter, limitKey } from '../http/addressLimiter.ts'

/**
 * A token bucket per key in Redis, refilled by elapsed time: `rate` tokens per second up to `burst`. Redis's own
 * clock decides, so instances with drifting clocks agree. With `cost` 1 it uses an attempt and answers 1, or
 * answers 0 when none is left; with `cost` -1 it gives one back (a right join code). One script, so a take is
 * atomic across instances: concurrent guesses cannot all pass a check before any is counted.
 */
const takeScript = `
local now = redis.call('TIME')
local nowMs = now[1] * 1000 + math.floor(now[2] / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or nowMs
tokens = math.min(burst, tokens + (nowMs - at) / 1000 * rate)
local taken = 0
if cost < 0 then
  tokens = math.min(burst, tokens - cost)
  taken = 1
elseif tokens >= 1 then
  tokens = tokens - cost
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(nowMs))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000))
return taken
`

/**
 * Attempts per address (join codes, joins, new sessions) or per person (votes) counted across every instance: behind a load balancer each guess may land on
 * another instance, and per-instance buckets would let an attacker guess N times as fast.
 *
 * While Redis is unreachable the instance's own `AddressLimiter` decides instead: join pages keep working, and
 * guessing is still slowed on each instance.
 */
export class RedisAttemptLimiter {
  readonly #redis: Redis
  readonly #fallback: AddressLimiter
  readonly #perMinute: number
  readonly #burst: number
  readonly #scope: string

  /** `scope` keeps one limit's counts apart from another's (join codes, joins, votes…) under the same key. */
  constructor(redis: Redis, fallback: AddressLimiter, perMinute: number, burst: number, scope = 'attempts') {
    this.#scope = scope
    this.#redis = redis
    this.#fallback = fallback
    this.#perMinute = perMinute
    this.#burst = burst
  }

  async take(address: string, what: string): Promise<void> {
    await this.#ask(address, what, 1)
  }

  async refund(address: string): Promise<void> {
    try {
      await this.#run(address, -1)
    } catch {
      this.#fallback.refund(address)
    }
  }

  async #ask(address: string, what: string, cost: 1): Promise<void> {
    let taken: unknown
    try {
      taken = await this.#run(address, cost)
    } catch {
      this.#fallback.take(address, what)
      return
    }
    if (taken !== 1) throw new RateLimitedError(`too many ${what}; try again later`, Math.ceil(60 / this.#perMinute))
  }

  #run(address: string, cost: 1 | -1): Promise<unknown> {
    return this.#redis.eval(
      takeScript,
      1,
      `werkplaats:${this.#scope}:${limitKey(address)}`,
      this.#perMinute / 60,
      this.#burst,
      cost,
    )
  }

  stop(): void {
    this.#fallback.stop()
  }
}
