import { addMinute, pause, setMinutes, start, stop, type FacilitationState, type Viewport } from '@werkplaats/shared'
import type { Editor } from 'tldraw'
import type { Facilitation } from './facilitation.ts'
import { revealPrivateWriting } from '../api/apiClient.ts'
import {
  currentStageFrame,
  moveToStage,
  neighbourStage,
  revealed,
  setTimerAutoStart,
  stageById,
  startNewRound,
  summonTo,
  toggleFollow,
  togglePrivateWriting,
} from './stageMoves.ts'
import * as templateControls from './templateControls.ts'
import { showStageOpening } from '../viewSteering/viewSteering.ts'

/**
 * What the facilitator panel's buttons do: each reads the control state, asks `stageMoves.ts` (or the shared
 * timer) for the change, writes it in one transaction, and moves the facilitator's own view where the team
 * is going. Server time comes from this screen's clock offset, so history and timer agree across screens.
 */
export interface FacilitatorActions {
  goToStage(stageId: string): void
  nextStage(): void
  previousStage(): void
  summon(): void
  toggleFollow(): void
  setTimerMinutes(minutes: number): void
  startTimer(): void
  pauseTimer(): void
  addTimerMinute(): void
  stopTimer(): void
  setTimerAutoStart(autoStart: boolean): void
  togglePrivateWriting(): void
  reveal(): Promise<void>
  newChallenge(): void
  toggleTemplateLock(): void
  toggleBackground(): void
  showHiddenCards(): void
  setExportsForEveryone(allowed: boolean): void
}

export function facilitatorActions(
  facilitation: Facilitation,
  editor: Editor,
  session: { sessionId: string; token: string },
): FacilitatorActions {
  const state = () => facilitation.state.get()
  const template = () => {
    const t = facilitation.template.get()
    return t.kind === 'ready' ? t.template : null
  }
  const serverNow = () => facilitation.clock.now()
  const write = (changes: Partial<FacilitationState>) => facilitation.write(changes)
  const viewport = (): Viewport => {
    const b = editor.getViewportPageBounds()
    return { x: b.x, y: b.y, w: b.w, h: b.h }
  }
  /** The facilitator goes along to the stage they open (the team's views follow through the control state). */
  const bringOwnView = () => {
    const layout = facilitation.layout.get()
    const frame = currentStageFrame(layout, state())
    if (frame) showStageOpening(editor, layout, frame)
  }
  const goToStage = (stageId: string) => {
    const t = template()
    const stage = t ? stageById(t, stageId) : null
    if (!stage) return
    write(moveToStage(state(), stage, serverNow()))
    bringOwnView()
  }
  const step = (direction: -1 | 1) => {
    const t = template()
    const stage = t ? neighbourStage(t, state(), direction) : null
    if (stage) goToStage(stage.id)
  }
  return {
    goToStage,
    nextStage: () => step(1),
    previousStage: () => step(-1),
    summon: () => write(summonTo(state(), viewport())),
    toggleFollow: () => {
      if (facilitation.participantId) write(toggleFollow(state(), facilitation.participantId))
    },
    setTimerMinutes: (minutes) => write({ timer: setMinutes(minutes) }),
    startTimer: () => write({ timer: start(state().timer, serverNow()) }),
    pauseTimer: () => write({ timer: pause(state().timer, serverNow()) }),
    addTimerMinute: () => write({ timer: addMinute(state().timer, serverNow()) }),
    stopTimer: () => write({ timer: stop(state().timer) }),
    setTimerAutoStart: (autoStart) => write(setTimerAutoStart(autoStart)),
    togglePrivateWriting: () => write(togglePrivateWriting(state())),
    reveal: async () => {
      await revealPrivateWriting(session.sessionId, session.token)
      write(revealed(state()))
    },
    newChallenge: () => {
      const t = template()
      const change = t ? startNewRound(t, state(), serverNow()) : null
      if (!change) return
      write(change)
      bringOwnView()
    },
    toggleTemplateLock: () => write(templateControls.toggleTemplateLock(state())),
    toggleBackground: () => write(templateControls.toggleBackground(state())),
    showHiddenCards: () => write(templateControls.showHiddenCards(state())),
    setExportsForEveryone: (allowed) => write(templateControls.setExportsForEveryone(allowed)),
  }
}
