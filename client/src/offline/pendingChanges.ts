/**
 * The changes made on this device that the server has not yet confirmed stored, counted as the person thinks
 * of them: one per thing changed (a sticky, the action plan's row), however many keystrokes it took. Each
 * change is stamped with a sequence number, so a confirmation covers exactly what was changed before it was
 * asked for; whatever changed again after stays pending.
 */
export class PendingChanges {
  #sequence = 0
  readonly #pending = new Map<string, number>()

  constructor(keys: Iterable<string> = []) {
    this.note(keys)
  }

  note(keys: Iterable<string>): void {
    for (const key of keys) this.#pending.set(key, ++this.#sequence)
  }

  /** A mark for "everything changed until now", to hand to `confirm` once the server has answered. */
  mark(): number {
    return this.#sequence
  }

  /** The server has stored everything changed up to `mark`. Returns whether the count went down. */
  confirm(mark: number): boolean {
    let dropped = false
    for (const [key, sequence] of this.#pending) {
      if (sequence > mark) continue
      this.#pending.delete(key)
      dropped = true
    }
    return dropped
  }

  get count(): number {
    return this.#pending.size
  }

  keys(): string[] {
    return [...this.#pending.keys()]
  }
}

/**
 * Which sync step 1 an incoming sync step 2 answers, on one connection. The server answers every step 1 with
 * one step 2, in order, and only once everything it received before that step 1 is stored (see the server's
 * `Room.receive`). So a step 1 we send after our changes comes back as a receipt for them.
 *
 * The stock provider sends one step 1 of its own as soon as the socket opens; that answer is no receipt (it
 * may come before the provider has sent our offline changes), so it is counted and passed over.
 */
export class SyncReceipts {
  #sent = 0
  #answered = 0
  #waiting: { index: number; mark: number }[] = []

  /** A new connection: the provider's own step 1 is on its way, nothing of ours is. */
  opened(): void {
    this.#sent = 1
    this.#answered = 0
    this.#waiting = []
  }

  /** The connection is gone: its answers will never come. */
  closed(): void {
    this.#sent = 0
    this.#answered = 0
    this.#waiting = []
  }

  /** We sent a step 1 after every change up to `mark`. */
  asked(mark: number): void {
    this.#waiting.push({ index: ++this.#sent, mark })
  }

  /** Whether a receipt for `mark` or later is already on its way. */
  covers(mark: number): boolean {
    return this.#waiting.some((waiting) => waiting.mark >= mark)
  }

  /** A step 2 arrived: the mark it confirms, or null when it answered the provider's own step 1. */
  answered(): number | null {
    if (this.#answered >= this.#sent) return null
    this.#answered += 1
    const next = this.#waiting[0]
    if (next?.index !== this.#answered) return null
    this.#waiting.shift()
    return next.mark
  }
}
