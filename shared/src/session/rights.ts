import type { Role } from './role.ts'

/**
 * The rooms of a session, split by who may write them, so that a right is checked per room and never per record:
 * - board: the participants' stickies, drawings and the action plan;
 * - control: what only the facilitator (and the server) decides: stage, timer, locks, rounds;
 * - private: one participant's stickies written in private mode, until the facilitator reveals them. Only that
 *   participant and the facilitator may even connect (checked with the token, see `mayEnterPrivateRoom`).
 */
export const roomKinds = ['board', 'control', 'private'] as const
export type RoomKind = (typeof roomKinds)[number]

/**
 * What a message asks of a room:
 * - read: ask for the document (sync step 1), or an empty sync step 2 that carries nothing;
 * - write: change the document (a non-empty sync step 2, an update);
 * - presence: one's own cursor and viewport (awareness), open to every role.
 */
export type MessageIntent = 'read' | 'write' | 'presence'

/** Who may write which room. Reading and presence are open to everyone who holds a token of the session. */
const writers: Record<RoomKind, ReadonlySet<Role>> = {
  board: new Set<Role>(['facilitator', 'participant']),
  control: new Set<Role>(['facilitator']),
  private: new Set<Role>(['facilitator', 'participant']),
}

export function mayWrite(role: Role, room: RoomKind): boolean {
  return writers[room].has(role)
}

/** The rights table, role × room × message intent, in one function. */
export function mayDo(role: Role, room: RoomKind, intent: MessageIntent): boolean {
  return intent === 'write' ? mayWrite(role, room) : true
}

/** Who may connect to a participant's private room: that participant and the facilitator, nobody else. */
export function mayEnterPrivateRoom(role: Role, participantId: string | null, ownerId: string): boolean {
  return role === 'facilitator' || (role === 'participant' && participantId === ownerId)
}
