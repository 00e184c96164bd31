import type { WebSocket } from 'ws'
import { log } from '../observability/log.ts'
import { type TrafficMeter, unmetered } from '../observability/metrics.ts'
import { CloseCode, type Peer, type PeerAccess } from './peer.ts'
import { isSyncStep2, MalformedMessageError, readClientMessage } from './protocol.ts'
import { type HeldBudget, ownBudget, type PersonBudget } from './personBudgets.ts'
import {
  RoomBrokenError,
  RoomFullError,
  RoomGoneError,
  type RoomManager,
  TooManyConnectionsError,
} from './roomManager.ts'
import type { Room } from './room.ts'

export interface ConnectionLimits {
  messagesPerSecond: number
  messageBurst: number
  bytesPerSecond: number
  byteBurst: number
  /** Bytes waiting in a peer's send buffer before it counts as too slow and is dropped. */
  maxBufferedBytes: number
}

/**
 * One WebSocket connected to one room. It decodes what the client sends and charges it to the sender's budget
 * (a person's, shared by all their connections to the room and kept across reconnects: see `PersonBudget`),
 * hands messages to the room, and protects the room from a client that cannot keep up: frames are dropped onto the socket
 * without waiting, and a socket whose unsent backlog passes `maxBufferedBytes` is closed rather than letting
 * the server's memory grow.
 *
 * Every failure closes this one connection with a code and a reason; the room and its other peers carry on.
 */
export class Connection implements Peer {
  /** Milliseconds since the epoch of the last frame sent, for the keep-alive. */
  lastSentAt = Date.now()
  lastReceivedAt = Date.now()
  /**
   * Set by the keep-alive ping and cleared by the pong or by any frame; a connection still waiting at the next
   * round is dead.
   */
  awaitingPong = false
  readonly access: PeerAccess
  readonly #socket: WebSocket
  readonly #roomName: string
  readonly #rooms: RoomManager
  readonly #limits: ConnectionLimits
  readonly #budget: PersonBudget
  readonly #held: HeldBudget
  /** A sync step 1 has been handed to the room and its answer not yet sent. */
  #answerPending = false
  #room: Room | undefined
  /** Frames that arrive while the room is still loading, handled in order once it is there. */
  #early: Uint8Array[] | undefined = []
  #closed = false
  #allowance = 0
  readonly #meter: TrafficMeter
  /** The code and reason this side closed with; undefined while open, or when the client closed first. */
  #closedWith: { code: number; reason: string } | undefined

  /**
   * `budget`: the sender's (see `PersonBudgets`), released when the connection closes; without one, its own.
   * `meter`: where the frames in and out and the refusals are counted (`Metrics`).
   */
  constructor(
    socket: WebSocket,
    roomName: string,
    access: PeerAccess,
    rooms: RoomManager,
    limits: ConnectionLimits,
    budget: HeldBudget = ownBudget(limits),
    meter: TrafficMeter = unmetered,
  ) {
    this.access = access
    this.#meter = meter
    this.#socket = socket
    this.#roomName = roomName
    this.#rooms = rooms
    this.#limits = limits
    this.#held = budget
    this.#budget = budget.budget
    socket.on('pong', () => {
      this.awaitingPong = false
    })
    // Straight from `ws`: the frame arrives as a Buffer (a Uint8Array view, no copy), and nothing else is
    // allocated per message on the hottest path of the server.
    socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      // `ws` emits this inside its socket's 'data' handling, where an exception would be uncaught and end the
      // process: whatever one message sets off stays this connection's failure.
      try {
        this.receive(isBinary ? toBytes(data) : String(data))
      } catch (error) {
        this.fail('could not handle a message', error)
      }
    })
  }

  /**
   * Something failed on our side while serving this connection (not the client's doing, or it would have its
   * own close code): logged, and this one connection closed with 1011; the room and its other peers carry on.
   */
  get roomName(): string {
    return this.#roomName
  }

  /** How this side closed the connection, for the log; undefined if the client closed it (or it is open). */
  get closedWith(): { code: number; reason: string } | undefined {
    return this.#closedWith
  }

  fail(what: string, error: unknown): void {
    log.error({ part: 'rooms', room: this.#roomName, err: error }, what)
    try {
      this.close(CloseCode.internal, 'internal error')
    } catch {
      // The close itself failed; the socket is cut below.
    }
    // Closed before (with the code of what went wrong then) or closing now; still open only if the close failed.
    if (this.#socket.readyState === this.#socket.OPEN) this.#socket.terminate()
  }

  async open(): Promise<void> {
    try {
      const room = await this.#rooms.join(this.#roomName, this)
      if (this.#closed) {
        this.#rooms.leave(room, this)
        return
      }
      this.#room = room
    } catch (error) {
      if (error instanceof RoomFullError || error instanceof TooManyConnectionsError)
        this.close(CloseCode.roomFull, error.message)
      else if (error instanceof RoomGoneError) this.close(CloseCode.gone, error.message)
      else if (error instanceof RoomBrokenError) this.close(CloseCode.internal, error.message)
      else {
        log.error({ part: 'rooms', room: this.#roomName, err: error }, 'could not open')
        this.close(CloseCode.internal, 'could not open the board')
      }
      return
    }
    const early = this.#early ?? []
    this.#early = undefined
    for (const frame of early) this.#handle(frame)
  }

  receive(frame: Uint8Array | string): void {
    if (this.#closed) return
    this.#meter.received(typeof frame === 'string' ? frame.length : frame.byteLength)
    this.lastReceivedAt = Date.now()
    this.awaitingPong = false
    if (typeof frame === 'string') {
      this.close(CloseCode.unsupported, 'text frames are not part of the protocol')
      return
    }
    if (!this.#budget.messages.take(1) || !this.#budget.bytes.take(frame.byteLength)) {
      this.close(CloseCode.policy, 'rate limit exceeded')
      return
    }
    if (this.#early) this.#early.push(frame)
    else this.#handle(frame)
  }

  #handle(frame: Uint8Array): void {
    const room = this.#room
    if (!room || this.#closed) return
    try {
      const message = readClientMessage(frame)
      if (message.kind === 'sync-step-1' && !this.#mayRequestSync()) return
      if (message.kind === 'query-awareness' && !this.#budget.presenceQueries.take(1)) {
        this.close(CloseCode.policy, 'too many presence queries')
        return
      }
      room.receive(this, message)
    } catch (error) {
      const reason = error instanceof MalformedMessageError ? error.message : 'invalid Yjs data'
      this.close(CloseCode.malformed, `malformed message: ${reason}`)
    }
  }

  /**
   * The stock client asks once per connect (and per resync, if configured); a client that asks more is closed.
   * A request while the last answer is still on its way is dropped: that answer covers it (Yjs ignores what a
   * client already has), and the answer's size is charged only when it is sent.
   */
  #mayRequestSync(): boolean {
    if (!this.#budget.syncRequests.take(1)) {
      this.close(CloseCode.policy, 'too many sync requests')
      return false
    }
    if (this.#answerPending) return false
    if (!this.#budget.answerBytes.take(0)) {
      this.close(CloseCode.policy, 'sync requests over the byte budget')
      return false
    }
    this.#answerPending = true
    return true
  }

  send(frame: Uint8Array): void {
    if (this.#closed) return
    if (isSyncStep2(frame)) {
      this.#answerPending = false
      this.#budget.answerBytes.spend(frame.byteLength)
    }
    // One frame larger than the limit (the whole board in a newcomer's sync step 2) may sit in the buffer on
    // top of it while it drains; otherwise a large board could never be joined over a slow link.
    const buffered = this.#socket.bufferedAmount
    if (buffered > this.#limits.maxBufferedBytes + this.#allowance) {
      this.close(CloseCode.policy, 'connection too slow to keep up with the board')
      return
    }
    if (buffered <= this.#limits.maxBufferedBytes) this.#allowance = 0
    this.#allowance = Math.max(this.#allowance, frame.byteLength)
    this.lastSentAt = Date.now()
    this.#meter.sent(frame.byteLength)
    this.#socket.send(frame, { binary: true })
  }

  pause(): void {
    if (!this.#closed) this.#socket.pause()
  }

  resume(): void {
    if (!this.#closed) this.#socket.resume()
  }

  ping(): void {
    if (this.#closed) return
    this.awaitingPong = true
    this.#socket.ping()
  }

  close(code: number, reason: string): void {
    if (this.#closed) return
    this.#closed = true
    this.#closedWith = { code, reason }
    this.#meter.refused(code)
    // The WebSocket protocol allows 123 bytes of reason and `ws` throws past that; a long one must not crash us
    // (121, so that a character cut in two, which becomes a 3-byte U+FFFD, still fits).
    this.#socket.close(code, Buffer.from(reason).subarray(0, 121).toString())
    // The close handshake queues behind unsent data; a stalled peer would keep its buffer forever.
    setTimeout(() => this.#socket.terminate(), 2000).unref()
    this.onSocketClosed()
  }

  /** Called when the socket has closed, whoever closed it. Idempotent. */
  onSocketClosed(): void {
    this.#held.release()
    this.#closed = true
    this.#early = undefined
    if (this.#room) {
      const room = this.#room
      this.#room = undefined
      this.#rooms.leave(room, this)
    }
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}
