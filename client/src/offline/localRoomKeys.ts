import { parseSessionRoomName } from '@werkplaats/shared'

/**
 * The names of the browser databases that keep a session's rooms on this device: `werkplaats/<session>/<room>`.
 * The session stands first so that everything of one session can be found and cleared together, whatever rooms
 * it had; the room name (which holds the session id again) keeps the board apart from a private room.
 */
const PREFIX = 'werkplaats'
const SEPARATOR = '/'

export interface LocalRoomKey {
  sessionId: string
  room: string
}

/** The database name for `room` of `sessionId`; a room that is not the session's is a bug, not a key. */
export function localRoomKey(sessionId: string, room: string): string {
  if (parseSessionRoomName(room)?.sessionId !== sessionId) {
    throw new Error(`room ${room} is not a room of session ${sessionId}`)
  }
  return [PREFIX, sessionId, room].join(SEPARATOR)
}

/** What a database name stands for; null for any name this scheme did not make (other apps, older versions). */
export function parseLocalRoomKey(name: string): LocalRoomKey | null {
  const parts = name.split(SEPARATOR)
  if (parts.length !== 3) return null
  const [prefix, sessionId, room] = parts as [string, string, string]
  if (prefix !== PREFIX || parseSessionRoomName(room)?.sessionId !== sessionId) return null
  return { sessionId, room }
}

/** Of the database names this browser has, those that hold rooms of `sessionId`. */
export function localKeysOfSession(names: Iterable<string>, sessionId: string): string[] {
  return [...names].filter((name) => parseLocalRoomKey(name)?.sessionId === sessionId)
}
