import { z } from 'zod'

/**
 * Who someone is in a session. The server knows each token's role; a browser never decides it.
 * - facilitator: steers the session (control room), writes on the board;
 * - participant: writes on the board, votes;
 * - observer: watches (a projector, a manager); reads everything, writes nothing.
 */
export const roles = ['facilitator', 'participant', 'observer'] as const
export const roleSchema = z.enum(roles)
export type Role = z.infer<typeof roleSchema>
