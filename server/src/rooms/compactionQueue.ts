/**
 * Compactions of every room in the process, one at a time with a pause between them.
 *
 * A compaction holds the event loop while it encodes the board and rewrites its log (SQLite is synchronous:
 * ~11 ms for a 1,000-entry log whose rows lie between other rooms' rows). Rooms reach their threshold
 * together when they got busy together (a workshop that starts at nine in many sessions; every board of
 * `pnpm bench --scenario 3`), and then one turn of the event loop ran several compactions back to back while
 * every relay waited. Queued, the work is the same but spread out, so no turn carries more than one.
 *
 * One queue for the process, because the event loop it protects is one: the server makes it and hands it to every
 * room through the room options.
 */
export class CompactionQueue {
  readonly #gapMs: number
  readonly #deadlineMs: number
  /** Rooms waiting, each once however often it asks, in the order they asked. */
  readonly #waiting = new Map<object, () => Promise<void>>()
  #busy = false
  readonly #idleWaiters: Array<() => void> = []

  /**
   * `deadlineMs`: how long one compaction may hold the queue. One that never settles (a store that hangs) must
   * not stop every other room's; the queue moves on and that one finishes, or not, on its own.
   */
  constructor(gapMs: number, deadlineMs = 30_000) {
    this.#gapMs = gapMs
    this.#deadlineMs = deadlineMs
  }

  /** Runs `compact` at once (in a microtask) if nothing ran within the gap, else after those queued before it. */
  enqueue(room: object, compact: () => Promise<void>): void {
    if (!this.#waiting.has(room)) this.#waiting.set(room, compact)
    if (!this.#busy) this.#next()
  }

  get waiting(): number {
    return this.#waiting.size
  }

  /** Resolves once nothing waits and nothing runs: what was enqueued by now has had its turn. */
  idle(): Promise<void> {
    if (!this.#busy) return Promise.resolve()
    return new Promise((resolve) => this.#idleWaiters.push(resolve))
  }

  #next(): void {
    const first = this.#waiting.entries().next()
    if (first.done) {
      this.#busy = false
      for (const resolve of this.#idleWaiters.splice(0)) resolve()
      return
    }
    const [room, compact] = first.value
    this.#waiting.delete(room)
    this.#busy = true
    let deadline: NodeJS.Timeout | undefined
    const overdue = new Promise<void>((resolve) => {
      deadline = setTimeout(resolve, this.#deadlineMs)
      deadline.unref()
    })
    // Errors are the caller's to report (its `compact` handles them); the queue carries on regardless, also
    // after a `compact` that throws before returning its promise.
    void Promise.race([Promise.resolve().then(compact), overdue])
      .catch(() => {})
      .finally(() => {
        clearTimeout(deadline)
        setTimeout(() => this.#next(), this.#gapMs).unref()
      })
  }
}
