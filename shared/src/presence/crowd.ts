import { z } from 'zod'

/**
 * Which collaborator cursors a screen draws. Every cursor is a DOM element that tldraw positions and re-renders
 * as it moves, so a board of hundreds drawing all of them spends its frames on cursors nobody can follow. From
 * `crowdThreshold` people a board is in crowd mode: it draws the cursors that matter to this viewer (in view,
 * nearest the viewer's pointer or most recently active, at most `crowdCursorLimit`) and counts the others.
 * The facilitator's cursor is always drawn: it is the one everyone is asked to follow.
 */

/** What the facilitator chose for everyone's cursors: by the size of the board, always on, or off. */
export const cursorSettingSchema = z.enum(['auto', 'on', 'off'])
export type CursorSetting = z.infer<typeof cursorSettingSchema>

/** How a screen draws cursors now: every one, a bounded crowd selection, or only the facilitator's. */
export type CursorMode = 'all' | 'crowd' | 'off'

/** From this many people on the board (the viewer included), `auto` draws a crowd selection. */
export const crowdThreshold = 50

/** At most this many cursors beside the facilitator's in crowd mode. */
export const crowdCursorLimit = 20

export function cursorMode(setting: CursorSetting, peopleOnBoard: number, threshold = crowdThreshold): CursorMode {
  if (setting === 'off') return 'off'
  if (setting === 'on') return 'all'
  return peopleOnBoard >= threshold ? 'crowd' : 'all'
}

export interface PagePoint {
  x: number
  y: number
}

export interface PageRect extends PagePoint {
  w: number
  h: number
}

/** Someone else's cursor, as the selection needs it. */
export interface CursorCandidate<Id> {
  id: Id
  /** Page coordinates, on the viewer's page; null when their pointer is off the board. */
  cursor: PagePoint | null
  /** When their presence last changed (the viewer's clock). */
  activeAt: number
  facilitator: boolean
}

/** What the viewer sees and points at, in page coordinates; unknown parts are null. */
export interface CursorViewer<Id> {
  viewport: PageRect | null
  pointer: PagePoint | null
  /** Drawn in the previous selection: they keep their place against one only slightly nearer, so cursors do not flicker. */
  shownBefore?: ReadonlySet<Id>
}

export interface CursorSelection<Id> {
  shown: Id[]
  /** Everyone not drawn: the "+N" beside the board. */
  others: number
}

/** A cursor drawn before counts as this much nearer, so two at about the same distance do not swap every frame. */
const stickiness = 0.75

export function selectCursors<Id>(
  candidates: readonly CursorCandidate<Id>[],
  viewer: CursorViewer<Id>,
  mode: CursorMode,
  limit = crowdCursorLimit,
): CursorSelection<Id> {
  if (mode === 'all') return { shown: candidates.map((c) => c.id), others: 0 }
  const shown: Id[] = []
  const rest: CursorCandidate<Id>[] = []
  for (const candidate of candidates) {
    if (candidate.facilitator) shown.push(candidate.id)
    else if (mode === 'crowd' && candidate.cursor && inRect(candidate.cursor, viewer.viewport)) rest.push(candidate)
  }
  const rank = rankBy(viewer)
  const chosen = rest
    .map((candidate) => ({ candidate, rank: rank(candidate) }))
    .sort((a, b) => a.rank - b.rank || b.candidate.activeAt - a.candidate.activeAt)
    .slice(0, Math.max(0, limit))
  for (const { candidate } of chosen) shown.push(candidate.id)
  return { shown, others: candidates.length - shown.length }
}

/** Lower ranks first: nearest the pointer when there is one, else the most recently active. */
function rankBy<Id>(viewer: CursorViewer<Id>): (candidate: CursorCandidate<Id>) => number {
  const { pointer, shownBefore } = viewer
  const bonus = (candidate: CursorCandidate<Id>) => (shownBefore?.has(candidate.id) ? stickiness : 1)
  if (pointer && inRect(pointer, viewer.viewport)) {
    return (candidate) => {
      const cursor = candidate.cursor as PagePoint
      return Math.hypot(cursor.x - pointer.x, cursor.y - pointer.y) * bonus(candidate)
    }
  }
  // Newest first: a negative time ranks the most recent lowest; the bonus is a few seconds of activity.
  return (candidate) => -candidate.activeAt - (bonus(candidate) < 1 ? 2000 : 0)
}

/** Inside `rect`; with no rect known, anywhere counts as inside. */
export function inRect(point: PagePoint, rect: PageRect | null): boolean {
  if (!rect) return true
  return point.x >= rect.x && point.x <= rect.x + rect.w && point.y >= rect.y && point.y <= rect.y + rect.h
}
