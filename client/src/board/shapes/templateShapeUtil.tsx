import type { ReactNode } from 'react'
import { BaseBoxShapeUtil, HTMLContainer, type TLBaseBoxShape } from 'tldraw'

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

  component(shape: Shape) {
    return <HTMLContainer style={{ width: shape.props.w, height: shape.props.h }}>{this.content(shape)}</HTMLContainer>
  }

  override getIndicatorPath(shape: Shape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
