import { describe, expect, it } from 'vitest'
import { isFinished, remainingAt, setMinutes, start } from '../timer/timer.ts'
import { moveToStage, timerForStage } from './stageChange.ts'
import { defaultFacilitationState, facilitationStateSchema, type FacilitationState } from './state.ts'

const MIN = 60_000
const NOW = 1_700_000_000_000
const kaderen = { id: 'kaderen', minutes: 20 }

function apply(state: FacilitationState, change: Partial<FacilitationState>): FacilitationState {
  // Every change must be writable as it is: the control room's writer validates it with the same schema.
  return facilitationStateSchema.parse({ ...state, ...change })
}

describe('the timer on a stage change', () => {
  it("sets the new stage's minutes, stopped, when auto start is off", () => {
    expect(timerForStage(kaderen, false, NOW)).toEqual({ status: 'idle', durationMs: 20 * MIN })
  })

  it("starts the new stage's minutes from now when auto start is on", () => {
    const timer = timerForStage(kaderen, true, NOW)
    expect(timer).toEqual({ status: 'running', durationMs: 20 * MIN, startedAt: NOW, remainingAtStartMs: 20 * MIN })
    expect(remainingAt(timer, NOW + 5 * MIN)).toBe(15 * MIN)
  })

  it('clears a finished run: no "De tijd is om!" survives the move, with or without auto start', () => {
    const ranOut = apply(defaultFacilitationState, { timer: start(setMinutes(8), NOW - 30 * MIN) })
    expect(isFinished(ranOut.timer, NOW)).toBe(true)
    for (const timerAutoStart of [false, true]) {
      const moved = apply(ranOut, moveToStage({ ...ranOut, timerAutoStart }, kaderen, NOW))
      expect(isFinished(moved.timer, NOW)).toBe(false)
      expect(remainingAt(moved.timer, NOW)).toBe(20 * MIN)
    }
  })

  it('changes stage, history and timer in the same write', () => {
    const state = apply(defaultFacilitationState, { timerAutoStart: true, timer: setMinutes(3) })
    expect(moveToStage(state, kaderen, NOW)).toEqual({
      stageId: 'kaderen',
      stageHistory: [{ stageId: 'kaderen', round: 0, at: NOW }],
      timer: { status: 'running', durationMs: 20 * MIN, startedAt: NOW, remainingAtStartMs: 20 * MIN },
    })
  })
})
