import { describe, expect, it } from 'vitest'
import type { Place } from './presence.ts'
import { planByInterest } from './presenceInterest.ts'

const view = { x: 0, y: 0, w: 1000, h: 800 }

function at(x: number, y: number, facilitator = false): Place {
  return { pageId: 'page:page', cursor: { x, y }, viewport: { ...view, x: x - 500, y: y - 400 }, facilitator }
}

describe('planning presence by interest', () => {
  it('groups peers with the same view into one frame, and defers what a group does not see', () => {
    const views = new Map<string, Place | null>([
      ['anna', at(500, 400)],
      ['twin', at(510, 410)],
      ['far', at(90_000, 0)],
      ['stock', null],
    ])
    const places = new Map<number, Place | null>([
      [1, at(600, 400)],
      [2, at(90_100, 0)],
      [3, at(-70_000, 0, true)],
      [4, null],
    ])
    const plan = planByInterest(
      views.keys(),
      (peer) => views.get(peer) ?? null,
      [1, 2, 3, 4],
      (id) => places.get(id) ?? null,
    )
    const frameOf = (peer: string) => plan.groups.find((group) => group.peers.includes(peer))?.clientIds
    expect(plan.groups.find((group) => group.peers.includes('anna'))?.peers).toEqual(['anna', 'twin'])
    expect(frameOf('anna')).toEqual([3, 4, 1])
    expect(frameOf('far')).toEqual([3, 4, 2])
    expect(frameOf('stock')).toEqual([3, 4])
    expect(plan.deferred.sort()).toEqual([1, 2])
  })

  it('sends a view at most the limit of cursors near it, the nearest to its middle, and defers the rest', () => {
    const places = new Map<number, Place>(Array.from({ length: 30 }, (_, i) => [i, at(500 + i * 10, 400)]))
    const plan = planByInterest(
      ['anna'],
      () => at(500, 400),
      [...places.keys()],
      (id) => places.get(id) ?? null,
      [],
      5,
    )
    expect([...(plan.groups[0]?.clientIds ?? [])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4])
    expect(plan.deferred).toHaveLength(25)
  })
})
