/**
 * The y-websocket wire protocol, as the stock `WebsocketProvider` speaks it.
 *
 * Every frame is binary: a varuint message kind, then its payload.
 *
 *   sync (0)            varuint sync step, then a varUint8Array:
 *                         step 1 (0): the sender's state vector — "tell me what I am missing"
 *                         step 2 (1): an update with everything the other side was missing
 *                         update (2): an incremental update
 *   awareness (1)       varUint8Array: an awareness update (cursor, name, colour of one or more clients)
 *   auth (2)            not used by us; refused like any unknown kind
 *   query-awareness (3) no payload: "send me every awareness state you know"
 *
 * Handshake: on connect the server sends step 1 and the current awareness; the client answers step 1 with
 * step 2 and sends its own step 1, which the server answers with step 2. From then on both sides send updates.
 *
 * Decoding here never trusts lengths: a truncated or inconsistent frame becomes a `MalformedMessageError`,
 * which closes that one connection.
 */
import type { MessageIntent } from '@werkplaats/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export const MessageKind = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const

export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }

/**
 * What each message kind asks of the room, for the rights table (`mayDo` in shared/src/session/rights.ts).
 * A sync step 2 is a write by its kind; one that changes nothing is let through by the room (see `Room.receive`).
 */
export function messageIntent(message: ClientMessage): MessageIntent {
  switch (message.kind) {
    case 'sync-step-1':
      return 'read'
    case 'sync-step-2':
    case 'sync-update':
      return 'write'
    case 'awareness':
    case 'query-awareness':
      return 'presence'
  }
}

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError'
}

export function readClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame)
  const kind = readVarUint(decoder)
  switch (kind) {
    case MessageKind.sync: {
      const step = readVarUint(decoder)
      const payload = readPayload(decoder)
      if (step === SyncStep.step1) return { kind: 'sync-step-1', stateVector: payload }
      if (step === SyncStep.step2) return { kind: 'sync-step-2', update: payload }
      if (step === SyncStep.update) return { kind: 'sync-update', update: payload }
      throw new MalformedMessageError(`unknown sync step ${step}`)
    }
    case MessageKind.awareness:
      return { kind: 'awareness', update: readPayload(decoder) }
    case MessageKind.queryAwareness:
      return { kind: 'query-awareness' }
    default:
      throw new MalformedMessageError(`unknown message kind ${kind}`)
  }
}

function readVarUint(decoder: decoding.Decoder): number {
  // lib0 reads past the end without complaint for varuints; check first so truncation is reported.
  if (!decoding.hasContent(decoder)) throw new MalformedMessageError('truncated message')
  try {
    return decoding.readVarUint(decoder)
  } catch {
    throw new MalformedMessageError('invalid varuint')
  }
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = readVarUint(decoder)
  if (length > decoder.arr.length - decoder.pos) {
    throw new MalformedMessageError('payload length exceeds the frame')
  }
  return decoding.readUint8Array(decoder, length)
}

/** True for a sync step 2 frame: on the server's side, the answer to a client's sync step 1. */
export function isSyncStep2(frame: Uint8Array): boolean {
  return frame[0] === MessageKind.sync && frame[1] === SyncStep.step2
}

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.step1, stateVector)
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.step2, update)
}

/**
 * The update a sync step 2 frame carries, as a view into the frame (nothing copied): lets one encoding of a
 * whole document serve both as newcomers' answer and as the document's state.
 */
export function syncStep2Update(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  if (readVarUint(decoder) !== MessageKind.sync || readVarUint(decoder) !== SyncStep.step2)
    throw new MalformedMessageError('not a sync step 2')
  return readPayload(decoder)
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncStep.update, update)
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageKind.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageKind.sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}
