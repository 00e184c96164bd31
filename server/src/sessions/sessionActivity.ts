import { parseSessionRoomName } from '@werkplaats/shared'
import type { SessionRepository } from '../store/sessionRepository.ts'

/**
 * How often one instance writes a session's activity to the store at most. Retention counts in days, so the
 * removal date may be this much early; in return a busy board costs one row update an hour, not one per edit.
 */
export const ACTIVITY_WRITE_INTERVAL_MS = 60 * 60_000

/**
 * When anything last happened in a session, which is what the retention sweep counts from: someone joined,
 * opened one of its rooms, or an edit was stored in one (the server's own too, such as a vote's tally). Each
 * instance notes it in the store at most once per `ACTIVITY_WRITE_INTERVAL_MS` per session, remembering only the
 * sessions it wrote within that interval.
 */
export class SessionActivity {
  readonly #repository: Pick<SessionRepository, 'touchSession'>
  readonly #now: () => number
  /** Session id → when this instance last wrote its activity; oldest first, forgotten after the interval. */
  readonly #written = new Map<string, number>()

  constructor(repository: Pick<SessionRepository, 'touchSession'>, now: () => number = Date.now) {
    this.#repository = repository
    this.#now = now
  }

  /** Notes activity in `sessionId` now. Never throws: a failed write is logged, and the next activity tries again. */
  touch(sessionId: string): void {
    const now = this.#now()
    this.#forgetOld(now)
    if (this.#written.has(sessionId)) return
    this.#written.set(sessionId, now)
    this.#repository.touchSession(sessionId, now).catch((error: unknown) => {
      this.#written.delete(sessionId)
      console.error(`session ${sessionId}: could not note its activity`, error)
    })
  }

  /** Notes activity in the session of room `roomName` (an update was stored there). */
  touchRoom(roomName: string): void {
    const room = parseSessionRoomName(roomName)
    if (room) this.touch(room.sessionId)
  }

  /** How many sessions this instance remembers (tests: it does not grow with every session ever seen). */
  get remembered(): number {
    return this.#written.size
  }

  /** Entries are added in time order, so the sweep stops at the first one young enough to keep. */
  #forgetOld(now: number): void {
    for (const [sessionId, at] of this.#written) {
      if (now - at < ACTIVITY_WRITE_INTERVAL_MS) return
      this.#written.delete(sessionId)
    }
  }
}
