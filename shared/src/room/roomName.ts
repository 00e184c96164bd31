import { z } from 'zod'

/**
 * A room is one board. Its name travels in URLs (`/yjs/:room`) and becomes a storage key, so it is kept to
 * a plain identifier: letters, digits, `-` and `_`, 1–64 characters.
 */
export const ROOM_NAME_RULE = 'room name must be 1–64 letters, digits, "-" or "_"'

export const roomNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, ROOM_NAME_RULE)

export type RoomName = z.infer<typeof roomNameSchema>

export function isRoomName(value: string): value is RoomName {
  return roomNameSchema.safeParse(value).success
}
