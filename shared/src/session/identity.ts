import { z } from 'zod'
import { roleSchema } from './role.ts'

/**
 * Who a connection is, as the server knows it from the connection's token. The server writes it into the
 * awareness field `identity` of every state that connection sends, over whatever the browser put there, so a
 * name or role in presence can be trusted: nobody can pose as the facilitator by editing their awareness.
 * Observers share one token, so they have no participant id.
 */
export const IDENTITY_AWARENESS_FIELD = 'identity'

export const identitySchema = z.object({
  participantId: z.string().nullable(),
  name: z.string().max(64),
  role: roleSchema,
})
export type Identity = z.infer<typeof identitySchema>

export function parseIdentity(value: unknown): Identity | null {
  const parsed = identitySchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
