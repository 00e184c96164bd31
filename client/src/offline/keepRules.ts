import { privateRoomName, sessionRoomName, type Role } from '@werkplaats/shared'
import type { RefusalReason } from '../connection/roomConnection.ts'

/**
 * What this device keeps of a session, and when it lets go of it.
 *
 * Kept: the rooms a person writes to, so that what they write offline survives a closed tab and reaches the
 * server later — the board, and a participant's own private room. The control room is the facilitator's and the
 * server's to write and others' private rooms are not ours, so neither is kept. An observer writes nothing and
 * keeps nothing: a screen on the wall of a shared room should not hold a copy of the board.
 */
export function roomsKeptLocally(sessionId: string, role: Role, participantId: string | null): string[] {
  if (role === 'observer') return []
  const board = sessionRoomName(sessionId, 'board')
  if (role === 'participant' && participantId) return [board, privateRoomName(sessionId, participantId)]
  return [board]
}

export function keepsRoomLocally(sessionId: string, role: Role, participantId: string | null, room: string): boolean {
  return roomsKeptLocally(sessionId, role, participantId).includes(room)
}

/**
 * The server's closes after which the local copy goes: the session was deleted (4404) or the facilitator removed
 * this person (4401 with its reason). Either way nothing kept could ever be sent, and the person has lost the
 * right to what they saw. Other refusals leave it: a full board or too many connections pass, and an unknown
 * token (a plain 4401) is a link problem the person can still mend by joining again.
 */
export function refusalClearsLocalCopy(reason: RefusalReason): boolean {
  return reason === 'session-gone' || reason === 'removed'
}
