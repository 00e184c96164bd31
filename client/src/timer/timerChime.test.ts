import { addMinute, defaultFacilitationState, setMinutes, start, type FacilitationState } from '@werkplaats/shared'
import { atom } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ServerClock } from './serverClock.ts'
import { msUntilZero, watchTimerChime } from './timerChime.ts'

const MIN = 60_000
const T0 = 1_700_000_000_000

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(T0)
})
afterEach(() => {
  vi.useRealTimers()
})

/** A screen's timer source: the control room's state and a server clock `offset` ms ahead of this screen's. */
function screen(offset = 0) {
  const state = atom<FacilitationState>('facilitation', defaultFacilitationState)
  const clock: ServerClock = { offsetMs: atom('offset', offset), now: () => Date.now() + offset, dispose: () => {} }
  let chimes = 0
  const stop = watchTimerChime({ state, clock }, () => (chimes += 1))
  return {
    setTimer: (timer: FacilitationState['timer']) => state.update((s) => ({ ...s, timer })),
    chimes: () => chimes,
    stop,
  }
}

describe('the chime at zero', () => {
  it('chimes once when a run reaches zero, on the server clock', () => {
    const s = screen(3 * MIN)
    s.setTimer(start(setMinutes(1), T0 + 3 * MIN))
    vi.advanceTimersByTime(MIN - 100)
    expect(s.chimes()).toBe(0)
    vi.advanceTimersByTime(200)
    expect(s.chimes()).toBe(1)
    vi.advanceTimersByTime(10 * MIN)
    expect(s.chimes()).toBe(1)
    s.stop()
  })

  it('stays quiet when a stage change replaces the run before its end, or the page opens after zero', () => {
    const s = screen()
    s.setTimer(start(setMinutes(1), T0))
    vi.advanceTimersByTime(30_000)
    s.setTimer(setMinutes(10))
    vi.advanceTimersByTime(5 * MIN)
    expect(s.chimes()).toBe(0)
    s.stop()

    const late = screen()
    late.setTimer(start(setMinutes(1), T0 - 2 * MIN))
    vi.advanceTimersByTime(5 * MIN)
    expect(late.chimes()).toBe(0)
    late.stop()
  })

  it('chimes again for a new run ("+1 min" after zero)', () => {
    const s = screen()
    const run = start(setMinutes(1), T0)
    s.setTimer(run)
    vi.advanceTimersByTime(MIN + 10)
    s.setTimer(addMinute(run, Date.now()))
    vi.advanceTimersByTime(MIN + 10)
    expect(s.chimes()).toBe(2)
    s.stop()
  })

  it('knows how long a running timer has left, and nothing for any other', () => {
    expect(msUntilZero(start(setMinutes(2), T0), T0 + MIN)).toBe(MIN)
    expect(msUntilZero(start(setMinutes(2), T0), T0 + 3 * MIN)).toBeNull()
    expect(msUntilZero(setMinutes(2), T0)).toBeNull()
  })
})
