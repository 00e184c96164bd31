import { defaultFacilitationState } from '@werkplaats/shared'
import { fixtureTemplate } from '@werkplaats/shared/summary/fixture'
import { describe, expect, it } from 'vitest'
import { intersects, stageImageTargets } from './stageImages.ts'

describe('stage image targets', () => {
  it('offers every stage frame of every pass, and nothing on a blank board', () => {
    const rounds = [
      { principleIds: [], playIds: [] },
      { principleIds: [], playIds: [] },
    ]
    const targets = stageImageTargets(fixtureTemplate, { ...defaultFacilitationState, rounds })
    expect(targets.map((t) => `${t.stageId}@${t.round}`)).toEqual([
      'welkom@0',
      'stand@0',
      'verbeteren@0',
      'actieplan@0',
      'afsluiting@0',
      'stand@1',
      'verbeteren@1',
      'actieplan@1',
      'afsluiting@1',
    ])
    expect(targets.every((t) => t.bounds.w > 0 && t.bounds.h > 0)).toBe(true)
    expect(stageImageTargets(null, defaultFacilitationState)).toEqual([])
  })

  it('tells overlapping rectangles from neighbours', () => {
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 5, y: 5, w: 10, h: 10 })).toBe(true)
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 10, h: 10 })).toBe(false)
  })
})
