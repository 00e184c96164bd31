import { z } from 'zod'

/**
 * What each participant publishes in the Yjs awareness field `presence` (see `PRESENCE_AWARENESS_FIELD`):
 * who they are and where their pointer is, in page coordinates. Awareness comes from other browsers, so
 * receivers parse it with this schema and ignore what does not fit; sizes are bounded so one peer cannot
 * make everyone else render megabytes.
 */
const finiteNumber = z.number().finite()

export const boardPresenceSchema = z.object({
  /** Stable per browser (kept in localStorage), so several tabs of one person count as one collaborator. */
  userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().max(64),
  /** A CSS hex colour: it ends up in style attributes. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** The tldraw page the participant is looking at; cursors show only to people on the same page. */
  pageId: z.string().regex(/^page:[A-Za-z0-9_-]{1,64}$/),
  cursor: z.object({ x: finiteNumber, y: finiteNumber }).nullable(),
  selectedShapeIds: z.array(z.string().regex(/^shape:[A-Za-z0-9_-]{1,64}$/)).max(500),
  /**
   * The part of the page their screen shows, in page coordinates: what "Volg mij" tracks and what tells the
   * participant list on which stage someone is. Optional, so presence from a client without it still parses.
   */
  viewport: z
    .object({ x: finiteNumber, y: finiteNumber, w: finiteNumber.positive(), h: finiteNumber.positive() })
    .optional(),
})

export type BoardPresence = z.infer<typeof boardPresenceSchema>

export function parseBoardPresence(value: unknown): BoardPresence | null {
  const parsed = boardPresenceSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
