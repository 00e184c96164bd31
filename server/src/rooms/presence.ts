/**
 * Who is on a board and where their cursor is: the y-protocols awareness table, kept the way the server needs
 * it. Clients send awareness updates (a list of `clientID, clock, state as JSON`); a state with a higher clock
 * replaces the old one, and a `null` state with the same or a higher clock removes it.
 *
 * The server reads one thing inside a state: it writes the sender's identity (name and role from its token,
 * field `identity`) over whatever the browser put there, so presence can be trusted. Otherwise it only checks
 * that each state is valid JSON (a broken one would break every other client's next presence message) and
 * keeps the encoded bytes, so merging the table into one message per tick is a copy, not a JSON round trip for
 * each state and each tick.
 *
 * A state is checked and stamped when it is first sent on (`encode`), not when it arrives: cursors arrive ten
 * times a second per person, and on a busy server a room sends its merged presence only every few hundred
 * milliseconds, so most states are replaced before anyone is sent them (`pnpm bench --scenario 3`: 20,000 cursor
 * moves a second against ~2,500 presence frames). What arrives is only framed and bounded at once; a state that
 * turns out not to be JSON (or, with an identity, not an object) is never sent: it is dropped, sent on as a
 * removal, and reported to the table's owner (`onRejected`) so the room can close its sender.
 */
import { IDENTITY_AWARENESS_FIELD, PRESENCE_AWARENESS_FIELD } from '@werkplaats/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MalformedMessageError } from './protocol.ts'

/**
 * Largest awareness state one client may publish. Our presence (name, colour, cursor, viewport, up to 500
 * selected ids) stays well under it; every state is kept and sent to every newcomer, so it must be bounded.
 */
export const maxPresenceStateBytes = 32 * 1024

/** The y-protocols timeout: a client that has not renewed its state for this long is gone. */
export const presenceTimeoutMs = 30_000

/**
 * One client's presence, kept for as long as the client is known and rewritten in place: a cursor moving ten
 * times a second allocates nothing here. (When each move made a new entry and a new copy of the state, those
 * lived ~100 ms, long enough on a busy server to be promoted out of the young generation, and were the largest
 * share of what each major garbage collection had to free: `pnpm bench --scenario 3`, docs/benchmarks.md.)
 */
class Entry {
  clock = 0
  /** The state's JSON text as UTF-8 is `bytes[0, length)`; `length` is -1 once removed (the clock stays). */
  bytes: Uint8Array = noBytes
  length = -1
  updatedAt = 0
  /** False while the state is as received, not yet checked and stamped (see `encode`). */
  checked = true
  /** What to write into the state's `identity` field when it is checked; undefined: nothing. */
  identity: unknown = undefined
  /** Where the state says its client is, read when it is checked; null when it says nothing we can use. */
  place: Place | null = null

  get present(): boolean {
    return this.length >= 0
  }

  /** The state's bytes, or null once removed. A view: valid until the entry changes. */
  json(): Uint8Array | null {
    return this.length < 0 ? null : this.bytes.subarray(0, this.length)
  }

  /** A client's new state (copied: the caller's bytes are a view into a frame) or, with null, its removal. */
  update(clock: number, state: Uint8Array | null, identity: unknown, now: number): void {
    this.clock = clock
    this.updatedAt = now
    if (state === null) {
      this.remove(now)
      return
    }
    this.hold(state)
    this.checked = false
    this.identity = identity
  }

  /**
   * Removed; the clock stays. A removed entry lingers for the timeout (its clock must), so it lets its bytes go:
   * otherwise a client adding and removing fresh ids with large states could make the server hold 32 KiB per id
   * for half a minute.
   */
  remove(now: number): void {
    this.length = -1
    this.place = null
    this.bytes = noBytes
    this.checked = true
    this.updatedAt = now
  }

  /** Holds `state` as the entry's bytes; a buffer far larger than the state is let go. */
  hold(state: Uint8Array): void {
    if (this.bytes.length > oversized && this.bytes.length > 4 * (state.length + identityHeadroom)) this.bytes = noBytes
    this.reserve(state.length, false)
    this.bytes.set(state)
    this.length = state.length
  }

  /** Room for `capacity` bytes, keeping what is there if `keep`; with headroom for the identity field. */
  reserve(capacity: number, keep: boolean): void {
    if (capacity <= this.bytes.length) return
    const larger = new Uint8Array(capacity + identityHeadroom)
    if (keep && this.length > 0) larger.set(this.bytes.subarray(0, this.length))
    this.bytes = larger
  }
}

/** Bytes reserved beyond a state for the `,"identity":{…}` written into it: a name, a role, an id. */
const identityHeadroom = 256
/** Buffers up to this size are kept whatever the state's size (a cursor state is ~300 bytes). */
const oversized = 4096
const noBytes = new Uint8Array(0)

// `ignoreBOM` as lib0 decodes on the clients: a state that starts with a byte-order mark is then refused here
// (JSON.parse fails on it) instead of being accepted here and breaking every client's presence message.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const utf8Encoder = new TextEncoder()
const nullJson = new TextEncoder().encode('null')

export class PresenceTable {
  readonly #entries = new Map<number, Entry>()
  readonly #onRejected: (clientId: number) => void

  /**
   * `onRejected` hears of each client whose state turned out not to be a valid one when it was to be sent; its
   * entry is removed by then. It is called while a message is being encoded: it must not change the table.
   */
  constructor(onRejected: (clientId: number) => void = () => {}) {
    this.#onRejected = onRejected
  }

  /** Bytes the entries' buffers hold, removed ones included; for tests and diagnostics. */
  get retainedBytes(): number {
    let bytes = 0
    for (const entry of this.#entries.values()) bytes += entry.bytes.length
    return bytes
  }

  /** Client ids with a state (not removed). */
  get size(): number {
    let count = 0
    for (const entry of this.#entries.values()) if (entry.present) count++
    return count
  }

  has(clientId: number): boolean {
    return this.#entries.get(clientId)?.present === true
  }

  /** The state of a client as parsed JSON; for tests and diagnostics. */
  stateOf(clientId: number): unknown {
    const entry = this.#entries.get(clientId)
    if (entry) this.#check(clientId, entry)
    const json = entry?.json()
    return json ? JSON.parse(utf8.decode(json)) : undefined
  }

  /**
   * Applies one awareness update; entries for which `accept` says no are skipped. Returns the client ids whose entry changed (added, renewed, or removed) and
   * which of them are now present, so the room can track which clients a connection speaks for. Throws
   * `MalformedMessageError` and applies nothing if any part of the update is malformed (framing, lengths, size).
   *
   * With `identity`, every state must be a JSON object, and its `identity` field becomes `identity`. Whether it
   * is, is checked when the state is first encoded (see the module's comment and `onRejected`).
   */
  apply(
    update: Uint8Array,
    now = Date.now(),
    accept: (clientId: number) => boolean = () => true,
    identity?: unknown,
  ): { changed: number[]; present: number[]; removed: number[] } {
    const decoder = decoding.createDecoder(update)
    const incoming: Array<{ clientId: number; clock: number; json: Uint8Array | null }> = []
    try {
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) {
        const clientId = decoding.readVarUint(decoder)
        const clock = decoding.readVarUint(decoder)
        const length = decoding.readVarUint(decoder)
        if (length > decoder.arr.length - decoder.pos)
          throw new MalformedMessageError('awareness state exceeds the frame')
        if (length > maxPresenceStateBytes)
          throw new MalformedMessageError(`awareness state over ${maxPresenceStateBytes} bytes`)
        const bytes = decoding.readUint8Array(decoder, length)
        incoming.push({ clientId, clock, json: isJsonNull(bytes) ? null : bytes })
      }
    } catch (error) {
      if (error instanceof MalformedMessageError) throw error
      throw new MalformedMessageError('invalid awareness update')
    }
    const changed: number[] = []
    const present: number[] = []
    const removed: number[] = []
    for (const { clientId, clock, json } of incoming) {
      if (!accept(clientId)) continue
      const entry = this.#entries.get(clientId)
      const currentClock = entry?.clock ?? 0
      const removes = json === null && entry?.present === true
      if (currentClock < clock || (currentClock === clock && removes)) {
        const kept = entry ?? new Entry()
        if (!entry) this.#entries.set(clientId, kept)
        kept.update(clock, json, identity, now)
        changed.push(clientId)
        if (json) present.push(clientId)
        else removed.push(clientId)
      }
    }
    return { changed, present, removed }
  }

  /**
   * Removes clients (their connection closed). The clock stays as it was, as in y-protocols: clients accept a
   * removal at the same clock, and a client that reconnects at once is accepted again with its next state.
   */
  remove(clientIds: Iterable<number>, now = Date.now()): number[] {
    const removed: number[] = []
    for (const clientId of clientIds) {
      const entry = this.#entries.get(clientId)
      if (!entry?.present) continue
      entry.remove(now)
      removed.push(clientId)
    }
    return removed
  }

  /** Removes clients that have not renewed their state within the timeout; returns their ids. */
  expire(now = Date.now()): number[] {
    const stale: number[] = []
    for (const [clientId, entry] of this.#entries) {
      if (entry.present && now - entry.updatedAt >= presenceTimeoutMs) stale.push(clientId)
    }
    return this.remove(stale, now)
  }

  /** Forgets removed entries older than the timeout, so a long session does not keep every visitor's clock. */
  prune(now = Date.now()): void {
    for (const [clientId, entry] of this.#entries) {
      if (!entry.present && now - entry.updatedAt >= presenceTimeoutMs) this.#entries.delete(clientId)
    }
  }

  /** One awareness update carrying the given clients' entries (removed ones as `null`). */
  encode(clientIds: Iterable<number>): Uint8Array {
    const encoder = encoding.createEncoder()
    const known: Array<[number, Entry]> = []
    for (const clientId of clientIds) {
      const entry = this.#entries.get(clientId)
      if (!entry) continue
      this.#check(clientId, entry)
      known.push([clientId, entry])
    }
    encoding.writeVarUint(encoder, known.length)
    for (const [clientId, entry] of known) {
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, entry.clock)
      encoding.writeVarUint8Array(encoder, entry.json() ?? nullJson)
    }
    return encoding.toUint8Array(encoder)
  }

  /** Every present client's entry: what a newcomer is sent. */
  encodePresent(): Uint8Array {
    const present: number[] = []
    for (const [clientId, entry] of this.#entries) {
      if (entry.present && this.#check(clientId, entry)) present.push(clientId)
    }
    return this.encode(present)
  }

  /**
   * Where a present client is (page, cursor, view) and whether it is the facilitator, as its state says; null
   * for a removed client or a state without our presence (a stock y-websocket client's). Checks the state first.
   */
  placeOf(clientId: number): Place | null {
    const entry = this.#entries.get(clientId)
    if (!entry?.present || !this.#check(clientId, entry)) return null
    return entry.place
  }

  /** Checks and stamps a state as received; one that is not valid becomes a removal. False if it was rejected. */
  #check(clientId: number, entry: Entry): boolean {
    const json = entry.json()
    if (entry.checked || !json) return true
    entry.checked = true
    try {
      const state: unknown = JSON.parse(utf8.decode(json))
      stamp(entry, state, entry.identity)
      entry.place = placeIn(state, entry.identity)
      return true
    } catch {
      entry.remove(entry.updatedAt)
      this.#onRejected(clientId)
      return false
    }
  }
}

/** What the server reads of a state's presence to send it by interest (see `roomPresence.ts`). */
export interface Place {
  pageId: string
  cursor: { x: number; y: number } | null
  viewport: { x: number; y: number; w: number; h: number } | null
  facilitator: boolean
}

/**
 * The page, cursor and view in a state's `presence` field, read with plain checks: this runs for every state
 * sent on, and a schema parse of each would cost more than the rest of the state's way through the server. The
 * role is the server's own (`identity`), or for a state from another instance, the identity that one stamped.
 */
function placeIn(state: unknown, identity: unknown): Place | null {
  if (!isObject(state)) return null
  const presence = state[PRESENCE_AWARENESS_FIELD]
  if (!isObject(presence) || typeof presence.pageId !== 'string') return null
  const cursor = presence.cursor
  const viewport = presence.viewport
  const stamped = identity ?? state[IDENTITY_AWARENESS_FIELD]
  return {
    pageId: presence.pageId,
    cursor: isObject(cursor) && finite(cursor.x) && finite(cursor.y) ? { x: cursor.x, y: cursor.y } : null,
    viewport:
      isObject(viewport) && finite(viewport.x) && finite(viewport.y) && positive(viewport.w) && positive(viewport.h)
        ? { x: viewport.x, y: viewport.y, w: viewport.w, h: viewport.h }
        : null,
    facilitator: isObject(stamped) && stamped.role === 'facilitator',
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function positive(value: unknown): value is number {
  return finite(value) && value > 0
}

const JSON_NULL = [0x6e, 0x75, 0x6c, 0x6c]
/** True for the JSON text `null` (with blanks around it): a client removing its state. */
function isJsonNull(bytes: Uint8Array): boolean {
  let start = 0
  let end = bytes.length
  while (start < end && isJsonBlank(bytes[start] as number)) start++
  while (end > start && isJsonBlank(bytes[end - 1] as number)) end--
  return end - start === 4 && JSON_NULL.every((byte, i) => bytes[start + i] === byte)
}

function isJsonBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}

/** Writes the server-known identity over the browser's claim, into the entry's own bytes where it can. */
function stamp(entry: Entry, state: unknown, identity: unknown): void {
  if (identity === undefined) return
  if (typeof state !== 'object' || state === null || Array.isArray(state)) {
    throw new MalformedMessageError('an awareness state must be an object')
  }
  // A browser that claims an identity of its own: rebuild the state with the server's in its place (rare).
  if (Object.hasOwn(state, IDENTITY_AWARENESS_FIELD)) {
    entry.hold(utf8Encoder.encode(JSON.stringify({ ...state, [IDENTITY_AWARENESS_FIELD]: identity })))
    return
  }
  // The usual case: `,"identity":…` spliced in before the closing brace. The same JSON as stringifying
  // `{ ...state, identity }`, without a second JSON round trip (the bytes were just parsed as an object, so the
  // last non-blank byte is its `}`).
  const { bytes } = entry
  let end = entry.length - 1
  while (end > 0 && bytes[end] !== CLOSE_BRACE) end--
  const field = identityField(identity)
  // `{}` gets `{"identity":…}`: the field without its leading comma.
  const written = Object.keys(state).length === 0 ? field.subarray(1) : field
  const length = end + written.length + 1
  entry.reserve(length, true)
  entry.bytes.set(written, end)
  entry.bytes[length - 1] = CLOSE_BRACE
  entry.length = length
}

const CLOSE_BRACE = 0x7d
/** `,"identity":<JSON>` per identity object: a connection's identity is one object for its whole life. */
const identityFields = new WeakMap<object, Uint8Array>()
function identityField(identity: unknown): Uint8Array {
  const key = typeof identity === 'object' && identity !== null ? identity : null
  const cached = key ? identityFields.get(key) : undefined
  if (cached) return cached
  const field = utf8Encoder.encode(`,${JSON.stringify(IDENTITY_AWARENESS_FIELD)}:${JSON.stringify(identity)}`)
  if (key) identityFields.set(key, field)
  return field
}
