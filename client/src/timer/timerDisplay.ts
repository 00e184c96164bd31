import { formatRemaining, remainingMs, type TimerState } from '@werkplaats/shared'

/**
 * What a screen shows of the stage timer at one moment: the remaining time as `m:ss` and its status. The
 * arithmetic is shared (`timer/timer.ts`, in server time); this adds the screen's clock and its offset.
 */
export type TimerStatus = 'idle' | 'running' | 'paused' | 'finished'

export interface TimerDisplay {
  readonly status: TimerStatus
  readonly remainingMs: number
  /** `m:ss`, rounded up, so `0:00` appears exactly when the timer finishes. */
  readonly text: string
  /** Whether the timer shows anything worth a screen's space (a set or running timer). */
  readonly visible: boolean
}

export function timerDisplay(state: TimerState, clientNow: number, clockOffsetMs: number): TimerDisplay {
  const left = remainingMs(state, clientNow, clockOffsetMs)
  const status: TimerStatus = state.status === 'running' ? (left === 0 ? 'finished' : 'running') : state.status
  return {
    status,
    remainingMs: left,
    text: formatRemaining(left),
    visible: state.status !== 'idle' || state.durationMs > 0,
  }
}

/**
 * When a screen should look at the timer again: just after the displayed second changes (so every screen
 * flips its digits at the same server moment), or never when nothing moves.
 */
export function nextTickInMs(display: TimerDisplay): number | null {
  if (display.status !== 'running') return null
  const intoSecond = display.remainingMs % 1000
  return (intoSecond === 0 ? 1000 : intoSecond) + 5
}
