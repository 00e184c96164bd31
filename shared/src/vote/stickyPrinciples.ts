import { CARD_GAP, stageFrameOf, type Rect, type TemplateLayout } from '../layout/templateLayout.ts'

/**
 * The guide asks the team to place each challenge they write under the principle it fits: the principles of a
 * challenges stage stand side by side, one column each, and a sticky counts toward the principle whose column
 * it sits in. Pure, so the proposal the facilitator sees and its tests read the same rule.
 */

/** A sticky as the rule needs it: its id (the vote card id) and where it lies on the page. */
export interface StickyPlace {
  readonly id: string
  readonly bounds: Rect
}

/**
 * The principle each sticky counts toward, by sticky id: the principle card of `stageId`'s frame in pass
 * `pass` whose column holds the sticky's centre. A column reaches from half a gap left of its card to half a
 * gap right of it, from the frame's top to its bottom; a sticky outside every column (the writing zone beside
 * them, or another frame) counts toward none.
 */
export function principlesOfStickies(
  layout: TemplateLayout,
  stageId: string,
  pass: number,
  stickies: readonly StickyPlace[],
): Map<string, string> {
  const frame = stageFrameOf(layout, stageId, pass)
  const result = new Map<string, string>()
  if (!frame) return result
  const columns = layout.cards.flatMap((card) =>
    card.frameId === frame.id && card.content.kind === 'principle' && !card.hidden
      ? [{ principleId: card.content.principleId, left: card.x - CARD_GAP / 2, right: card.x + card.w + CARD_GAP / 2 }]
      : [],
  )
  for (const { id, bounds } of stickies) {
    const cx = bounds.x + bounds.w / 2
    const cy = bounds.y + bounds.h / 2
    if (cy < frame.y || cy > frame.y + frame.h) continue
    const column = columns.find((c) => cx >= c.left && cx < c.right)
    if (column) result.set(id, column.principleId)
  }
  return result
}
