import {
  layoutTemplate,
  stageFrameOf,
  type FacilitationState,
  type Template,
  type TemplateLayout,
} from '@werkplaats/shared'
import type { Editor } from 'tldraw'
import { stickiesInFrame, type BoardSticky } from './voteCards.ts'

/**
 * The stickies on the board's current page, with their page bounds (a sticky dropped into a frame has
 * coordinates relative to it) and their text as tldraw reads it. Reactive: called inside `useValue`, it
 * follows every edit.
 */
export function boardStickies(editor: Editor): BoardSticky[] {
  return editor.getCurrentPageShapes().flatMap((shape) => {
    if (shape.type !== 'note') return []
    const bounds = editor.getShapePageBounds(shape)
    if (!bounds) return []
    return [
      {
        id: shape.id,
        bounds: { x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h },
        text: editor.getShapeUtil(shape).getText(shape) ?? '',
      },
    ]
  })
}

/** The stickies written in `stageId`'s frame of the journey's current pass (none when the stage has no frame). */
export function stickiesOfStage(
  stickies: readonly BoardSticky[],
  template: Template,
  facilitation: Pick<FacilitationState, 'rounds' | 'layoutOverrides'>,
  stageId: string,
): BoardSticky[] {
  const frame = stageFrameOf(layoutOf(template, facilitation), stageId, facilitation.rounds.length - 1)
  return frame ? stickiesInFrame(stickies, frame) : []
}

/**
 * The last layout `stickiesOfStage` made, with the inputs it was made from. The voting dock renders on every
 * sticky edit (50 a second when 50 people write) and asks for two stages each time; laying out the whole OECD
 * template (104 cards, every text's lines estimated) each time was the page's largest piece of our own script
 * in `pnpm --filter @werkplaats/bench template`. The facilitation state keeps its `rounds` and
 * `layoutOverrides` objects until the control room changes them, so identity is the right key.
 */
let lastLayout: {
  template: Template
  rounds: FacilitationState['rounds']
  overrides: FacilitationState['layoutOverrides']
  layout: TemplateLayout
} | null = null

function layoutOf(
  template: Template,
  facilitation: Pick<FacilitationState, 'rounds' | 'layoutOverrides'>,
): TemplateLayout {
  const last = lastLayout
  if (
    last &&
    last.template === template &&
    last.rounds === facilitation.rounds &&
    last.overrides === facilitation.layoutOverrides
  )
    return last.layout
  const layout = layoutTemplate(template, facilitation)
  lastLayout = { template, rounds: facilitation.rounds, overrides: facilitation.layoutOverrides, layout }
  return layout
}
