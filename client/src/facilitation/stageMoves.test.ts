import {
  defaultFacilitationState,
  facilitationStateSchema,
  layoutTemplate,
  type FacilitationState,
  type Stage,
  type Template,
} from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import {
  currentStageFrame,
  moveToStage,
  neighbourStage,
  revealed,
  shownStage,
  stageById,
  startNewRound,
  summonTo,
  toggleFollow,
  togglePrivateWriting,
} from './stageMoves.ts'
import { loadTemplate } from './testTemplates.ts'

const oecd = loadTemplate('oecd-innovatie-playbook')
const nido = loadTemplate('iedereen-kan-innoveren')
const fac = 'facilitator-0123456789'

function stageOf(template: Template, stageId: string): Stage {
  const stage = stageById(template, stageId)
  if (!stage) throw new Error(`no stage ${stageId}`)
  return stage
}

function apply(state: FacilitationState, change: Partial<FacilitationState>): FacilitationState {
  // Every change must be writable as it is: the control doc's writer validates it with the same schema.
  return facilitationStateSchema.parse({ ...state, ...change })
}

describe("the facilitator's stage moves", () => {
  it('"Volgende fase" opens the first stage, then walks the agenda; "Vorige fase" walks back; both stop at the ends', () => {
    let state = defaultFacilitationState
    expect(neighbourStage(oecd, state, -1)).toBeNull()
    const seen: string[] = []
    for (let stage = neighbourStage(oecd, state, 1); stage; stage = neighbourStage(oecd, state, 1)) {
      seen.push(stage.id)
      state = apply(state, moveToStage(state, stage, 1000 * seen.length))
    }
    expect(seen).toEqual(oecd.agenda.map((s) => s.id))
    expect(neighbourStage(oecd, state, -1)?.id).toBe('actieplan')
  })

  it('a participant is shown the open stage, or the first one before the facilitator opens any', () => {
    expect(shownStage(oecd, defaultFacilitationState)?.id).toBe('welkom')
    const opened = apply(defaultFacilitationState, moveToStage(defaultFacilitationState, stageOf(oecd, 'startpunt'), 1))
    expect(shownStage(oecd, opened)?.id).toBe('startpunt')
  })

  it('each move appends a visit in server time, so the summary can tell time per stage', () => {
    const first = apply(
      defaultFacilitationState,
      moveToStage(defaultFacilitationState, stageOf(oecd, 'welkom'), 1_700_000_000_000),
    )
    const second = apply(first, moveToStage(first, stageOf(oecd, 'startpunt'), 1_700_000_900_000))
    expect(second.stageHistory).toEqual([
      { stageId: 'welkom', round: 0, at: 1_700_000_000_000 },
      { stageId: 'startpunt', round: 0, at: 1_700_000_900_000 },
    ])
  })

  it('"Kies een andere uitdaging" adds a round and opens its challenges stage, laid out beside the first', () => {
    const atEnd = apply(defaultFacilitationState, moveToStage(defaultFacilitationState, stageOf(oecd, 'afsluiting'), 5))
    const next = apply(atEnd, startNewRound(oecd, atEnd, 10) ?? {})
    expect(next.rounds).toHaveLength(2)
    expect(next.stageId).toBe('startpunt')
    expect(next.stageHistory.at(-1)).toEqual({ stageId: 'startpunt', round: 1, at: 10 })
    const layout = layoutTemplate(oecd, next)
    const frame = currentStageFrame(layout, next)
    expect(frame?.round).toBe(1)
    const lastOfFirst = layout.frames.filter((f) => f.round === 0).at(-1)
    expect(frame && lastOfFirst && frame.x > lastOfFirst.x + lastOfFirst.w).toBe(true)
    // The new round starts at the restart stage: there is nothing before it to go back to.
    expect(neighbourStage(oecd, next, -1)).toBeNull()
    expect(neighbourStage(oecd, next, 1)?.id).toBe('kaderen')
  })

  it('the Nido template goes through the same moves', () => {
    let state = defaultFacilitationState
    for (let stage = neighbourStage(nido, state, 1); stage; stage = neighbourStage(nido, state, 1)) {
      state = apply(state, moveToStage(state, stage, 1))
      expect(currentStageFrame(layoutTemplate(nido, state), state)?.stageId).toBe(stage.id)
    }
    expect(state.stageId).toBe(nido.agenda.at(-1)?.id)
  })

  it('"Volg mij" toggles, with a fresh nonce each time it starts', () => {
    const on = apply(defaultFacilitationState, toggleFollow(defaultFacilitationState, fac))
    expect(on.follow?.participantId).toBe(fac)
    const off = apply(on, toggleFollow(on, fac))
    expect(off.follow).toBeNull()
  })

  it('summon, private writing and reveal', () => {
    const viewport = { x: 1, y: 2, w: 300, h: 200 }
    const once = apply(defaultFacilitationState, summonTo(defaultFacilitationState, viewport))
    const twice = apply(once, summonTo(once, viewport))
    expect(twice.summon).toEqual({ nonce: 2, viewport })
    const on = apply(defaultFacilitationState, togglePrivateWriting(defaultFacilitationState))
    expect(on.privateWriting).toEqual({ on: true, revealNonce: 0 })
    expect(apply(on, revealed(on)).privateWriting).toEqual({ on: false, revealNonce: 1 })
  })
})
