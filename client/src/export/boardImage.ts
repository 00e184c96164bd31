import { type Rect } from '@werkplaats/shared'
import { Box, type Editor, type TLShapeId } from 'tldraw'
import { imageScale } from './imageSize.ts'
import { intersects } from './stageImages.ts'

const BOARD_PADDING = 32

function pageBounds(editor: Editor): (id: TLShapeId) => Box[] {
  return (id) => {
    const bounds = editor.getShapePageBounds(id)
    return bounds ? [bounds] : []
  }
}

export type ImageFormat = 'png' | 'svg'

/**
 * The board, or one stage of it, as an image through tldraw's own export (`editor.toImage`): what participants
 * drew and wrote, rendered as the board shows it. A stage's image is exactly its frame (bounds given, no
 * padding, one pixel per board unit), so every stage image of a session has its frame's size; an image whose
 * longest side would pass `MAX_IMAGE_SIDE` is scaled down to it. Null when there is nothing to draw.
 */
export async function boardImage(
  editor: Editor,
  format: ImageFormat,
  stage: Rect | null,
): Promise<{ blob: Blob; width: number; height: number } | null> {
  const ids: TLShapeId[] = [...editor.getCurrentPageShapeIds()].filter((id) => {
    if (!stage) return true
    const bounds = editor.getShapePageBounds(id)
    return bounds ? intersects(stage, bounds) : false
  })
  if (ids.length === 0) return null
  const padding = stage ? 0 : BOARD_PADDING
  const area = stage ? new Box(stage.x, stage.y, stage.w, stage.h) : Box.Common(ids.flatMap(pageBounds(editor)))
  return editor.toImage(ids, {
    format,
    background: true,
    padding,
    scale: imageScale(area.w + 2 * padding, area.h + 2 * padding),
    pixelRatio: 1,
    ...(stage ? { bounds: area } : {}),
  })
}
