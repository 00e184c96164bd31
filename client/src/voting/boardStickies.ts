import { stageFrameOf, type FacilitationState, type TemplateLayout } from '@werkplaats/shared'
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

/**
 * The stickies written in `stageId`'s frame of the journey's current pass (none when the stage has no frame).
 * `layout` is the control room's (`ControlRoom.layout`), laid out once per change of its inputs: the voting dock
 * asks on every sticky edit (50 a second when 50 people write), far too often to lay the template out each time.
 */
export function stickiesOfStage(
  stickies: readonly BoardSticky[],
  layout: TemplateLayout,
  rounds: FacilitationState['rounds'],
  stageId: string,
): BoardSticky[] {
  const frame = stageFrameOf(layout, stageId, rounds.length - 1)
  return frame ? stickiesInFrame(stickies, frame) : []
}
