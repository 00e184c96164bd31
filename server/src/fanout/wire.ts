/**
 * The messages instances exchange about a room, one per Redis pub/sub message on the room's channel:
 *
 *   kind (1 byte) | sender instance id (16 bytes) | sequence number (float64, updates only, else 0) | payload
 *
 * The sender id lets an instance skip its own messages, which Redis hands back to it like anyone's. An awareness
 * query, a deletion (the room's session was deleted) and a change of writing (the session was closed or reopened:
 * read it from the store) carry no payload; a removal carries the removed person's participant id (UTF-8).
 */
export const WireKind = {
  update: 1,
  awareness: 2,
  awarenessQuery: 3,
  deleted: 4,
  removed: 5,
  writesChanged: 6,
} as const
export type WireKind = (typeof WireKind)[keyof typeof WireKind]

const header = 1 + 16 + 8

export interface WireMessage {
  kind: WireKind
  sender: string
  seq: number
  payload: Uint8Array
}

export function encodeWire(kind: WireKind, sender: Buffer, seq: number, payload: Uint8Array): Buffer {
  const message = Buffer.allocUnsafe(header + payload.byteLength)
  message.writeUInt8(kind, 0)
  sender.copy(message, 1)
  message.writeDoubleBE(seq, 17)
  message.set(payload, header)
  return message
}

/** Undefined for anything that is not one of our messages (another program on the same channel). */
export function decodeWire(message: Buffer): WireMessage | undefined {
  if (message.byteLength < header) return undefined
  const kind = message.readUInt8(0)
  if (!(Object.values(WireKind) as number[]).includes(kind)) return undefined
  return {
    kind: kind as WireKind,
    sender: message.toString('hex', 1, 17),
    seq: message.readDoubleBE(17),
    payload: new Uint8Array(message.buffer, message.byteOffset + header, message.byteLength - header),
  }
}
