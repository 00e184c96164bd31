import { PRESENCE_AWARENESS_FIELD } from './layout.ts'
import type { BoardPresence } from './presence.ts'

export interface Point {
  x: number
  y: number
}

/**
 * The awareness state of simulated participant `participant` as the app publishes it: named like the bench's
 * people ("Deelnemer N"), its cursor at `cursor`, looking at `viewport` (a 1280×800 view around the cursor unless
 * given). The bench's load and the server's presence tests speak through this one shape, so a change to what the
 * app publishes changes both.
 */
export function simulatedPresence(
  participant: number,
  cursor: Point,
  viewport: BoardPresence['viewport'] = { x: cursor.x - 640, y: cursor.y - 400, w: 1280, h: 800 },
  color = '#1971c2',
): { [PRESENCE_AWARENESS_FIELD]: BoardPresence } {
  return {
    [PRESENCE_AWARENESS_FIELD]: {
      userId: `bench-p${participant}`,
      name: `Deelnemer ${participant}`,
      color,
      pageId: 'page:page',
      cursor,
      selectedShapeIds: [],
      viewport,
    },
  }
}
