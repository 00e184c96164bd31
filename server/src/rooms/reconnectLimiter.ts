import { limitKey } from '../http/addressLimiter.ts'
import { observerShare } from './personBudgets.ts'
import { RestingTable, TokenBucket } from '../limits/tokenBucket.ts'

export interface ReconnectLimits {
  /**
   * WebSocket connections one person (or a session's observers together, at `observerShare` times) may open to one
   * room per minute.
   */
  perMinutePerPerson: number
  /** WebSocket connections one address may open per minute, whoever's token they carry. */
  perMinutePerAddress: number
}

/**
 * How often connections may be opened: per address before the token is even looked at, and per person and room
 * once it is known whose it is (`personKey`). Each with a burst of twice the rate per minute, so an office behind one address, or
 * everyone after a server restart, gets in at once; past it the upgrade is answered with a close (4429) and the
 * reason, which the stock client does not retry. Counted per address like the join-code limit (`limitKey`: an
 * IPv6 /64 is one address).
 */
export class ReconnectLimiter {
  readonly #addresses: RestingTable<TokenBucket>
  readonly #people: RestingTable<TokenBucket>

  constructor(limits: ReconnectLimits, sweepMs?: number) {
    const bucket = (perMinute: number, now: number) => new TokenBucket(perMinute / 60, perMinute * 2, now)
    const full = (bucket: TokenBucket, now: number) => bucket.isFull(now)
    this.#addresses = new RestingTable((_, now) => bucket(limits.perMinutePerAddress, now), full, sweepMs)
    this.#people = new RestingTable(
      (key, now) => bucket(limits.perMinutePerPerson * (key.endsWith('|observers') ? observerShare : 1), now),
      full,
      sweepMs,
    )
  }

  /** Counts a connection from `address`; the reason it is refused, if it is. */
  refusesAddress(address: string): string | undefined {
    if (this.#addresses.get(limitKey(address)).take(1)) return undefined
    return 'too many connections from this address; try again in a minute'
  }

  /** Counts a connection of the person `key` (see `personKey`); the reason it is refused, if it is. */
  refusesPerson(key: string): string | undefined {
    if (this.#people.get(key).take(1)) return undefined
    return 'too many reconnects for this person; try again in a minute'
  }

  get size(): number {
    return this.#addresses.size + this.#people.size
  }

  stop(): void {
    this.#addresses.stop()
    this.#people.stop()
  }
}
