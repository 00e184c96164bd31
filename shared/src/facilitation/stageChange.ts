import type { Stage } from '../template/agenda.ts'
import { setMinutes, start, type TimerState } from '../timer/timer.ts'
import { roundIndex, type FacilitationState, type StageVisit } from './state.ts'

/**
 * What opening a stage changes in the control state, in one write: the current stage, one more visit in the
 * history, and the timer. The timer belongs to the stage: a stage change sets it to the new stage's minutes,
 * stopped or (when the facilitator ticked "Timer automatisch starten") running from now, so a run that finished
 * in the previous stage, with its "De tijd is om!", never follows the team into the next one.
 */

/** The most `stageHistory` keeps: older visits are dropped first (the schema bounds it). */
const MAX_HISTORY = 1000

/** The timer a stage opens with: its minutes, idle, or running from `serverNow` when auto start is on. */
export function timerForStage(stage: Pick<Stage, 'minutes'>, autoStart: boolean, serverNow: number): TimerState {
  const set = setMinutes(stage.minutes)
  return autoStart ? start(set, Math.max(0, Math.round(serverNow))) : set
}

/** Opens `stage`: the current stage, a visit in server time and the stage's timer. */
export function moveToStage(
  state: FacilitationState,
  stage: Pick<Stage, 'id' | 'minutes'>,
  serverNow: number,
): Pick<FacilitationState, 'stageId' | 'stageHistory' | 'timer'> {
  const visit: StageVisit = { stageId: stage.id, round: roundIndex(state), at: Math.max(0, Math.round(serverNow)) }
  return {
    stageId: stage.id,
    stageHistory: [...state.stageHistory, visit].slice(-MAX_HISTORY),
    timer: timerForStage(stage, state.timerAutoStart, serverNow),
  }
}
