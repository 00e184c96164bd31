import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LaidOutCard, LaidOutFrame, Rect, TemplateLayout } from './templateLayout.ts'
import { STICKY_SIZE, writingArea, writingSpot } from './writingSpot.ts'

const frame: LaidOutFrame = {
  id: 'r0:startpunt',
  kind: 'stage',
  stageId: 'startpunt',
  round: 0,
  title: 'Startpunt',
  hidden: false,
  x: 0,
  y: 0,
  w: 3000,
  h: 1200,
}
const zone: LaidOutCard = {
  id: 'r0:startpunt:writing-zone',
  frameId: frame.id,
  stageId: 'startpunt',
  round: 0,
  content: { kind: 'writing-zone', label: 'Onze uitdagingen' },
  hidden: false,
  moved: false,
  x: 2000,
  y: 100,
  w: 900,
  h: 1000,
}
const layout: TemplateLayout = { frames: [frame], cards: [zone] }

const inside = (spot: { x: number; y: number }, area: Rect) =>
  spot.x >= area.x &&
  spot.y >= area.y &&
  spot.x + STICKY_SIZE <= area.x + area.w &&
  spot.y + STICKY_SIZE <= area.y + area.h
const sticky = (spot: { x: number; y: number }): Rect => ({ ...spot, w: STICKY_SIZE, h: STICKY_SIZE })
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('where a sticky written off the board goes', () => {
  it("lies in the stage's writing zone, or in its frame when the stage has none", () => {
    expect(writingArea(layout, frame)).toBe(zone)
    expect(writingArea({ frames: [frame], cards: [] }, frame)).toBe(frame)
    expect(inside(writingSpot(layout, frame, 'anna', []), zone)).toBe(true)
  })

  it('is the same for the same writer, so their stickies gather in their own spot', () => {
    expect(writingSpot(layout, frame, 'anna', [])).toEqual(writingSpot(layout, frame, 'anna', []))
  })

  it('never overlaps a sticky already there while the zone has room, whoever writes', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 12 }), (writers) => {
        const placed: Rect[] = []
        for (const writer of writers) {
          const spot = writingSpot(layout, frame, writer, placed)
          expect(inside(spot, zone)).toBe(true)
          expect(placed.some((other) => overlap(sticky(spot), other))).toBe(false)
          placed.push(sticky(spot))
        }
      }),
    )
  })

  it("falls back to the writer's own spot, still inside the zone, once every spot is taken", () => {
    const full = [{ ...zone }]
    const spot = writingSpot(layout, frame, 'anna', full)
    expect(spot).toEqual(writingSpot(layout, frame, 'anna', []))
    expect(inside(spot, zone)).toBe(true)
  })
})
