import type { BoardRecord } from '../board/layout.ts'
import type { Rect } from '../layout/templateLayout.ts'
import { cutText } from './cut.ts'
import { richTextToPlainText } from './richText.ts'

/**
 * The stickies of a board, read from its stored tldraw records: note shapes with their words and where they
 * sit on the page. Records come from the board room, which every participant writes, so every field is checked
 * and a malformed note is skipped rather than trusted.
 */
export interface PlacedSticky {
  id: string
  /** At most `MAX_STICKY_TEXT_CHARS`, cut with `…`: cut here, as it is read, before anything else sees it. */
  text: string
  /** The note's centre in page coordinates: what decides which frame it sits in. */
  x: number
  y: number
}

/** tldraw's note is a 200 × 200 square, scaled by `props.scale` and grown downwards by `props.growY`. */
const NOTE_SIZE = 200
/** Deeper nesting than any board has; a parent cycle written by a tampering client ends here. */
const MAX_PARENT_DEPTH = 20

interface Placement {
  x: number
  y: number
  rotation: number
  parentId: string
}

function finite(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

function placementOf(record: BoardRecord): Placement | null {
  const r = record as BoardRecord & Record<string, unknown>
  if (r.typeName !== 'shape') return null
  return {
    x: finite(r.x),
    y: finite(r.y),
    rotation: finite(r.rotation),
    parentId: typeof r.parentId === 'string' ? r.parentId : '',
  }
}

/**
 * Where a point given in a shape's parent's space lies on the page: shapes inside a frame or group store
 * coordinates relative to it (rotated with it). A parent that is not a stored shape (the page, or something
 * the board does not hold) is taken to be the page.
 */
function toPage(
  records: ReadonlyMap<string, BoardRecord>,
  parentId: string,
  point: { x: number; y: number },
): { x: number; y: number } {
  let { x, y } = point
  let id = parentId
  for (let depth = 0; depth < MAX_PARENT_DEPTH; depth++) {
    const parent = records.get(id)
    const placement = parent ? placementOf(parent) : null
    if (!placement) break
    const cos = Math.cos(placement.rotation)
    const sin = Math.sin(placement.rotation)
    ;[x, y] = [placement.x + x * cos - y * sin, placement.y + x * sin + y * cos]
    id = placement.parentId
  }
  return { x, y }
}

/** Every note on the board with its plain text and page position, in no particular order. */
export function readStickies(records: ReadonlyMap<string, BoardRecord>): PlacedSticky[] {
  const stickies: PlacedSticky[] = []
  for (const record of records.values()) {
    const r = record as BoardRecord & Record<string, unknown>
    if (r.typeName !== 'shape' || r.type !== 'note') continue
    const placement = placementOf(record)
    if (!placement) continue
    const props = (typeof r.props === 'object' && r.props !== null ? r.props : {}) as Record<string, unknown>
    const scale = finite(props.scale, 1) > 0 ? finite(props.scale, 1) : 1
    const half = (NOTE_SIZE * scale) / 2
    // The centre within the note's own (rotated) frame, then through its parents to the page.
    const cos = Math.cos(placement.rotation)
    const sin = Math.sin(placement.rotation)
    const halfHeight = half + finite(props.growY) / 2
    const local = { x: placement.x + half * cos - halfHeight * sin, y: placement.y + half * sin + halfHeight * cos }
    const centre = toPage(records, placement.parentId, local)
    const text =
      richTextToPlainText(props.richText) || (typeof props.text === 'string' ? cutText(props.text).trim() : '')
    stickies.push({ id: record.id, text, x: centre.x, y: centre.y })
  }
  return stickies
}

export function contains(rect: Rect, point: { x: number; y: number }): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h
}
