import type { RoomKind } from './rights.ts'

/**
 * Each session has two shared rooms, named after it: `<sessionId>-board` and `<sessionId>-control`, and one
 * private room per participant for private writing: `<sessionId>-private-<participantId>`. Knowing a room's
 * name gives nothing: every connection must carry a token of the session, and the token decides the rights.
 */
const sessionRoomPattern = /^([A-Za-z0-9_-]{22})-(board|control)$/
const privateRoomPattern = /^([A-Za-z0-9_-]{22})-private-([A-Za-z0-9_-]{22})$/

export function sessionRoomName(sessionId: string, kind: Exclude<RoomKind, 'private'>): string {
  return `${sessionId}-${kind}`
}

/** A participant's private room: while private writing is on, their new stickies live here until revealed. */
export function privateRoomName(sessionId: string, participantId: string): string {
  return `${sessionId}-private-${participantId}`
}

export type SessionRoom =
  { sessionId: string; kind: Exclude<RoomKind, 'private'> } | { sessionId: string; kind: 'private'; ownerId: string }

export function parseSessionRoomName(room: string): SessionRoom | null {
  const shared = sessionRoomPattern.exec(room)
  if (shared) return { sessionId: shared[1] as string, kind: shared[2] as Exclude<RoomKind, 'private'> }
  const own = privateRoomPattern.exec(room)
  if (own) return { sessionId: own[1] as string, kind: 'private', ownerId: own[2] as string }
  return null
}

/** The WebSocket path of a room, as the API hands it out (`/yjs/<room>`). */
export function roomPath(room: string): string {
  return `/yjs/${room}`
}

/**
 * The close reason (with 4401) of a connection whose person the facilitator removed from the session, so their
 * page can say so rather than speak of an invalid token.
 */
export const REMOVED_FROM_SESSION_REASON = 'you were removed from this session'

/**
 * The close reason (with 4403) of a write to a room of a closed session, so the page can say the session is
 * closed rather than that its holder may only read.
 */
export const SESSION_CLOSED_REASON = 'session closed'
