import type { SessionRepository } from '../store/sessionRepository.ts'
import type { SessionService } from './sessionService.ts'

export const DAY_MS = 24 * 60 * 60_000
/** How often each instance tries to sweep; the store's lock lets one of them at a time. */
export const RETENTION_SWEEP_INTERVAL_MS = DAY_MS
/** The first sweep after a start: soon, but not in the rush of everyone reconnecting after a restart. */
const FIRST_SWEEP_AFTER_MS = 5 * 60_000
/** Sessions listed per query: a sweep after a long pause must not read every idle session at once. */
const SWEEP_BATCH = 100
/** One name for the lock, whichever instance asks. */
const SWEEP_LOCK = 'werkplaats:retention-sweep'

export interface RetentionOptions {
  /** A session with no activity for this many days is deleted (`RETENTION_DAYS`). */
  retentionDays: number
  /** The clock the sweep measures idleness by; tests hand in their own. */
  now?: () => number
}

/**
 * Retention: a session with no activity (see `SessionActivity`) for `retentionDays` is deleted with all its rooms,
 * people, tokens, vote rounds, votes and marks, as its facilitator's "Verwijderen" would. Every instance runs the
 * sweep daily; the store's exclusive lock (a PostgreSQL advisory lock when several instances share it) lets one
 * sweep at a time, and each deletion checks again that the session is still idle.
 */
export class RetentionSweep {
  readonly #repository: Pick<SessionRepository, 'listIdleSessions' | 'exclusively'>
  readonly #sessions: Pick<SessionService, 'deleteIfIdle'>
  readonly #retentionMs: number
  readonly #now: () => number
  #timer: NodeJS.Timeout | undefined
  #stopped = false
  #running: Promise<unknown> = Promise.resolve()

  constructor(
    repository: Pick<SessionRepository, 'listIdleSessions' | 'exclusively'>,
    sessions: Pick<SessionService, 'deleteIfIdle'>,
    options: RetentionOptions,
  ) {
    this.#repository = repository
    this.#sessions = sessions
    this.#retentionMs = options.retentionDays * DAY_MS
    this.#now = options.now ?? Date.now
  }

  /**
   * Deletes every session idle for longer than the retention period; resolves to how many it deleted (0 when
   * another instance is sweeping). A session that cannot be deleted is logged and left for the next sweep.
   */
  async sweep(): Promise<number> {
    let deleted = 0
    await this.#repository.exclusively(SWEEP_LOCK, async () => {
      const idleSince = this.#now() - this.#retentionMs
      const failed = new Set<string>()
      for (;;) {
        const ids = (await this.#repository.listIdleSessions(idleSince, SWEEP_BATCH + failed.size)).filter(
          (id) => !failed.has(id),
        )
        if (ids.length === 0) return
        for (const id of ids) {
          try {
            if (await this.#sessions.deleteIfIdle(id, idleSince)) deleted++
          } catch (error) {
            failed.add(id)
            console.error(`retention: session ${id} could not be deleted; the next sweep tries again`, error)
          }
        }
      }
    })
    return deleted
  }

  /** Sweeps soon after the start and then every `RETENTION_SWEEP_INTERVAL_MS`, until `stop`. */
  start(): void {
    const next = (delay: number) => {
      if (this.#stopped) return
      this.#timer = setTimeout(() => {
        this.#running = this.sweep()
          .catch((error: unknown) => console.error('retention: the sweep failed; the next one tries again', error))
          .finally(() => next(RETENTION_SWEEP_INTERVAL_MS))
      }, delay)
      this.#timer.unref()
    }
    next(FIRST_SWEEP_AFTER_MS)
  }

  /** Stops the schedule; resolves once a sweep under way has finished. */
  async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#timer = undefined
    await this.#running
  }
}
