import { defaultFacilitationState, layoutTemplate, stageFrameOf } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { stageOfViewport } from './stageOfViewport.ts'
import { loadTemplate } from './testTemplates.ts'

const layout = layoutTemplate(loadTemplate('oecd-innovatie-playbook'), {
  rounds: [
    { principleIds: [], playIds: [] },
    { principleIds: [], playIds: [] },
  ],
  layoutOverrides: {},
})

function frame(stageId: string, round = 0) {
  const found = stageFrameOf(layout, stageId, round)
  if (!found) throw new Error(`no frame ${stageId}`)
  return found
}

describe('which stage a view is on', () => {
  it('a view on a frame is on its stage, in its round', () => {
    const f = frame('startpunt')
    expect(stageOfViewport({ x: f.x + 10, y: f.y + 10, w: 800, h: 500 }, layout.frames)).toEqual({
      stageId: 'startpunt',
      round: 0,
    })
    const later = frame('startpunt', 1)
    expect(stageOfViewport({ x: later.x, y: later.y, w: 800, h: 500 }, layout.frames)).toEqual({
      stageId: 'startpunt',
      round: 1,
    })
  })

  it('a view zoomed to a whole frame (with margins) is on that frame', () => {
    const f = frame('kaderen')
    expect(stageOfViewport({ x: f.x - 200, y: f.y - 200, w: f.w + 400, h: f.h + 400 }, layout.frames)?.stageId).toBe(
      'kaderen',
    )
  })

  it('a view across two frames is on the one it shows most of', () => {
    const a = frame('welkom')
    const b = frame('startpunt')
    const x = b.x - 300
    expect(stageOfViewport({ x, y: a.y, w: 1000, h: 600 }, layout.frames)?.stageId).toBe('startpunt')
  })

  it('a view far from every frame, or on the background, is on none', () => {
    expect(stageOfViewport({ x: 0, y: 100_000, w: 1000, h: 600 }, layout.frames)).toBeNull()
    expect(stageOfViewport({ x: -1_000_000, y: 0, w: 1000, h: 600 }, layout.frames)).toBeNull()
  })

  it('a hidden frame counts for nobody', () => {
    const hidden = layoutTemplate(loadTemplate('oecd-innovatie-playbook'), {
      ...defaultFacilitationState,
      layoutOverrides: { 'r0:welkom': { hidden: true } },
    })
    const f = frame('welkom')
    expect(stageOfViewport({ x: f.x, y: f.y, w: 600, h: 400 }, hidden.frames)).toBeNull()
  })
})
