import { mayDo } from '@werkplaats/shared'
import * as Y from 'yjs'
import type { DocumentStore, StoredDocument } from '../store/documentStore.ts'
import { CloseCode, type Peer } from './peer.ts'
import { PresenceTable } from './presence.ts'
import {
  type ClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  messageIntent,
} from './protocol.ts'
import { changesNothing } from './updateEffect.ts'

/** The origin of changes the server makes itself (control state, participants); relayed to every peer. */
const serverOrigin = Symbol('server')

export interface RoomOptions {
  /** The shortest time awareness changes are gathered before one merged message goes to everyone. */
  awarenessTickMs: number
  /**
   * Awareness bytes per second the room may send in all. Everyone's cursor goes to everyone, so the traffic
   * grows with the square of the room; past this budget the tick lengthens instead of the server drowning.
   */
  awarenessBytesPerSecond: number
  /** 1 on an unhurried server, more when it is saturated (see `LoadGauge`); multiplies the presence tick. */
  slowdown: () => number
  /** Compact the update log into one snapshot once it holds this many bytes or entries. */
  compactAfterBytes: number
  compactAfterUpdates: number
}

/** Awareness client ids one connection may speak for. */
const maxClientsPerConnection = 4

/**
 * One board: its Yjs document, the awareness of who is there, and the peers connected to it.
 *
 * Document updates: an update from a peer is applied to the room's document; the document's own `update`
 * event gives exactly what was integrated. Updates integrated in the same turn of the event loop form one
 * batch, merged into one update, appended to the store and only then relayed, encoded once, to every other
 * peer. On a quiet board a batch is one update and costs no delay; on a busy one, batches grow with the load,
 * so a burst of N edits costs one send per peer instead of N. Appends are chained so that relays keep the order
 * in which updates were applied. (Holding batches open on a timer when the server is saturated was tried and
 * measured with `pnpm bench --scenario 3`: the event loop stalled for seconds. Batching per turn does not.)
 *
 * Awareness (cursors, names): changes are merged for one tick and sent as one message to every peer, so a room
 * of N people moving their cursors costs N messages per tick instead of N² per cursor move. The tick lengthens
 * when a room's awareness traffic would pass its byte budget.
 */
export class Room {
  readonly name: string
  readonly doc = new Y.Doc()
  readonly presence = new PresenceTable()
  readonly #peers = new Map<Peer, Set<number>>()
  /** Which peer introduced each present awareness client id. */
  readonly #presenceOwners = new Map<number, Peer>()
  readonly #store: DocumentStore
  readonly #options: RoomOptions
  #writes: Promise<void> = Promise.resolve()
  #lastSeq: number
  /** Entries and bytes in the store's log besides the last snapshot: what compaction would fold away. */
  #logUpdates: number
  #logBytes: number
  #snapshotBytes = 0
  #compacting = false
  #broken = false
  #destroyed = false
  #batch: Uint8Array[] = []
  #batchOrigins = new Set<unknown>()
  #batchScheduled: NodeJS.Immediate | undefined
  #pendingAwareness = new Set<number>()
  #awarenessTimer: NodeJS.Timeout | undefined
  #awarenessTickMs: number
  readonly #presenceSweep: NodeJS.Timeout

  constructor(name: string, store: DocumentStore, stored: StoredDocument, options: RoomOptions) {
    this.name = name
    this.#store = store
    this.#options = options
    this.#lastSeq = stored.lastSeq
    this.#logUpdates = stored.updates.length
    this.#logBytes = stored.bytes
    this.#awarenessTickMs = options.awarenessTickMs
    // Loading is not a change: the stored updates are applied before the room listens, so none is appended again.
    Y.transact(this.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    })
    this.doc.on('update', this.#onDocumentUpdate)
    // Clients renew their presence every 15 s; one that stopped (a frozen tab) is removed after 30 s.
    this.#presenceSweep = setInterval(() => {
      const expired = this.presence.expire()
      for (const id of expired) {
        const owner = this.#presenceOwners.get(id)
        if (owner) this.#peers.get(owner)?.delete(id)
        this.#presenceOwners.delete(id)
      }
      this.#presenceChanged(expired)
      this.presence.prune()
    }, 5000)
    this.#presenceSweep.unref()
  }

  /**
   * True once an update could not be stored. The room then holds something the store does not, so it relays
   * nothing more, closes its peers and is replaced by a fresh load (see RoomManager); the clients resync
   * with it and send again what was lost.
   */
  get broken(): boolean {
    return this.#broken
  }

  get peerCount(): number {
    return this.#peers.size
  }

  /** Adds a peer and starts the handshake: our state vector, and everyone's awareness. */
  add(peer: Peer): void {
    this.#peers.set(peer, new Set())
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    if (this.presence.size > 0) peer.send(encodeAwareness(this.presence.encodePresent()))
  }

  remove(peer: Peer): void {
    const controlled = this.#peers.get(peer)
    if (!controlled) return
    this.#peers.delete(peer)
    for (const id of controlled) this.#presenceOwners.delete(id)
    // Clients that vanish without saying goodbye would otherwise linger as ghost cursors for 30 s.
    this.#presenceChanged(this.presence.remove(controlled))
  }

  /**
   * Handles one decoded message. Throws if Yjs rejects the payload; the caller closes the peer.
   */
  receive(peer: Peer, message: ClientMessage): void {
    // Rights, checked before anything is applied: the shared table says who may read, write and show presence
    // in which room. A refused write is not applied, not stored and not relayed; its sender is closed.
    if (!mayDo(peer.access.role, peer.access.room, messageIntent(message))) {
      // What the stock provider answers to our sync step 1 when it has nothing new: not a write.
      if (message.kind === 'sync-step-2' && changesNothing(this.doc, message.update)) return
      peer.close(CloseCode.forbidden, 'read-only')
      return
    }
    switch (message.kind) {
      case 'sync-step-1': {
        // Everything the answer carries is in a batch once the current one is flushed, so it is committed
        // when the write chain gets this far: only then may a newcomer see it.
        this.#flushBatch()
        const answer = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, message.stateVector))
        void this.#writes.then(() => {
          if (!this.#broken) peer.send(answer)
        })
        return
      }
      case 'sync-step-2':
      case 'sync-update':
        Y.applyUpdate(this.doc, message.update, peer)
        return
      case 'awareness': {
        const controlled = this.#peers.get(peer)
        if (!controlled) return
        // A connection speaks for its own clients only, and for a few at most (the stock client uses one).
        const accept = (id: number) => {
          const owner = this.#presenceOwners.get(id)
          if (owner !== undefined) return owner === peer
          return controlled.size < maxClientsPerConnection
        }
        const { changed, present, removed } = this.presence.apply(message.update, Date.now(), accept, peer.access.identity)
        for (const id of present) {
          controlled.add(id)
          this.#presenceOwners.set(id, peer)
        }
        for (const id of removed) {
          controlled.delete(id)
          this.#presenceOwners.delete(id)
        }
        this.#presenceChanged(changed)
        return
      }
      case 'query-awareness':
        peer.send(encodeAwareness(this.presence.encodePresent()))
        return
    }
  }

  /**
   * A change the server makes itself (participants, control state). It takes the same path as a client's
   * update: batched, stored, and only then relayed to every peer. Resolves once it is stored.
   */
  change(change: (doc: Y.Doc) => void): Promise<void> {
    if (this.#broken) return Promise.reject(new Error(`room ${this.name} could not save an earlier change`))
    Y.transact(this.doc, () => change(this.doc), serverOrigin)
    return this.flushed().then(() => {
      if (this.#broken) throw new Error(`room ${this.name}: the change could not be saved`)
    })
  }

  /** Resolves once every update applied so far is stored (and relayed). */
  flushed(): Promise<void> {
    this.#flushBatch()
    return this.#writes
  }

  /** Writes the whole document as one snapshot in place of the update log. */
  async compact(): Promise<void> {
    await this.flushed()
    if (this.#broken || this.#compacting || this.#logUpdates <= 1) return
    this.#compacting = true
    try {
      const through = this.#lastSeq
      const [updatesBefore, bytesBefore] = [this.#logUpdates, this.#logBytes]
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      await this.#store.compact(this.name, snapshot, through)
      // Appends that landed while the snapshot was being written stay in the log.
      this.#logUpdates -= updatesBefore
      this.#logBytes -= bytesBefore
      this.#snapshotBytes = snapshot.byteLength
    } finally {
      this.#compacting = false
    }
  }

  /** Closes every peer (the room is being deleted). */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.#peers.keys()]) peer.close(code, reason)
  }

  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    clearTimeout(this.#awarenessTimer)
    clearImmediate(this.#batchScheduled)
    clearInterval(this.#presenceSweep)
    this.doc.off('update', this.#onDocumentUpdate)
    this.doc.destroy()
  }

  #onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#batch.push(update)
    this.#batchOrigins.add(origin)
    this.#batchScheduled ??= setImmediate(this.#flushBatch)
  }

  #flushBatch = (): void => {
    clearImmediate(this.#batchScheduled)
    this.#batchScheduled = undefined
    if (this.#batch.length === 0) return
    const update = this.#batch.length === 1 ? (this.#batch[0] as Uint8Array) : Y.mergeUpdates(this.#batch)
    const origins = [...this.#batchOrigins] as Array<Peer | typeof serverOrigin | null>
    this.#batch = []
    this.#batchOrigins = new Set()
    // A sender already has its own update; in a batch from several senders each gets the others' parts and
    // Yjs ignores what it already has.
    const skip = origins.length === 1 ? origins[0] : undefined
    const frame = encodeSyncUpdate(update)
    this.#writes = this.#writes.then(async () => {
      if (this.#broken) return
      try {
        this.#lastSeq = await this.#store.append(this.name, update)
      } catch (error) {
        // Not stored means not relayed. Everyone reconnects to a room loaded from what is stored; their
        // sync step 2 then sends the lost update again.
        console.error(`room ${this.name}: could not store an update`, error)
        this.#broken = true
        for (const peer of [...this.#peers.keys()]) peer.close(CloseCode.internal, 'could not save the change; reconnect to resync')
        return
      }
      this.#logUpdates += 1
      this.#logBytes += update.byteLength
      for (const peer of this.#peers.keys()) {
        if (peer !== skip) peer.send(frame)
      }
      // Past the byte threshold, wait until the log is also as large as the snapshot: rewriting a large board
      // after every small edit would make each edit cost the whole board.
      if (
        this.#logUpdates >= this.#options.compactAfterUpdates ||
        this.#logBytes >= Math.max(this.#options.compactAfterBytes, this.#snapshotBytes)
      ) {
        void this.compact().catch((error: unknown) => console.error(`room ${this.name}: compaction failed`, error))
      }
    })
  }

  #presenceChanged(clientIds: number[]): void {
    for (const id of clientIds) this.#pendingAwareness.add(id)
    if (this.#awarenessTimer === undefined && this.#pendingAwareness.size > 0) {
      this.#awarenessTimer = setTimeout(this.#sendAwareness, this.#awarenessTickMs)
    }
  }

  #sendAwareness = (): void => {
    this.#awarenessTimer = undefined
    const changed = [...this.#pendingAwareness]
    this.#pendingAwareness.clear()
    if (changed.length === 0 || this.#peers.size === 0) return
    const frame = encodeAwareness(this.presence.encode(changed))
    for (const peer of this.#peers.keys()) peer.send(frame)
    // Next tick: long enough that a frame like this one to everyone stays within the budget.
    const budgetMs = ((frame.byteLength * this.#peers.size) / this.#options.awarenessBytesPerSecond) * 1000
    const paced = this.#options.awarenessTickMs * this.#options.slowdown()
    this.#awarenessTickMs = Math.min(2000, Math.round(Math.max(paced, budgetMs)))
  }
}
