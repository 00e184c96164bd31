import type { Rect, TemplateLayout } from './templateLayout.ts'

/**
 * The promises of the template layout, as a check that names what breaks them: no two visible frames
 * overlap, every card lies inside its frame, and no two cards of one frame overlap. Overrides may break
 * them on purpose (the facilitator moved a card), so a moved card is not held to them. Used by the tests
 * of every template, and cheap enough to assert in a development build.
 */
export function layoutProblems(layout: TemplateLayout): string[] {
  const problems: string[] = []
  const frames = layout.frames.filter((f) => !f.hidden)
  for (let i = 0; i < frames.length; i++) {
    for (let j = i + 1; j < frames.length; j++) {
      const a = frames[i]
      const b = frames[j]
      if (a && b && overlaps(a, b)) problems.push(`frames ${a.id} and ${b.id} overlap`)
    }
  }
  const frameById = new Map(layout.frames.map((f) => [f.id, f]))
  const placed = layout.cards.filter((c) => !c.moved)
  for (const c of placed) {
    const frame = frameById.get(c.frameId)
    if (!frame) problems.push(`card ${c.id} has no frame ${c.frameId}`)
    else if (!inside(c, frame)) problems.push(`card ${c.id} lies outside its frame ${frame.id}`)
  }
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) {
      const a = placed[i]
      const b = placed[j]
      if (a && b && a.frameId === b.frameId && overlaps(a, b)) problems.push(`cards ${a.id} and ${b.id} overlap`)
    }
  }
  return problems
}

/** Touching edges do not overlap. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}
