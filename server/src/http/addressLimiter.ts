import { TokenBucket } from '../limits/tokenBucket.ts'
import { RateLimitedError } from '../domainErrors.ts'

/** Counts attempts per address; throws `RateLimitedError` past the limit. Local, or shared through Redis. */
export interface AttemptLimiter {
  /** Uses one attempt, or throws when none is left. */
  take(address: string, what: string): void | Promise<void>
  /** Gives back an attempt that turned out right (a join code that exists). */
  refund(address: string): void | Promise<void>
  stop(): void
}

/**
 * Limits how often one network address (or one person, by participant id) may do something (guess join codes,
 * join, make sessions, vote): a token bucket per key,
 * `perMinute` attempts on average with bursts up to `burst`. Past it, `RateLimitedError` (429) with the
 * seconds until the next attempt may succeed. Buckets of quiet addresses are forgotten, so the map stays small.
 */
export class AddressLimiter implements AttemptLimiter {
  readonly #perMinute: number
  readonly #burst: number
  readonly #buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>()
  readonly #sweep: NodeJS.Timeout
  readonly #now: () => number

  /** `now`: the clock in milliseconds (tests where time is the subject pass their own). */
  constructor(perMinute: number, burst: number, now: () => number = () => performance.now()) {
    this.#perMinute = perMinute
    this.#burst = burst
    this.#now = now
    // A bucket untouched for as long as a full refill takes is full again: same as a new one.
    const refillMs = (burst / perMinute) * 60_000
    this.#sweep = setInterval(
      () => {
        const now = this.#now()
        for (const [address, entry] of this.#buckets) if (now - entry.usedAt > refillMs) this.#buckets.delete(address)
      },
      Math.max(1000, refillMs),
    )
    this.#sweep.unref()
  }

  /** Takes one attempt for `address`, or throws `RateLimitedError`. */
  take(address: string, what: string): void {
    const now = this.#now()
    if (!this.#bucket(address, now).take(1, now)) this.#refuse(what)
  }

  refund(address: string): void {
    const now = this.#now()
    this.#bucket(address, now).give(1, now)
  }

  #bucket(address: string, now: number): TokenBucket {
    address = limitKey(address)
    let entry = this.#buckets.get(address)
    if (!entry) {
      entry = { bucket: new TokenBucket(this.#perMinute / 60, this.#burst, now), usedAt: now }
      this.#buckets.set(address, entry)
    }
    entry.usedAt = now
    return entry.bucket
  }

  #refuse(what: string): never {
    throw new RateLimitedError(`too many ${what}; try again later`, Math.ceil(60 / this.#perMinute))
  }

  stop(): void {
    clearInterval(this.#sweep)
  }
}

/**
 * What one attacker controls: an IPv4 address, or an IPv6 /64 (one subscriber usually gets a whole /64, so
 * counting full IPv6 addresses would give an attacker 2⁶⁴ buckets).
 */
export function limitKey(address: string): string {
  if (!address.includes(':') || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '')
  const [head = '', tail = ''] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = address.includes('::')
    ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`
}
