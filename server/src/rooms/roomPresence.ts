import { CloseCode, type Peer } from './peer.ts'
import { PresenceTable, type Place } from './presence.ts'
import { planByInterest } from './presenceInterest.ts'
import { encodeAwareness } from './protocol.ts'

export interface RoomPresenceOptions {
  /** The shortest time awareness changes are gathered before one merged message goes to everyone. */
  awarenessTickMs: number
  /**
   * Awareness bytes per second the room may send in all. Everyone's cursor goes to everyone, so the traffic
   * grows with the square of the room; past this budget the tick lengthens instead of the server drowning.
   */
  awarenessBytesPerSecond: number
  /** 1 on an unhurried server, more when it is saturated (see `LoadGauge`); multiplies the presence tick. */
  slowdown: () => number
  /** From this many peers on a board, presence goes by interest (see `presenceInterest.ts`). */
  presenceInterestFrom?: number
  /** The shortest tick on a board sent by interest: cursors in view move this often, and no more. */
  presenceCrowdTickMs?: number
  /** On a board sent by interest, how often everyone gets the changes of those out of their view. */
  presenceFarIntervalMs?: number
  /** On a board sent by interest, at most this many cursors near a view go to it each tick. */
  presenceNearLimit?: number
}

/** Defaults of the interest options (the server's configuration sets them; see `config.ts`). */
export const presenceInterestDefaults = {
  presenceInterestFrom: 50,
  presenceCrowdTickMs: 150,
  presenceFarIntervalMs: 18_000,
  presenceNearLimit: 8,
} as const

/** Awareness client ids one connection may speak for. */
export const maxClientsPerConnection = 4

/**
 * Who is on one board (cursors, names) and which connection speaks for whom.
 *
 * Changes are merged for one tick and sent as one message to every peer, so a room of N people moving their
 * cursors costs N messages per tick instead of N² per cursor move. The tick lengthens when a room's awareness
 * traffic would pass its byte budget, or when the server is saturated.
 *
 * With several instances, each tick's changes made by this instance's own peers also go, merged, to the other
 * instances (`publish`); what they send joins the table and reaches the peers here with the next tick. Each
 * instance speaks only for its own peers, so nothing echoes back and forth.
 *
 * On a crowded board (`presenceInterestFrom` peers) that would still cost every screen every cursor: there each
 * peer gets the cursors in or near its own view every (longer) tick, and everyone else's changes only with a far
 * frame every `presenceFarIntervalMs` (see `presenceInterest.ts`). Peers looking at the same place share one
 * encoded frame. The far interval stays well under the 30 s after which clients drop a state not renewed.
 */
export class RoomPresence {
  readonly table = new PresenceTable((clientId) => this.#rejected(clientId))
  /** The peers of the room, owned by the room; every tick goes to all of them. */
  readonly #peers: ReadonlySet<Peer>
  readonly #options: RoomPresenceOptions
  /** The awareness client ids each peer introduced. */
  readonly #controlled = new Map<Peer, Set<number>>()
  /** Which peer introduced each present awareness client id. */
  readonly #owners = new Map<number, Peer>()
  #pending = new Set<number>()
  /** Clients whose states the table refused since the last `#dropRejected`. */
  #rejectedIds: number[] = []
  /** Of the pending changes, those of this instance's own peers: the ones to publish. */
  #ownPending = new Set<number>()
  readonly #publish: (update: Uint8Array) => void
  #timer: NodeJS.Timeout | undefined
  #tickMs: number
  /** On a board sent by interest: changes some peers have not been sent yet, owed to everyone by the far frame. */
  readonly #farPending = new Set<number>()
  #lastFarAt = Date.now()
  #farTimer: NodeJS.Timeout | undefined
  readonly #interest: Required<Pick<RoomPresenceOptions, keyof typeof presenceInterestDefaults>>
  readonly #sweep: NodeJS.Timeout

  constructor(
    peers: ReadonlySet<Peer>,
    options: RoomPresenceOptions,
    publish: (update: Uint8Array) => void = () => {},
  ) {
    this.#peers = peers
    this.#options = options
    this.#publish = publish
    this.#tickMs = options.awarenessTickMs
    this.#interest = {
      presenceInterestFrom: options.presenceInterestFrom ?? presenceInterestDefaults.presenceInterestFrom,
      presenceCrowdTickMs: options.presenceCrowdTickMs ?? presenceInterestDefaults.presenceCrowdTickMs,
      presenceFarIntervalMs: options.presenceFarIntervalMs ?? presenceInterestDefaults.presenceFarIntervalMs,
      presenceNearLimit: options.presenceNearLimit ?? presenceInterestDefaults.presenceNearLimit,
    }
    // Clients renew their presence every 15 s; one that stopped (a frozen tab) is removed after 30 s.
    this.#sweep = setInterval(() => {
      const expired = this.table.expire()
      for (const id of expired) {
        const owner = this.#owners.get(id)
        if (owner) this.#controlled.get(owner)?.delete(id)
        this.#owners.delete(id)
      }
      this.#changed(expired)
      this.table.prune()
    }, 5000)
    this.#sweep.unref()
  }

  /** Everyone present, as one awareness frame (what a newcomer and a query-awareness get). */
  framePresent(): Uint8Array {
    return encodeAwareness(this.table.encodePresent())
  }

  join(peer: Peer): void {
    this.#controlled.set(peer, new Set())
  }

  leave(peer: Peer): void {
    const controlled = this.#controlled.get(peer)
    if (!controlled) return
    this.#controlled.delete(peer)
    for (const id of controlled) this.#owners.delete(id)
    // Clients that vanish without saying goodbye would otherwise linger as ghost cursors for 30 s.
    this.#changed(this.table.remove(controlled), true)
  }

  /** Applies one awareness update from `peer`. Throws `MalformedMessageError` if it is not one. */
  receive(peer: Peer, update: Uint8Array): void {
    const controlled = this.#controlled.get(peer)
    if (!controlled) return
    // A connection speaks for its own clients only, and for a few at most (the stock client uses one). The ids
    // this message would add are counted as it is read, before anything of it is applied: one message naming
    // fifty new ids gets as many as the cap leaves, not fifty.
    let adding = 0
    const accept = (id: number) => {
      const owner = this.#owners.get(id)
      if (owner !== undefined) return owner === peer
      if (controlled.size + adding >= maxClientsPerConnection) return false
      adding++
      return true
    }
    const { changed, present, removed } = this.table.apply(update, Date.now(), accept, peer.access.identity)
    for (const id of present) {
      controlled.add(id)
      this.#owners.set(id, peer)
    }
    for (const id of removed) {
      controlled.delete(id)
      this.#owners.delete(id)
    }
    this.#changed(changed, true)
  }

  /**
   * Applies another instance's merged awareness update. Entries of this instance's own peers are never taken
   * from elsewhere. Throws `MalformedMessageError` if it is not one.
   */
  receiveRemote(update: Uint8Array): void {
    const { changed } = this.table.apply(update, Date.now(), (id) => !this.#owners.has(id))
    this.#changed(changed)
  }

  /** Publishes the presence of every peer of this instance (another instance opened the room, or asks again). */
  publishOwn(): void {
    if (this.#owners.size > 0) this.#publish(this.table.encode(this.#owners.keys()))
  }

  destroy(): void {
    this.#rejectedIds = []
    clearTimeout(this.#timer)
    clearTimeout(this.#farTimer)
    clearInterval(this.#sweep)
  }

  /** A state the table refused as it encoded a message: handled once that message is built and gone. */
  #rejected(clientId: number): void {
    if (this.#rejectedIds.push(clientId) === 1) queueMicrotask(this.#dropRejected)
  }

  /**
   * States that turned out not to be valid when they were to be sent (see `PresenceTable`): their removal goes
   * out with the next tick, and whoever sent them is closed, as for any malformed message.
   */
  #dropRejected = (): void => {
    const rejected = this.#rejectedIds
    this.#rejectedIds = []
    // Nothing left: the room was destroyed in between.
    if (rejected.length === 0) return
    const senders = new Set<Peer>()
    for (const id of rejected) {
      const owner = this.#owners.get(id)
      if (owner) senders.add(owner)
    }
    this.#changed(
      rejected.filter((id) => this.#owners.has(id)),
      true,
    )
    this.#changed(rejected.filter((id) => !this.#owners.has(id)))
    for (const peer of senders) peer.close(CloseCode.malformed, 'malformed message: invalid awareness state')
  }

  #changed(clientIds: number[], own = false): void {
    for (const id of clientIds) this.#pending.add(id)
    if (own) for (const id of clientIds) this.#ownPending.add(id)
    if (this.#timer === undefined && this.#pending.size > 0) {
      this.#timer = setTimeout(this.#send, this.#tickMs)
    }
  }

  #send = (): void => {
    this.#timer = undefined
    const changed = [...this.#pending]
    this.#pending.clear()
    if (this.#ownPending.size > 0) {
      this.#publish(this.table.encode(this.#ownPending))
      this.#ownPending.clear()
    }
    if (this.#peers.size >= this.#interest.presenceInterestFrom) {
      this.#sendByInterest(changed)
      return
    }
    // Back under the threshold: whatever was owed goes to everyone now.
    for (const id of this.#farPending) if (!changed.includes(id)) changed.push(id)
    this.#farPending.clear()
    if (changed.length === 0 || this.#peers.size === 0) return
    const frame = encodeAwareness(this.table.encode(changed))
    for (const peer of this.#peers) peer.send(frame)
    this.#pace(frame.byteLength * this.#peers.size, this.#options.awarenessTickMs)
  }

  #sendByInterest(changed: number[]): void {
    const now = Date.now()
    let far: number[] = []
    const farIntervalMs = this.#farIntervalMs()
    if (this.#farPending.size > 0 && now - this.#lastFarAt >= farIntervalMs) {
      // The far frame: what some peers have not had (and what changed since), now to everyone.
      far = [...new Set([...this.#farPending, ...changed])]
      changed = []
      this.#farPending.clear()
      this.#lastFarAt = now
    }
    const placeOf = (clientId: number) => this.table.placeOf(clientId)
    const viewOf = (peer: Peer) => this.#viewOf(peer)
    const plan = planByInterest(this.#peers, viewOf, changed, placeOf, far, this.#interest.presenceNearLimit)
    let sentBytes = 0
    for (const { peers, clientIds } of plan.groups) {
      const frame = encodeAwareness(this.table.encode(clientIds))
      for (const peer of peers) peer.send(frame)
      sentBytes += frame.byteLength * peers.length
    }
    for (const id of plan.deferred) this.#farPending.add(id)
    // Each peer's frame holds at most the cursors near its view, so a tick costs in proportion to the room, not to
    // its square: a saturated server stretches the far frames (everyone to everyone) instead, and cursors in view
    // keep moving.
    this.#pace(sentBytes, this.#interest.presenceCrowdTickMs, 1)
    // Nothing may change for a while, yet what was deferred is owed: a tick then for the far frame alone. Its
    // own timer, so that it never holds back the next regular tick.
    if (this.#farPending.size > 0 && this.#farTimer === undefined) {
      const untilFar = this.#lastFarAt + farIntervalMs - now
      this.#farTimer = setTimeout(this.#sendFar, Math.max(this.#tickMs, untilFar))
    }
  }

  #sendFar = (): void => {
    this.#farTimer = undefined
    // A regular tick is on its way: it sends the far frame, which is due by then.
    if (this.#timer === undefined) this.#send()
  }

  /** Where a peer looks: the view its own presence reports (a stock client reports none). */
  #viewOf(peer: Peer): Place | null {
    for (const id of this.#controlled.get(peer) ?? []) {
      const place = this.table.placeOf(id)
      if (place?.viewport) return place
    }
    return null
  }

  /** How long the far frames wait on a board sent by interest: longer the busier the server (see `LoadGauge`). */
  #farIntervalMs(): number {
    return this.#interest.presenceFarIntervalMs * this.#options.slowdown()
  }

  /** Sets the next tick: long enough that what this one sent stays within the budget. */
  #pace(sentBytes: number, shortestMs: number, slowdown = this.#options.slowdown()): void {
    const budgetMs = (sentBytes / this.#options.awarenessBytesPerSecond) * 1000
    const paced = shortestMs * slowdown
    this.#tickMs = Math.min(2000, Math.round(Math.max(paced, budgetMs)))
  }
}
