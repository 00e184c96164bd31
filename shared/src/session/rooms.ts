import type { RoomKind } from './rights.ts'

/**
 * Each session has two rooms, named after it: `<sessionId>-board` and `<sessionId>-control`. Knowing a room's
 * name gives nothing: every connection must carry a token of the session, and the token decides the rights.
 */
const sessionRoomPattern = /^([A-Za-z0-9_-]{22})-(board|control)$/

export function sessionRoomName(sessionId: string, kind: RoomKind): string {
  return `${sessionId}-${kind}`
}

export function parseSessionRoomName(room: string): { sessionId: string; kind: RoomKind } | null {
  const match = sessionRoomPattern.exec(room)
  if (!match) return null
  return { sessionId: match[1] as string, kind: match[2] as RoomKind }
}

/** The WebSocket path of a room, as the API hands it out (`/yjs/<room>`). */
export function roomPath(room: string): string {
  return `/yjs/${room}`
}
