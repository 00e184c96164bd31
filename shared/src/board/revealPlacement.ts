import type { BoardRecord } from './layout.ts'

/** tldraw's note is a 200 × 200 square, scaled by `props.scale` and grown downwards by `props.growY`. */
const NOTE_SIZE = 200
/** Space left between a revealed sticky and its neighbours, in board units. */
const GAP = 16
/**
 * How many rings of places around where a sticky was written are tried before it is left where it was: six rings
 * are 168 places, within about 1,300 units, so it stays near its spot (in the column it was written in) and the
 * search stays bounded whatever the board holds.
 */
const MAX_RINGS = 6

/** A note's box in its parent's space (a frame's or the page's); rotation is left out, as a reveal has none. */
export interface NoteBox {
  id: string
  parentId: string
  x: number
  y: number
  w: number
  h: number
}

function finite(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** The box of a note record; null for anything else (a reveal moves notes only, and others never block them). */
export function noteBox(record: BoardRecord): NoteBox | null {
  const r = record as BoardRecord & Record<string, unknown>
  if (r.typeName !== 'shape' || r.type !== 'note') return null
  const props = (typeof r.props === 'object' && r.props !== null ? r.props : {}) as Record<string, unknown>
  const scale = Math.min(Math.max(finite(props.scale, 1), 0.1), 10)
  const size = NOTE_SIZE * scale
  return {
    id: record.id,
    parentId: typeof r.parentId === 'string' ? r.parentId : '',
    x: finite(r.x, 0),
    y: finite(r.y, 0),
    w: size,
    h: size + Math.min(Math.max(finite(props.growY, 0), 0), 100 * size),
  }
}

/** Boxes by parent and by square cell, so a look-up reads the few boxes nearby, not the whole board. */
class Occupied {
  readonly #cells = new Map<string, NoteBox[]>()
  readonly #cellSize = NOTE_SIZE + GAP

  add(box: NoteBox): void {
    for (const key of this.#keys(box)) {
      const cell = this.#cells.get(key)
      if (cell) cell.push(box)
      else this.#cells.set(key, [box])
    }
  }

  overlaps(box: NoteBox): boolean {
    for (const key of this.#keys(box)) {
      for (const other of this.#cells.get(key) ?? []) {
        if (
          box.x < other.x + other.w + GAP &&
          other.x < box.x + box.w + GAP &&
          box.y < other.y + other.h + GAP &&
          other.y < box.y + box.h + GAP
        ) {
          return true
        }
      }
    }
    return false
  }

  *#keys(box: NoteBox): Generator<string> {
    const size = this.#cellSize
    // A box larger than a few cells (a scaled-up note) is indexed by its corner cells' range, capped.
    const [x0, x1] = [Math.floor((box.x - GAP) / size), Math.floor((box.x + box.w + GAP) / size)]
    const [y0, y1] = [Math.floor((box.y - GAP) / size), Math.floor((box.y + box.h + GAP) / size)]
    for (let cx = x0; cx <= Math.min(x1, x0 + 8); cx++) {
      for (let cy = y0; cy <= Math.min(y1, y0 + 8); cy++) yield `${box.parentId}\u0000${cx}\u0000${cy}`
    }
  }
}

/** Offsets of ring `k` around a place, nearest first within the ring: right, left, below, above, then the rest. */
function ring(k: number): Array<[number, number]> {
  const offsets: Array<[number, number]> = []
  for (let i = -k; i <= k; i++) {
    for (let j = -k; j <= k; j++) if (Math.max(Math.abs(i), Math.abs(j)) === k) offsets.push([i, j])
  }
  return offsets.sort((a, b) => Math.hypot(...a) - Math.hypot(...b))
}
const RINGS = Array.from({ length: MAX_RINGS }, (_, k) => ring(k + 1))

/**
 * Where each of `incoming` goes so that it covers neither a sticky already on the board nor another incoming one:
 * where it was written when that is free, otherwise the nearest free place on a grid of note-sized steps around
 * it. Two people who wrote under the same principle end up side by side, not one hiding the other. Only stickies
 * with the same parent are compared, as their coordinates are in the same space.
 */
export function placeWithoutOverlap(
  existing: Iterable<NoteBox>,
  incoming: readonly NoteBox[],
): Map<string, { x: number; y: number }> {
  const occupied = new Occupied()
  for (const box of existing) occupied.add(box)
  const placed = new Map<string, { x: number; y: number }>()
  for (const box of incoming) {
    let spot = box
    if (occupied.overlaps(box)) {
      search: for (const offsets of RINGS) {
        for (const [i, j] of offsets) {
          const candidate = { ...box, x: box.x + i * (box.w + GAP), y: box.y + j * (box.h + GAP) }
          if (!occupied.overlaps(candidate)) {
            spot = candidate
            break search
          }
        }
      }
    }
    occupied.add(spot)
    placed.set(box.id, { x: spot.x, y: spot.y })
  }
  return placed
}
