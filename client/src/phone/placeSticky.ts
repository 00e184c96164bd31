import {
  currentStageFrame,
  STICKY_SIZE,
  writingSpot,
  type FacilitationState,
  type TemplateLayout,
} from '@werkplaats/shared'
import { toRichText, type Editor } from 'tldraw'
import { boardStickies } from '../voting/boardStickies.ts'

/**
 * Puts a sticky written away from the board on it: in the current stage's writing zone, at the writer's own free
 * spot (`writingSpot`); without a stage (a blank board, or before the first stage) in the middle of the view.
 * Made as the user's own shape, so private writing marks it private like any other new sticky.
 */
export function placeSticky(
  editor: Editor,
  layout: TemplateLayout,
  state: Pick<FacilitationState, 'stageId' | 'rounds'>,
  writerKey: string,
  text: string,
): void {
  const frame = currentStageFrame(layout, state)
  const center = editor.getViewportPageBounds().center
  const spot = frame
    ? writingSpot(
        layout,
        frame,
        writerKey,
        boardStickies(editor).map((s) => s.bounds),
      )
    : { x: center.x - STICKY_SIZE / 2, y: center.y - STICKY_SIZE / 2 }
  editor.createShape({ type: 'note', x: spot.x, y: spot.y, props: { richText: toRichText(text) } })
}
