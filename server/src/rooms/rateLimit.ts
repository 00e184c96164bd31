/**
 * A token bucket: `perSecond` tokens flow in continuously, at most `burst` are held. Each message takes one
 * token (or its size in bytes for a byte bucket). Dragging a sticky in tldraw sends updates and cursor moves at
 * pointer rate, so the defaults allow bursts far above the steady rate.
 */
export class TokenBucket {
  readonly #perSecond: number
  readonly #burst: number
  #tokens: number
  #refilledAt: number

  constructor(perSecond: number, burst: number, now = performance.now()) {
    this.#perSecond = perSecond
    this.#burst = burst
    this.#tokens = burst
    this.#refilledAt = now
  }

  /**
   * Takes `cost` tokens whether or not there are enough: the bucket may go into debt, and `take` then fails
   * until it has refilled. For costs known only after the fact, such as the size of an answer.
   */
  spend(cost: number, now = performance.now()): void {
    this.#refill(now)
    this.#tokens -= cost
  }

  /** Takes `cost` tokens if there are enough; false means the limit is exceeded. */
  take(cost = 1, now = performance.now()): boolean {
    this.#refill(now)
    if (this.#tokens < cost) return false
    this.#tokens -= cost
    return true
  }

  /** Gives `amount` tokens back (an attempt that should not have counted), up to the burst. */
  give(amount: number, now = performance.now()): void {
    this.#refill(now)
    this.#tokens = Math.min(this.#burst, this.#tokens + amount)
  }

  #refill(now: number): void {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#refilledAt) / 1000) * this.#perSecond)
    this.#refilledAt = now
  }
}
