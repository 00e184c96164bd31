import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { crowdThreshold, cursorMode, selectCursors, type CursorCandidate, type CursorViewer } from './crowd.ts'

const view = { x: 0, y: 0, w: 1000, h: 800 }

function person(id: string, x: number, y: number, activeAt = 0, facilitator = false): CursorCandidate<string> {
  return { id, cursor: { x, y }, activeAt, facilitator }
}

describe('crowd mode', () => {
  it('switches on by itself from the threshold, and only under "auto"', () => {
    expect(cursorMode('auto', crowdThreshold - 1)).toBe('all')
    expect(cursorMode('auto', crowdThreshold)).toBe('crowd')
    expect(cursorMode('on', 500)).toBe('all')
    expect(cursorMode('off', 3)).toBe('off')
    expect(cursorMode('auto', 10, 10)).toBe('crowd')
  })
})

describe('which cursors are drawn', () => {
  it('below the threshold: every cursor, nobody counted', () => {
    const people = [person('a', 5, 5), person('b', 5000, 5000)]
    expect(selectCursors(people, { viewport: view, pointer: null }, 'all')).toEqual({ shown: ['a', 'b'], others: 0 })
  })

  it('in a crowd: only cursors in view, nearest the pointer first, at most the limit; the rest counted', () => {
    const people = [
      person('far-away', 5000, 5000),
      person('near', 110, 100),
      person('middle', 400, 400),
      person('nearest', 101, 100),
      person('edge', 990, 790),
    ]
    const viewer = { viewport: view, pointer: { x: 100, y: 100 } }
    expect(selectCursors(people, viewer, 'crowd', 2)).toEqual({ shown: ['nearest', 'near'], others: 3 })
  })

  it('without a pointer on the board: the most recently active first', () => {
    const people = [person('old', 10, 10, 1), person('newest', 900, 700, 30), person('newer', 500, 500, 20)]
    expect(selectCursors(people, { viewport: view, pointer: null }, 'crowd', 2).shown).toEqual(['newest', 'newer'])
  })

  it("the facilitator's cursor is always drawn, in view or not, and also with cursors off", () => {
    const people = [person('p', 10, 10), person('fac', 9000, 9000, 0, true), person('q', 20, 20)]
    const viewer = { viewport: view, pointer: { x: 0, y: 0 } }
    expect(selectCursors(people, viewer, 'crowd', 0)).toEqual({ shown: ['fac'], others: 2 })
    expect(selectCursors(people, viewer, 'off')).toEqual({ shown: ['fac'], others: 2 })
  })

  it('a cursor drawn before keeps its place against one only slightly nearer', () => {
    const people = [person('shown', 112, 100), person('newcomer', 110, 100)]
    const viewer = { viewport: view, pointer: { x: 100, y: 100 }, shownBefore: new Set(['shown']) }
    expect(selectCursors(people, viewer, 'crowd', 1).shown).toEqual(['shown'])
  })

  it('whatever the crowd: the facilitator drawn, at most the limit besides, shown and others add up', () => {
    const candidate = fc.record({
      id: fc.uuid(),
      cursor: fc.option(
        fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }) }),
      ),
      activeAt: fc.nat(),
      facilitator: fc.boolean(),
    })
    const viewer = fc.record({
      viewport: fc.option(fc.constant(view)),
      pointer: fc.option(fc.record({ x: fc.integer(), y: fc.integer() })),
    })
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 80 }),
        viewer,
        fc.constantFrom('all' as const, 'crowd' as const, 'off' as const),
        fc.nat(30),
        (people, who: CursorViewer<string>, mode, limit) => {
          const { shown, others } = selectCursors(people, who, mode, limit)
          expect(shown.length + others).toBe(people.length)
          expect(new Set(shown).size).toBe(shown.length)
          for (const p of people) if (p.facilitator) expect(shown).toContain(p.id)
          const facilitators = people.filter((p) => p.facilitator).length
          if (mode !== 'all') expect(shown.length).toBeLessThanOrEqual(facilitators + (mode === 'crowd' ? limit : 0))
        },
      ),
    )
  })
})
