import { describe, expect, it } from 'vitest'
import { bestClockOffset, estimateClockOffset, serverTimeSchema } from './clock.ts'
import {
  addMinute,
  formatRemaining,
  isFinished,
  pause,
  remainingAt,
  remainingMs,
  resume,
  setMinutes,
  start,
  stop,
  timerStateSchema,
} from './timer.ts'

const MIN = 60_000
const SERVER_START = 1_700_000_000_000

describe('timer in server time', () => {
  it('runs down from the set minutes and finishes at zero, never below', () => {
    const running = start(setMinutes(5), SERVER_START)
    expect(remainingAt(running, SERVER_START)).toBe(5 * MIN)
    expect(remainingAt(running, SERVER_START + 2 * MIN)).toBe(3 * MIN)
    expect(isFinished(running, SERVER_START + 5 * MIN - 1)).toBe(false)
    expect(isFinished(running, SERVER_START + 5 * MIN)).toBe(true)
    expect(remainingAt(running, SERVER_START + 60 * MIN)).toBe(0)
  })

  it('shows the same remaining time on screens whose clocks are minutes apart', () => {
    const running = start(setMinutes(10), SERVER_START)
    const serverNow = SERVER_START + 4 * MIN + 1234
    // Each screen reads its own clock and adds its offset to the server's.
    const screens = [0, 7 * MIN, -3 * MIN - 500, 90 * MIN].map((clientMinusServer) => {
      const clientNow = serverNow + clientMinusServer
      return remainingMs(running, clientNow, -clientMinusServer)
    })
    expect(new Set(screens)).toEqual(new Set([6 * MIN - 1234]))
  })

  it('never shows more than was set when a screen thinks it is slightly before the start', () => {
    const running = start(setMinutes(1), SERVER_START)
    expect(remainingAt(running, SERVER_START - 800)).toBe(MIN)
  })

  it('keeps what is left while paused and continues from there', () => {
    const paused = pause(start(setMinutes(5), SERVER_START), SERVER_START + 2 * MIN)
    expect(paused.status).toBe('paused')
    expect(remainingAt(paused, SERVER_START + 30 * MIN)).toBe(3 * MIN)
    const resumed = resume(paused, SERVER_START + 30 * MIN)
    expect(remainingAt(resumed, SERVER_START + 31 * MIN)).toBe(2 * MIN)
    expect(isFinished(resumed, SERVER_START + 33 * MIN)).toBe(true)
    // "Start" on a paused timer is the same as resuming it.
    expect(start(paused, SERVER_START + 30 * MIN)).toEqual(resumed)
  })

  it('adds a minute while running, paused, idle and after the end', () => {
    const running = start(setMinutes(5), SERVER_START)
    expect(remainingAt(addMinute(running, SERVER_START + MIN), SERVER_START + MIN)).toBe(5 * MIN)
    expect(remainingAt(addMinute(running, SERVER_START + MIN), SERVER_START + 6 * MIN)).toBe(0)

    const paused = pause(running, SERVER_START + MIN)
    expect(remainingAt(addMinute(paused, SERVER_START + 9 * MIN), SERVER_START + 99 * MIN)).toBe(5 * MIN)
    expect(addMinute(paused, 0).status).toBe('paused')

    expect(remainingAt(addMinute(setMinutes(2), SERVER_START), SERVER_START + 99 * MIN)).toBe(3 * MIN)

    // Ran out 10 minutes ago: +1 min gives one minute from now, not a minute that is already over.
    const later = SERVER_START + 15 * MIN
    const extended = addMinute(running, later)
    expect(isFinished(extended, later)).toBe(false)
    expect(remainingAt(extended, later)).toBe(MIN)
    expect(isFinished(extended, later + MIN)).toBe(true)
  })

  it('starting a running timer changes nothing; stop goes back to the set time', () => {
    const running = start(setMinutes(5), SERVER_START)
    expect(start(running, SERVER_START + MIN)).toBe(running)
    const stopped = stop(addMinute(running, SERVER_START))
    expect(stopped).toEqual({ status: 'idle', durationMs: 6 * MIN })
    expect(isFinished(stopped, SERVER_START + 99 * MIN)).toBe(false)
  })

  it('refuses malformed states (they come over the network)', () => {
    expect(
      timerStateSchema.safeParse({ status: 'running', durationMs: 1, startedAt: 0, remainingAtStartMs: -5 }).success,
    ).toBe(false)
    expect(timerStateSchema.safeParse({ status: 'idle', durationMs: 1e15 }).success).toBe(false)
    expect(timerStateSchema.safeParse(start(setMinutes(3), SERVER_START)).success).toBe(true)
  })

  it('formats as m:ss, rounded up', () => {
    expect(formatRemaining(5 * MIN)).toBe('5:00')
    expect(formatRemaining(61_001)).toBe('1:02')
    expect(formatRemaining(1)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(-4000)).toBe('0:00')
  })
})

describe('clock offset', () => {
  it('takes the server stamp as the middle of the round trip', () => {
    // Client is 3 minutes behind; 200 ms round trip, stamped halfway.
    const sentAt = SERVER_START - 3 * MIN
    expect(estimateClockOffset({ sentAt, serverTime: SERVER_START + 100, receivedAt: sentAt + 200 })).toEqual({
      offsetMs: 3 * MIN,
      roundTripMs: 200,
    })
  })

  it('keeps the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, serverTime: 10_900, receivedAt: 1_000 }, // slow: 10_400
      { sentAt: 2_000, serverTime: 12_030, receivedAt: 2_060 }, // fast: 10_000
      { sentAt: 5_000, serverTime: 1, receivedAt: 4_000 }, // clock jumped back: ignored
    ]
    expect(bestClockOffset(samples)).toEqual({ offsetMs: 10_000, roundTripMs: 60 })
    expect(bestClockOffset([])).toBeNull()
  })
})

describe("the server's time as the API answers it", () => {
  it('is a whole, non-negative number of milliseconds', () => {
    expect(serverTimeSchema.parse({ now: 1_733_000_000_000 })).toEqual({ now: 1_733_000_000_000 })
    for (const now of [-1, 1.5, '1733000000000', null]) expect(serverTimeSchema.safeParse({ now }).success).toBe(false)
    expect(serverTimeSchema.safeParse({}).success).toBe(false)
  })
})
