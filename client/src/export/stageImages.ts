import { type FacilitationState, layoutTemplate, type Rect, type Template } from '@werkplaats/shared'

/** A stage frame that can be exported as an image: where it lies on the board, from the template layout. */
export interface StageImageTarget {
  key: string
  stageId: string
  round: number
  title: string
  bounds: Rect
}

/**
 * Every stage frame of the session's template layer, in board order. The frames are derived from the template
 * and the facilitation state on every client (never stored), so the export takes their bounds from the same
 * layout the board shows; a blank board has none.
 */
export function stageImageTargets(
  template: Template | null,
  facilitation: Pick<FacilitationState, 'rounds' | 'layoutOverrides'>,
): StageImageTarget[] {
  return layoutTemplate(template, facilitation).frames.flatMap((frame) =>
    frame.kind === 'stage' && frame.stageId !== null && frame.round !== null
      ? [
          {
            key: frame.id,
            stageId: frame.stageId,
            round: frame.round,
            title: frame.title ?? frame.stageId,
            bounds: { x: frame.x, y: frame.y, w: frame.w, h: frame.h },
          },
        ]
      : [],
  )
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}
