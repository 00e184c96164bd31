import type { FacilitationState } from '@werkplaats/shared'
import type { Signal } from 'tldraw'
import type { ServerClock } from './serverClock.ts'

/** Where the timer is read: the control room's facilitation state and this screen's server clock. */
export interface TimerSource {
  readonly state: Signal<FacilitationState>
  readonly clock: ServerClock
}

/** What the facilitator's timer buttons do (each writes the control state). */
export interface TimerActions {
  setTimerMinutes(minutes: number): void
  startTimer(): void
  pauseTimer(): void
  addTimerMinute(): void
  stopTimer(): void
  /** "Timer automatisch starten": kept in the control room, so it holds for the session. */
  setTimerAutoStart(autoStart: boolean): void
}
