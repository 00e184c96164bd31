import { inRect, type PagePoint, type PageRect } from './crowd.ts'

/**
 * Presence by interest: in a crowd, the server sends each screen the cursors it could show (those in or near
 * its view) often and the rest rarely. A screen's interest is its view widened by half a view on every side (a
 * cursor about to come into view is already moving there), snapped outwards to a grid of `interestCell` page
 * units: screens looking at about the same place get the same area, so the server encodes one frame for all of
 * them.
 */
export const interestCell = 512

/** Cells `[x0, x1) × [y0, y1)` of one page. */
export interface InterestArea {
  pageId: string
  x0: number
  y0: number
  x1: number
  y1: number
}

export function interestArea(pageId: string, viewport: PageRect, cell = interestCell): InterestArea {
  const marginX = viewport.w / 2
  const marginY = viewport.h / 2
  return {
    pageId,
    x0: Math.floor((viewport.x - marginX) / cell),
    y0: Math.floor((viewport.y - marginY) / cell),
    x1: Math.ceil((viewport.x + viewport.w + marginX) / cell),
    y1: Math.ceil((viewport.y + viewport.h + marginY) / cell),
  }
}

/** Equal for equal areas: what the server groups recipients by. */
export function interestKey(area: InterestArea): string {
  return `${area.pageId} ${area.x0} ${area.y0} ${area.x1} ${area.y1}`
}

export function inInterest(area: InterestArea, pageId: string, point: PagePoint, cell = interestCell): boolean {
  if (pageId !== area.pageId) return false
  const rect = { x: area.x0 * cell, y: area.y0 * cell, w: (area.x1 - area.x0) * cell, h: (area.y1 - area.y0) * cell }
  return inRect(point, rect)
}
