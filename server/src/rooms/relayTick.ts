/**
 * When a board's stored updates go out. A quiet board relays each update at once; a busy one (at least
 * `busyUpdatesPerSecond`) gathers what arrives over `tickMs` and stores and relays it as one merged update, one
 * frame per peer, the same bytes for all of them. At 300 edits a second a screen then gets ~50 frames a second
 * instead of ~300, and the server makes a sixth of the sends. Stock y-websocket clients see ordinary sync updates.
 */
export interface RelayTickOptions {
  /** How long a busy board gathers updates before it relays them; 0 relays every update at once. */
  tickMs: number
  /** From this many updates a second (counted over the last second) a board is busy. */
  busyUpdatesPerSecond: number
}

/** Counts a board's updates per second in two one-second buckets (the current and the last one). */
export class RelayTick {
  readonly #options: RelayTickOptions
  #bucketStart = Number.NEGATIVE_INFINITY
  #thisBucket = 0
  #lastBucket = 0

  constructor(options: RelayTickOptions) {
    this.#options = options
  }

  /**
   * Counts one update applied at `now` (ms) and says how long to wait before storing and relaying what waits:
   * 0 on a quiet board, the tick on a busy one.
   */
  delayFor(now: number): number {
    const { tickMs, busyUpdatesPerSecond } = this.#options
    const elapsed = now - this.#bucketStart
    if (elapsed >= 1000) {
      this.#lastBucket = elapsed < 2000 ? this.#thisBucket : 0
      this.#thisBucket = 0
      this.#bucketStart = now
    }
    this.#thisBucket += 1
    if (tickMs <= 0) return 0
    return Math.max(this.#thisBucket, this.#lastBucket) >= busyUpdatesPerSecond ? tickMs : 0
  }
}
