import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { nowMs } from './clock.ts'
import { BOARD_RECORDS_MAP } from '@werkplaats/shared'
import { type JsonValue, marker, scanMarkers, shapeId, stickyRecord } from './records.ts'

const LOCAL = Symbol('local')
const REMOTE = Symbol('remote')
const MESSAGE_SYNC = 0
const MESSAGE_AWARENESS = 1
/** Hocuspocus's own message kinds besides sync and awareness: the token, and its answer to a sync step 1. */
const MESSAGE_AUTH = 2
const MESSAGE_SYNC_REPLY = 4
/** The path segment of a server URL that tells the client to speak Hocuspocus's framing. */
export const HOCUSPOCUS_PATH = 'hocuspocus'
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2

export interface ClientEvents {
  /** A sync update arrived (`bytes` is the frame's payload); `marks` are the edits it carries. */
  updateReceived(bytes: number, marks: Array<{ sentAt: number; participant: number }>): void
  awarenessReceived(bytes: number): void
  sent(kind: 'edit' | 'awareness' | 'sync', bytes: number): void
  /** The server or the network closed the socket (not us). */
  unexpectedClose(code: number, reason: string): void
}

/**
 * A minimal y-websocket client built on the same y-protocols messages as the stock `WebsocketProvider`:
 * on open it sends sync step 1 and its awareness; it answers the server's step 1 with step 2; it counts as
 * synced when the server's step 2 arrives; it sends each local change as one sync update; after a close it
 * did not ask for it reconnects with the provider's back-off (100 ms × 2^failures, at most 2.5 s) unless the
 * close code is in 4400–4499.
 *
 * Unlike the provider it does not, unless `apply` is set, integrate what it receives into its Y.Doc: it only
 * looks for the edit markers (see records.ts). Its document then holds only its own sticky, which is all it
 * needs to produce correct updates and step-2 answers. One provider per client costs an Awareness with its
 * timers, a BroadcastChannel and a full integration of every update; 300 of them receiving 300 updates a second
 * would make the generator, not the server, the bottleneck on this machine.
 */
export class BenchClient {
  readonly participant: number
  readonly room: string
  readonly url: string
  readonly doc = new Y.Doc()
  readonly records: Y.Map<JsonValue>
  readonly apply: boolean
  /**
   * Whether received updates are searched for edit markers. A crowd of hundreds needs only a sample of clients to
   * time the fan-out; the others receive and answer the protocol all the same but skip the search.
   */
  readonly scan: boolean
  ws: WebSocket | null = null
  synced = false
  /** Bytes of the last sync step 2 payload received (the whole document for a client that knows nothing). */
  lastStep2Bytes = 0
  #events: ClientEvents
  #stopped = false
  #failures = 0
  #awarenessClock = 0
  #awarenessState: { [key: string]: JsonValue } | null = null
  #syncWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = []
  #reconnectTimer: NodeJS.Timeout | undefined
  #edits = 0
  /**
   * For Hocuspocus (a URL under `/hocuspocus/`), the document's name: Hocuspocus puts it before every message and
   * waits for a token message before anything else. The messages themselves are y-protocols' as for the others.
   */
  readonly #hocuspocusDocument: string | null

  constructor(url: string, room: string, participant: number, apply: boolean, events: ClientEvents, scan = true) {
    this.url = url
    this.room = room
    this.participant = participant
    this.apply = apply
    this.scan = scan
    this.#events = events
    this.#hocuspocusDocument = new URL(url).pathname.startsWith(`/${HOCUSPOCUS_PATH}/`) ? room : null
    this.records = this.doc.getMap<JsonValue>(BOARD_RECORDS_MAP)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) this.#sendSync(UPDATE, update, 'edit')
    })
  }

  get open(): boolean {
    return this.ws !== null && this.ws.readyState === WebSocket.OPEN
  }

  /** Opens a connection; resolves once synced (the server's step 2 has arrived). */
  connect(timeoutMs = 30_000): Promise<void> {
    this.#stopped = false
    clearTimeout(this.#reconnectTimer)
    this.#openSocket()
    return this.whenSynced(timeoutMs)
  }

  whenSynced(timeoutMs = 30_000): Promise<void> {
    if (this.synced) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#syncWaiters = this.#syncWaiters.filter((w) => w.resolve !== done)
        reject(new Error(`participant ${this.participant}: not synced within ${timeoutMs} ms`))
      }, timeoutMs)
      const done = (): void => {
        clearTimeout(timer)
        resolve()
      }
      this.#syncWaiters.push({
        resolve: done,
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
    })
  }

  /** Replaces this participant's sticky (the first call creates it), stamped with the send time. */
  edit(x: number, y: number, index = 0, text?: string): number {
    const sentAt = nowMs()
    this.#edits += 1
    const record = stickyRecord(
      shapeId(this.participant, index),
      x,
      y,
      text ?? `Idee van deelnemer ${this.participant}, versie ${this.#edits}`,
      marker(sentAt, this.participant),
      this.participant,
    )
    this.doc.transact(() => this.records.set(shapeId(this.participant, index), record), LOCAL)
    return sentAt
  }

  /** Creates `count` stickies in one transaction (one update), unmarked. */
  seed(count: number): void {
    this.doc.transact(() => {
      for (let i = 0; i < count; i++) {
        const id = shapeId(this.participant, i)
        this.records.set(id, stickyRecord(id, (i % 40) * 220, Math.floor(i / 40) * 220, `Sticky ${i}`, '', i))
      }
    }, LOCAL)
  }

  /** Sets and sends this participant's awareness state, as a cursor move does. */
  setAwareness(state: { [key: string]: JsonValue }): void {
    this.#awarenessState = state
    this.#awarenessClock += 1
    this.#sendAwareness()
  }

  /** Drops the connection at once, as a network failure would, and reconnects right away. */
  dropAndReconnect(): Promise<void> {
    const ws = this.ws
    this.ws = null
    this.synced = false
    if (ws) {
      ws.removeAllListeners()
      ws.on('error', () => {})
      ws.terminate()
    }
    return this.connect()
  }

  /** Closes for good: no reconnect, no disconnect counted. */
  stop(): void {
    this.#stopped = true
    clearTimeout(this.#reconnectTimer)
    const ws = this.ws
    this.ws = null
    this.synced = false
    for (const waiter of this.#syncWaiters.splice(0)) waiter.reject(new Error('stopped'))
    if (ws) {
      ws.removeAllListeners()
      ws.on('error', () => {})
      if (ws.readyState === WebSocket.OPEN) {
        ws.close(1000)
        setTimeout(() => ws.terminate(), 500).unref()
      } else ws.terminate()
    }
  }

  destroy(): void {
    this.stop()
    this.doc.destroy()
  }

  #openSocket(): void {
    const ws = new WebSocket(this.url, { perMessageDeflate: false })
    this.ws = ws
    this.synced = false
    ws.on('open', () => {
      if (this.ws !== ws) return
      if (this.#hocuspocusDocument !== null) {
        // No token is checked (no onAuthenticate hook), but the message must come first.
        const auth = encoding.createEncoder()
        encoding.writeVarUint(auth, MESSAGE_AUTH)
        encoding.writeVarUint(auth, 0)
        encoding.writeVarString(auth, '')
        this.#send(encoding.toUint8Array(auth), 'sync')
      }
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      encoding.writeVarUint(encoder, STEP1)
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc))
      this.#send(encoding.toUint8Array(encoder), 'sync')
      // The server marked our state removed with clock + 1 when a previous connection closed; go past it.
      this.#awarenessClock += 1
      if (this.#awarenessState) this.#sendAwareness()
    })
    ws.on('message', (data: Buffer) => {
      if (this.ws === ws) this.#receive(data)
    })
    ws.on('error', () => {
      // 'close' follows; connection errors are counted there.
    })
    ws.on('close', (code: number, reason: Buffer) => {
      if (this.ws !== ws) return
      this.ws = null
      this.synced = false
      if (this.#stopped) return
      this.#events.unexpectedClose(code, reason.toString())
      for (const waiter of this.#syncWaiters.splice(0)) waiter.reject(new Error(`closed ${code} before synced`))
      if (code >= 4400 && code < 4500) return
      const delay = Math.min(2 ** this.#failures * 100, 2500)
      this.#failures += 1
      this.#reconnectTimer = setTimeout(() => {
        if (!this.#stopped && this.ws === null) this.#openSocket()
      }, delay)
    })
  }

  #receive(data: Buffer): void {
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    const decoder = decoding.createDecoder(frame)
    if (this.#hocuspocusDocument !== null) decoding.readVarString(decoder)
    let kind = decoding.readVarUint(decoder)
    if (kind === MESSAGE_SYNC_REPLY && this.#hocuspocusDocument !== null) kind = MESSAGE_SYNC
    if (kind === MESSAGE_AWARENESS) {
      this.#events.awarenessReceived(data.byteLength)
      return
    }
    if (kind !== MESSAGE_SYNC) return
    const step = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (step === STEP1) {
      this.#sendSync(STEP2, Y.encodeStateAsUpdate(this.doc, payload), 'sync')
    } else if (step === STEP2) {
      if (this.apply) Y.applyUpdate(this.doc, payload, REMOTE)
      this.lastStep2Bytes = payload.byteLength
      this.synced = true
      this.#failures = 0
      for (const waiter of this.#syncWaiters.splice(0)) waiter.resolve()
    } else if (step === UPDATE) {
      const marks: Array<{ sentAt: number; participant: number }> = []
      if (this.scan) {
        scanMarkers(data, (sentAt, participant) => {
          if (participant !== this.participant) marks.push({ sentAt, participant })
        })
      }
      this.#events.updateReceived(data.byteLength, marks)
      if (this.apply) Y.applyUpdate(this.doc, payload, REMOTE)
    }
  }

  #sendSync(step: number, payload: Uint8Array, kind: 'edit' | 'sync'): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    encoding.writeVarUint(encoder, step)
    encoding.writeVarUint8Array(encoder, payload)
    this.#send(encoding.toUint8Array(encoder), kind)
  }

  #sendAwareness(): void {
    if (!this.#awarenessState) return
    const update = encoding.createEncoder()
    encoding.writeVarUint(update, 1)
    encoding.writeVarUint(update, this.doc.clientID)
    encoding.writeVarUint(update, this.#awarenessClock)
    encoding.writeVarString(update, JSON.stringify(this.#awarenessState))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update))
    this.#send(encoding.toUint8Array(encoder), 'awareness')
  }

  #send(frame: Uint8Array, kind: 'edit' | 'awareness' | 'sync'): void {
    const ws = this.ws
    if (!ws || ws.readyState !== WebSocket.OPEN) return
    if (this.#hocuspocusDocument !== null) {
      const addressed = encoding.createEncoder()
      encoding.writeVarString(addressed, this.#hocuspocusDocument)
      encoding.writeUint8Array(addressed, frame)
      frame = encoding.toUint8Array(addressed)
    }
    ws.send(frame, { binary: true })
    this.#events.sent(kind, frame.byteLength)
  }
}
