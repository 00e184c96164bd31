import { z } from 'zod'

/**
 * A single-use pass for one WebSocket connection. The browser asks for one over HTTPS (its token in the
 * `Authorization` header) and connects with `?ticket=`, so the long-lived token never stands in a WebSocket URL,
 * where proxies and access logs would keep it. A ticket is spent by the first connection that shows it.
 */
export const ROOM_TICKET_TTL_SECONDS = 60

/** 256 random bits, base64url: what the server hands out, and all it will look up. */
export const roomTicketSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a ticket')

export const issuedRoomTicketSchema = z.object({
  ticket: roomTicketSchema,
  /** Seconds the ticket stays valid if nobody uses it. */
  expiresInSeconds: z.int().positive(),
})
export type IssuedRoomTicket = z.infer<typeof issuedRoomTicketSchema>
