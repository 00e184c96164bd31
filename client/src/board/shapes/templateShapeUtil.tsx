import type { ReactNode } from 'react'
import { BaseBoxShapeUtil, HTMLContainer, track, type TLBaseBoxShape } from 'tldraw'
import { useTextLegible } from './textLegibility.ts'

/**
 * What every shape of the template layer shares. Their content and size come from the template and the
 * layout (see `templateLayer/`), so nobody edits, resizes or rotates them on the board; only the facilitator
 * may move or hide a card, and that goes through the control room, not through the shape.
 */
export abstract class TemplateShapeUtil<Shape extends TLBaseBoxShape> extends BaseBoxShapeUtil<Shape> {
  override canEdit(): boolean {
    return false
  }

  override canResize(): boolean {
    return false
  }

  override canCrop(): boolean {
    return false
  }

  override hideResizeHandles(): boolean {
    return true
  }

  override hideRotateHandle(): boolean {
    return true
  }

  /** Sizes are the layout's; were resizing ever switched on, it must not distort the text. */
  override isAspectRatioLocked(): boolean {
    return true
  }

  /** What the card shows inside its box; the box itself is the layout's size. */
  abstract content(shape: Shape): ReactNode

  /** The size of the shape's body text (templateShapes.css): below legible size it is not drawn. */
  readonly textSizePx: number = 14

  /**
   * The card, its text left out of layout and paint while too small to read (`data-text="hint"`, see
   * templateShapes.css): a board zoomed out over the whole template then rasters boxes, not pages of tiny text,
   * each time something near them changes.
   */
  component(shape: Shape) {
    return <TemplateShape util={this} shape={shape} />
  }

  override getIndicatorPath(shape: Shape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}

/** Tracked like the component tldraw renders `component` in: a card's content may read signals as it renders. */
const TemplateShape = track(function TemplateShape<Shape extends TLBaseBoxShape>({
  util,
  shape,
}: {
  util: TemplateShapeUtil<Shape>
  shape: Shape
}) {
  const legible = useTextLegible(util.editor, util.textSizePx)
  return (
    <HTMLContainer
      className="wp-tpl-shape"
      data-text={legible ? 'drawn' : 'hint'}
      style={{ width: shape.props.w, height: shape.props.h }}
    >
      {util.content(shape)}
    </HTMLContainer>
  )
})
