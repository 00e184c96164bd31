import { log } from '../observability/log.ts'

/**
 * Writes to a room coalesced and paced per key: however often `schedule(key)` is called, one writer per key runs
 * `write(key)` at once, then at most once per interval while more arrives, always writing the latest state (the
 * write reads it when it runs). Every screen integrates each control-room update, so a crowd marking actions at
 * once must become a few updates, not hundreds. A key's entry lives only while its writer runs.
 *
 * @example
 *   const writes = new PacedWrites(250, async (sessionId) => writeCountsOf(sessionId))
 *   writes.schedule(sessionId)
 */
export class PacedWrites {
  readonly #intervalMs: number
  readonly #write: (key: string) => Promise<void>
  readonly #running = new Map<string, { again: boolean; done: Promise<void> }>()

  constructor(intervalMs: number, write: (key: string) => Promise<void>) {
    this.#intervalMs = intervalMs
    this.#write = write
  }

  schedule(key: string): void {
    const running = this.#running.get(key)
    if (running) {
      running.again = true
      return
    }
    const entry = { again: true, done: Promise.resolve() }
    entry.done = (async () => {
      try {
        while (entry.again) {
          entry.again = false
          try {
            await this.#write(key)
          } catch (error) {
            log.error({ part: 'votes', key, err: error }, 'a paced write failed')
          }
          // The pause after a write is what paces the next one; a key with nothing more to write ends here.
          await new Promise<void>((resolve) => setTimeout(resolve, this.#intervalMs).unref())
        }
      } finally {
        this.#running.delete(key)
      }
    })()
    this.#running.set(key, entry)
  }

  /** Resolves once every write scheduled so far has run (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running.values()].map((entry) => entry.done))
  }
}
