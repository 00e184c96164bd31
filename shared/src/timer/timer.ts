import { z } from 'zod'

/**
 * The stage timer everyone sees. It is kept in server time: the facilitator's action records a moment on the
 * server's clock, and every screen computes the remaining time from its own clock plus its offset to the
 * server (see `clock.ts`). So two screens whose clocks are minutes apart still show the same remaining time,
 * and nothing has to tick over the network.
 *
 * All functions are pure: `serverNow` is passed in, never read from a clock here.
 */

const MINUTE_MS = 60_000
/** Longer than any workshop stage; bounds what a malformed control state can make a screen show. */
export const MAX_TIMER_MS = 24 * 60 * MINUTE_MS

const durationSchema = z.int().min(0).max(MAX_TIMER_MS)
const serverTimeSchema = z.number().finite().nonnegative()

export const timerStateSchema = z.discriminatedUnion('status', [
  /** Set, not started: shows `durationMs`. */
  z.object({ status: z.literal('idle'), durationMs: durationSchema }),
  /**
   * Counting down since `startedAt` (server ms) from `remainingAtStartMs`. A run that reaches zero stays
   * `running`: "finished" is derived from the clock, so every screen sees it at the same moment without
   * anyone writing it.
   */
  z.object({
    status: z.literal('running'),
    durationMs: durationSchema,
    startedAt: serverTimeSchema,
    remainingAtStartMs: durationSchema,
  }),
  /** Stopped mid-run by "Pauze", with what was left. */
  z.object({ status: z.literal('paused'), durationMs: durationSchema, remainingMs: durationSchema }),
])
export type TimerState = z.infer<typeof timerStateSchema>

export const idleTimer: TimerState = { status: 'idle', durationMs: 0 }

function clampDuration(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)))
}

/** "Stel minuten in": a new idle timer of `minutes` (replaces whatever ran). */
export function setMinutes(minutes: number): TimerState {
  return { status: 'idle', durationMs: clampDuration(minutes * MINUTE_MS) }
}

/** Remaining time on the server's clock, never negative. */
export function remainingAt(state: TimerState, serverNow: number): number {
  switch (state.status) {
    case 'idle':
      return state.durationMs
    case 'paused':
      return state.remainingMs
    case 'running':
      // A screen whose estimate of server time is slightly behind `startedAt` must not show more than was set.
      return Math.max(0, state.remainingAtStartMs - Math.max(0, serverNow - state.startedAt))
  }
}

/** What a screen shows: `clientNow` from its own clock, `clockOffsetMs` = server time − client time. */
export function remainingMs(state: TimerState, clientNow: number, clockOffsetMs: number): number {
  return remainingAt(state, clientNow + clockOffsetMs)
}

/** A run that has reached zero: the moment for the sound and the signal. */
export function isFinished(state: TimerState, serverNow: number): boolean {
  return state.status === 'running' && remainingAt(state, serverNow) === 0
}

/** "Start": runs the set duration from now. Starting a running timer changes nothing. */
export function start(state: TimerState, serverNow: number): TimerState {
  switch (state.status) {
    case 'idle':
      return {
        status: 'running',
        durationMs: state.durationMs,
        startedAt: serverNow,
        remainingAtStartMs: state.durationMs,
      }
    case 'paused':
      return resume(state, serverNow)
    case 'running':
      return state
  }
}

/** "Pauze": keeps what is left (zero for a finished run). */
export function pause(state: TimerState, serverNow: number): TimerState {
  if (state.status !== 'running') return state
  return { status: 'paused', durationMs: state.durationMs, remainingMs: remainingAt(state, serverNow) }
}

/** Continues a paused timer from what was left. */
export function resume(state: TimerState, serverNow: number): TimerState {
  if (state.status !== 'paused') return state
  return {
    status: 'running',
    durationMs: state.durationMs,
    startedAt: serverNow,
    remainingAtStartMs: state.remainingMs,
  }
}

/**
 * "+1 min". On a finished run it gives one more minute from now (not from the moment it ran out, which
 * would already be over); otherwise it adds a minute to what is left, in whatever state the timer is.
 */
export function addMinute(state: TimerState, serverNow: number): TimerState {
  const durationMs = clampDuration(state.durationMs + MINUTE_MS)
  switch (state.status) {
    case 'idle':
      return { status: 'idle', durationMs }
    case 'paused':
      return { status: 'paused', durationMs, remainingMs: clampDuration(state.remainingMs + MINUTE_MS) }
    case 'running': {
      // Restart the segment at now, so the stored numbers stay small and exact however long it ran.
      const left = remainingAt(state, serverNow)
      return {
        status: 'running',
        durationMs,
        startedAt: serverNow,
        remainingAtStartMs: clampDuration(left + MINUTE_MS),
      }
    }
  }
}

/** "Stop": back to the set duration, not running. */
export function stop(state: TimerState): TimerState {
  return { status: 'idle', durationMs: state.durationMs }
}

/** `m:ss` of the remaining time, rounded up so "0:00" appears only when it is really over. */
export function formatRemaining(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000)
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}
