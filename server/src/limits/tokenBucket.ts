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

  /** True when the bucket holds its whole burst: it is then no different from a new one. */
  isFull(now = performance.now()): boolean {
    this.#refill(now)
    return this.#tokens >= this.#burst
  }

  #refill(now: number): void {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#refilledAt) / 1000) * this.#perSecond)
    this.#refilledAt = now
  }
}

/**
 * Something kept per key (a bucket per address, a person's budgets) that only matters while it differs from a
 * new one: a sweep drops every entry that is `rested` again (its buckets refilled, nobody holding it), so the
 * table holds only keys used within their refill period, and forgetting one gives nobody a fresh budget.
 */
export class RestingTable<V> {
  readonly #entries = new Map<string, V>()
  readonly #create: (key: string, now: number) => V
  readonly #rested: (value: V, now: number) => boolean
  readonly #sweep: NodeJS.Timeout

  constructor(create: (key: string, now: number) => V, rested: (value: V, now: number) => boolean, sweepMs = 5000) {
    this.#create = create
    this.#rested = rested
    this.#sweep = setInterval(() => this.sweep(), sweepMs)
    this.#sweep.unref()
  }

  get(key: string, now = performance.now()): V {
    let value = this.#entries.get(key)
    if (value === undefined) {
      value = this.#create(key, now)
      this.#entries.set(key, value)
    }
    return value
  }

  get size(): number {
    return this.#entries.size
  }

  sweep(now = performance.now()): void {
    for (const [key, value] of this.#entries) if (this.#rested(value, now)) this.#entries.delete(key)
  }

  stop(): void {
    clearInterval(this.#sweep)
  }
}
