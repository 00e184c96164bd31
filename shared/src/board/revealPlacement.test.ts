import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BoardRecord } from './layout.ts'
import { type NoteBox, noteBox, placeWithoutOverlap } from './revealPlacement.ts'

const note = (id: string, x: number, y: number, parentId = 'page:page'): NoteBox => ({
  id,
  parentId,
  x,
  y,
  w: 200,
  h: 200,
})

const overlap = (a: NoteBox, b: NoteBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('placing revealed stickies', () => {
  it('leaves a sticky where it was written when that place is free', () => {
    expect(placeWithoutOverlap([note('a', 0, 0)], [note('b', 500, 0)]).get('b')).toEqual({ x: 500, y: 0 })
  })

  it("puts two people's stickies written at the same spot side by side, near that spot", () => {
    const placed = placeWithoutOverlap([note('a', 0, 0)], [note('b', 0, 0), note('c', 10, 10)])
    const b = { ...note('b', 0, 0), ...placed.get('b') }
    const c = { ...note('c', 0, 0), ...placed.get('c') }
    expect(overlap(b, note('a', 0, 0))).toBe(false)
    expect(overlap(c, note('a', 0, 0))).toBe(false)
    expect(overlap(b, c)).toBe(false)
    expect(Math.hypot(b.x, b.y)).toBeLessThanOrEqual(216)
  })

  it('compares only stickies in the same frame, whose coordinates share a space', () => {
    expect(
      placeWithoutOverlap([note('a', 0, 0, 'shape:frame-1')], [note('b', 0, 0, 'shape:frame-2')]).get('b'),
    ).toEqual({ x: 0, y: 0 })
  })

  it('never overlaps, for any stickies written anywhere', () => {
    const box = fc.record({ x: fc.integer({ min: -600, max: 600 }), y: fc.integer({ min: -600, max: 600 }) })
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), fc.array(box, { minLength: 1, maxLength: 12 }), (on, incoming) => {
        const existing = on.map((p, i) => note(`e${i}`, p.x, p.y))
        const moving = incoming.map((p, i) => note(`n${i}`, p.x, p.y))
        const placed = placeWithoutOverlap(existing, moving)
        const result = moving.map((n) => ({ ...n, ...placed.get(n.id) }))
        for (const [i, a] of result.entries()) {
          for (const b of existing) expect(overlap(a, b)).toBe(false)
          for (const b of result.slice(i + 1)) expect(overlap(a, b)).toBe(false)
        }
      }),
    )
  })

  it('reads a note record with its scale and growth, and nothing that is not a note', () => {
    const record = { id: 'shape:n', typeName: 'shape', type: 'note', x: 5, y: 6, parentId: 'page:page' }
    const read = (fields: Record<string, unknown>) => noteBox({ ...record, ...fields } as BoardRecord)
    expect(read({ props: { scale: 2, growY: 40 } })).toMatchObject({ w: 400, h: 440, x: 5, y: 6 })
    expect(read({ type: 'geo' })).toBeNull()
    expect(read({ x: Number.NaN, props: { scale: 'x' } })).toMatchObject({ x: 0, w: 200 })
  })
})
