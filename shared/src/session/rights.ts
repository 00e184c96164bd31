import type { Role } from './role.ts'

/**
 * The two rooms of a session (see the brief, "Sessions, rooms and authority"):
 * - board: the participants' stickies, drawings and the action plan;
 * - control: what only the facilitator (and the server) decides: stage, timer, locks, rounds.
 */
export const roomKinds = ['board', 'control'] as const
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
}

export function mayWrite(role: Role, room: RoomKind): boolean {
  return writers[room].has(role)
}

/** The rights table, role × room × message intent, in one function. */
export function mayDo(role: Role, room: RoomKind, intent: MessageIntent): boolean {
  return intent === 'write' ? mayWrite(role, room) : true
}
