import { currentStageFrame, defaultFacilitationState, layoutTemplate, type Round } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { stickiesOfStage } from './boardStickies.ts'
import type { BoardSticky } from './voteCards.ts'

const noChoice: Round = { principleIds: [], playIds: [] }

function stickyIn(id: string, stageId: string, rounds: Round[]): BoardSticky {
  const frame = currentStageFrame(layoutTemplate(oecdTemplate, { ...defaultFacilitationState, rounds }), {
    stageId,
    rounds,
  })
  if (!frame) throw new Error(`no frame for ${stageId}`)
  return { id, text: id, bounds: { x: frame.x + 20, y: frame.y + 20, w: 100, h: 100 } }
}

describe("the stickies of a stage's frame", () => {
  it("are those whose centre lies in the stage's frame of the current pass", () => {
    const rounds = [noChoice]
    const layout = layoutTemplate(oecdTemplate, { ...defaultFacilitationState, rounds })
    const stickies = [stickyIn('hier', 'kaderen', rounds), stickyIn('elders', 'startpunt', rounds)]
    expect(stickiesOfStage(stickies, layout, rounds, 'kaderen').map((s) => s.id)).toEqual(['hier'])
  })

  it("follow the journey into a new round: the first pass's stickies are not the second's", () => {
    const first = [noChoice]
    const second = [noChoice, noChoice]
    const layout = layoutTemplate(oecdTemplate, { ...defaultFacilitationState, rounds: second })
    const stickies = [stickyIn('eerst', 'kaderen', first), stickyIn('nu', 'kaderen', second)]
    expect(stickiesOfStage(stickies, layout, second, 'kaderen').map((s) => s.id)).toEqual(['nu'])
  })

  it('are none on a stage without a frame (a blank board, or an unknown stage)', () => {
    const sticky = stickyIn('x', 'kaderen', [noChoice])
    expect(stickiesOfStage([sticky], { frames: [], cards: [] }, [], 'kaderen')).toEqual([])
    const layout = layoutTemplate(oecdTemplate, defaultFacilitationState)
    expect(stickiesOfStage([sticky], layout, [], 'geen-fase')).toEqual([])
  })
})
