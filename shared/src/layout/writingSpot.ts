import type { LaidOutFrame, Rect, TemplateLayout } from './templateLayout.ts'

/** A sticky's size on the board (tldraw's note at scale 1). */
export const STICKY_SIZE = 200
const SPOT_GAP = 20

/**
 * Where a sticky written away from the board (a phone's "Sticky schrijven") goes: into the stage's writing zone
 * (its frame when the stage has none), on a grid of sticky-sized spots. Each writer starts at their own spot (from
 * `writerKey`) and takes the first free one from there, so two people writing at once do not land on each other and
 * one person's stickies stay together. When every spot is taken the writer's own spot is used again. Returns the
 * sticky's top-left corner in page coordinates.
 */
export function writingSpot(
  layout: TemplateLayout,
  frame: LaidOutFrame,
  writerKey: string,
  occupied: readonly Rect[],
): { x: number; y: number } {
  const area = writingArea(layout, frame)
  const step = STICKY_SIZE + SPOT_GAP
  const columns = Math.max(1, Math.floor((area.w - SPOT_GAP) / step))
  const rows = Math.max(1, Math.floor((area.h - SPOT_GAP) / step))
  const spots = columns * rows
  const spotAt = (index: number) => ({
    x: area.x + SPOT_GAP + (index % columns) * step,
    y: area.y + SPOT_GAP + Math.floor(index / columns) * step,
  })
  const own = stringHash(writerKey) % spots
  for (let i = 0; i < spots; i++) {
    const spot = spotAt((own + i) % spots)
    const box = { ...spot, w: STICKY_SIZE, h: STICKY_SIZE }
    if (!occupied.some((other) => overlaps(box, other))) return spot
  }
  return spotAt(own)
}

/** The frame's writing zone, where the team's stickies belong; the frame itself when the stage has none. */
export function writingArea(layout: TemplateLayout, frame: LaidOutFrame): Rect {
  const zone = layout.cards.find((card) => card.frameId === frame.id && card.content.kind === 'writing-zone')
  return zone ?? frame
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** A small stable hash (FNV-1a): the same writer gets the same first spot on every screen and reload. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
