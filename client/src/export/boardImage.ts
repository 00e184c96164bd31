import { type Rect } from '@werkplaats/shared'
import { Box, type Editor, type TLShapeId } from 'tldraw'
import { intersects } from './stageImages.ts'

export type ImageFormat = 'png' | 'svg'

/**
 * The board, or one stage of it, as an image through tldraw's own export (`editor.toImage`): what participants
 * drew and wrote, rendered as the board shows it. A stage's image is exactly its frame (bounds given, no
 * padding, one pixel per board unit), so every stage image of a session has its frame's size. Null when there
 * is nothing to draw.
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
  return editor.toImage(ids, {
    format,
    background: true,
    ...(stage
      ? { bounds: new Box(stage.x, stage.y, stage.w, stage.h), padding: 0, scale: 1, pixelRatio: 1 }
      : { padding: 32 }),
  })
}
