import type { LaidOutFrame, Viewport } from '@werkplaats/shared'

/**
 * On which stage someone is, from the part of the board their screen shows (their presence carries it):
 * the stage frame that covers most of their view. A view that shows no stage frame at all (zoomed out far
 * away, or on the background) is on none. When frames tie (two views each half on two frames), the earlier
 * frame in layout order wins, so every client names the same one.
 */
export interface StageLocation {
  readonly stageId: string
  readonly round: number
}

/** A frame must cover at least this share of the view to count: a sliver at the edge is not "on" it. */
const MIN_SHARE = 0.15

export function stageOfViewport(viewport: Viewport, frames: readonly LaidOutFrame[]): StageLocation | null {
  const area = viewport.w * viewport.h
  if (!(area > 0)) return null
  let best: { frame: LaidOutFrame; overlap: number } | null = null
  for (const frame of frames) {
    if (frame.kind !== 'stage' || frame.stageId === null || frame.round === null || frame.hidden) continue
    const overlap = overlapArea(viewport, frame)
    if (overlap > (best?.overlap ?? 0)) best = { frame, overlap }
  }
  if (!best || best.frame.stageId === null || best.frame.round === null) return null
  // A frame bigger than the view may fill it entirely; one smaller than the view fills only its own area.
  const share = best.overlap / Math.min(area, best.frame.w * best.frame.h)
  return share >= MIN_SHARE ? { stageId: best.frame.stageId, round: best.frame.round } : null
}

function overlapArea(a: Viewport, b: { x: number; y: number; w: number; h: number }): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}
