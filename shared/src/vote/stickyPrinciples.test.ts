import { describe, expect, it } from 'vitest'
import type { LaidOutCard, LaidOutFrame, TemplateLayout } from '../layout/templateLayout.ts'
import { principlesOfStickies } from './stickyPrinciples.ts'

const frame = (round: number, x: number): LaidOutFrame => ({
  id: `r${round}:start`,
  kind: 'stage',
  stageId: 'start',
  round,
  title: 'Start',
  x,
  y: 0,
  w: 1400,
  h: 900,
  hidden: false,
})

const principleCard = (round: number, principleId: string, x: number, hidden = false): LaidOutCard => ({
  id: `r${round}:start:principle:${principleId}`,
  frameId: `r${round}:start`,
  stageId: 'start',
  round,
  content: { kind: 'principle', principleId, number: 1, title: principleId, challengeQuestions: [] },
  x,
  y: 96,
  w: 320,
  h: 300,
  hidden,
  moved: false,
})

/** The challenges stage in two passes, two principle columns each (p1 at x 48–368, p2 at 392–712). */
const layout: TemplateLayout = {
  frames: [frame(0, 0), frame(1, 5000)],
  cards: [
    principleCard(0, 'p1', 48),
    principleCard(0, 'p2', 392),
    principleCard(1, 'p1', 5048),
    principleCard(1, 'p2', 5392, true),
  ],
}

const sticky = (id: string, cx: number, cy: number) => ({ id, bounds: { x: cx - 100, y: cy - 100, w: 200, h: 200 } })

describe('stickies toward principles', () => {
  it("counts a sticky toward the principle whose column holds the sticky's centre, below its card too", () => {
    const result = principlesOfStickies(layout, 'start', 0, [sticky('shape:a', 200, 600), sticky('shape:b', 550, 450)])
    expect(result).toEqual(
      new Map([
        ['shape:a', 'p1'],
        ['shape:b', 'p2'],
      ]),
    )
  })

  it('takes the gap between two columns half to each side', () => {
    const result = principlesOfStickies(layout, 'start', 0, [sticky('shape:l', 379, 500), sticky('shape:r', 381, 500)])
    expect([...result.values()]).toEqual(['p1', 'p2'])
  })

  it('counts none for a sticky beside the columns, below the frame, or in another pass', () => {
    const result = principlesOfStickies(layout, 'start', 0, [
      sticky('shape:zone', 1000, 500),
      sticky('shape:below', 200, 1000),
      sticky('shape:pass1', 5200, 500),
    ])
    expect(result.size).toBe(0)
  })

  it("reads the pass's own frame, where a column the facilitator hid counts for nobody", () => {
    const result = principlesOfStickies(layout, 'start', 1, [
      sticky('shape:a', 5200, 500),
      sticky('shape:b', 5550, 500),
    ])
    expect(result).toEqual(new Map([['shape:a', 'p1']]))
  })

  it('knows no columns on a stage without a frame', () => {
    expect(principlesOfStickies(layout, 'elders', 0, [sticky('shape:a', 200, 500)]).size).toBe(0)
  })
})
