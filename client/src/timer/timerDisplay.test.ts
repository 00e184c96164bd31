import { addMinute, pause, setMinutes, start } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { nextTickInMs, timerDisplay } from './timerDisplay.ts'

const serverStart = 1_700_000_000_000

describe('what a screen shows of the timer', () => {
  it('two screens whose clocks are minutes apart show the same time', () => {
    const timer = start(setMinutes(5), serverStart)
    const serverNow = serverStart + 61_500
    // One clock 7 minutes behind the server, one 3 minutes ahead: each knows its offset.
    const behind = timerDisplay(timer, serverNow - 420_000, 420_000)
    const ahead = timerDisplay(timer, serverNow + 180_000, -180_000)
    expect(behind.text).toBe('3:59')
    expect(ahead).toEqual(behind)
  })

  it('idle, paused, running and finished', () => {
    expect(timerDisplay(setMinutes(0), 0, 0)).toMatchObject({ status: 'idle', visible: false, text: '0:00' })
    expect(timerDisplay(setMinutes(10), 0, 0)).toMatchObject({ status: 'idle', visible: true, text: '10:00' })
    const running = start(setMinutes(1), serverStart)
    expect(timerDisplay(running, serverStart + 1, 0)).toMatchObject({ status: 'running', text: '1:00' })
    expect(timerDisplay(pause(running, serverStart + 30_000), serverStart + 99_999, 0)).toMatchObject({
      status: 'paused',
      text: '0:30',
    })
    expect(timerDisplay(running, serverStart + 60_000, 0)).toMatchObject({
      status: 'finished',
      text: '0:00',
      remainingMs: 0,
    })
    expect(timerDisplay(addMinute(running, serverStart + 90_000), serverStart + 90_000, 0)).toMatchObject({
      status: 'running',
      text: '1:00',
    })
  })

  it('looks again just after the shown second changes, and not at all when nothing moves', () => {
    const running = start(setMinutes(1), serverStart)
    expect(nextTickInMs(timerDisplay(running, serverStart + 250, 0))).toBe(755)
    expect(nextTickInMs(timerDisplay(running, serverStart + 1000, 0))).toBe(1005)
    expect(nextTickInMs(timerDisplay(setMinutes(1), 0, 0))).toBeNull()
    expect(nextTickInMs(timerDisplay(running, serverStart + 60_000, 0))).toBeNull()
  })
})
