import { mayDo, SESSION_CLOSED_REASON } from '@werkplaats/shared'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import type { RelayMeter } from '../observability/metrics.ts'
import { type RemoteEvents, type RoomChannel, silentChannel } from '../fanout/roomFanout.ts'
import type { DocumentStore, StoredDocument } from '../store/documentStore.ts'
import { CloseCode, connectionOwner, type Peer } from './peer.ts'
import { PersistedDoc, type PersistenceOptions } from './persistedDoc.ts'
import type { PresenceTable } from './presence.ts'
import { type ClientMessage, encodeSyncStep1, encodeSyncStep2, messageIntent, syncStep2Update } from './protocol.ts'
import { RoomPresence, type RoomPresenceOptions } from './roomPresence.ts'
import { sharedCopy } from './sharedBytes.ts'
import { BoardFullError } from './roomSize.ts'
import { changesNothing } from './updateEffect.ts'

/** Why a deleted room's peers are closed (with `CloseCode.gone`), on whichever instance they are. */
export const roomDeletedReason = 'this session was deleted'

/** The origin of changes the server makes itself (control state, participants); relayed to every peer. */
const serverOrigin = Symbol('server')

export interface RoomOptions extends RoomPresenceOptions, PersistenceOptions {
  /** Called when the room first refuses an update for its size (see `roomSize.ts`), so someone can be told. */
  onFull?: (room: string) => void
  /** Where the time from an update's arrival to its relay is counted (`Metrics`). */
  relays?: RelayMeter
  /** Called for every update stored here (a client's or the server's): activity in the room's session. */
  onStored?: (room: string) => void
}

/** An empty state vector: what a newcomer sends who has nothing of the board yet. */
const emptyStateVector = Y.encodeStateVector(new Y.Doc())

/**
 * One board: the peers connected to it, and what each message from them does. The document and its
 * persistence live in `PersistedDoc`, who is there and where their cursor is in `RoomPresence`.
 *
 * Persist, then relay: an update from a peer is applied to the document, stored, and only then relayed to the
 * other peers; a newcomer's sync step 2 likewise waits until what it carries is stored. Nothing a client has
 * seen can thus be lost by a crash.
 *
 * With several instances, a stored update is also published on the room's channel (`RoomChannel`), and what other
 * instances publish comes in through `remote`: applied and relayed, not stored again. Presence crosses the same
 * way, once per tick.
 */
export class Room {
  readonly name: string
  readonly #peers = new Set<Peer>()
  /** Read-only peers whose one sync step 2 has been checked (see `receive`). */
  readonly #answeredReadOnly = new WeakSet<Peer>()
  /** Connections per owner (`connectionOwner`: a person, or the observers together), for the per-person cap. */
  readonly #connectionsPerOwner = new Map<string, number>()
  readonly #document: PersistedDoc
  readonly #presence: RoomPresence
  readonly #channel: RoomChannel
  readonly #onFull: ((room: string) => void) | undefined
  #reportedFull = false
  /**
   * The answer to a sync step 1 that has nothing of the board: the whole board, encoded once for every newcomer
   * until the document changes (cleared on each update).
   */
  #wholeBoardAnswer: Uint8Array | undefined
  /** The same board as a Yjs update in shared memory, for exports (see `wholeState`); cleared with the answer. */
  #sharedWholeState: Uint8Array | undefined
  #destroyed = false
  #deleted = false
  /**
   * Whether the room's session is closed: then nobody writes, whatever their role (the server's own changes still
   * go in). Set by `RoomManager` from the store when the room loads and whenever the session is closed or reopened.
   */
  writesClosed = false

  /** `channel` is how the room reaches other instances that host it; none for a single instance. */
  constructor(name: string, store: DocumentStore, stored: StoredDocument, options: RoomOptions, channel?: RoomChannel) {
    this.name = name
    this.#channel = channel ?? silentChannel
    this.#onFull = options.onFull
    const relays = options.relays
    this.#document = new PersistedDoc(name, store, stored, options, {
      stored: (frame, sender, update, seq, receivedAt) => {
        for (const peer of this.#peers) {
          if (peer !== sender) peer.send(frame)
        }
        this.#channel.publishUpdate(update, seq)
        relays?.relayed((performance.now() - receivedAt) / 1000)
        options.onStored?.(name)
      },
      remote: (frame) => {
        for (const peer of this.#peers) peer.send(frame)
      },
      // Not stored means not relayed. Everyone reconnects to a room loaded from what is stored; their sync
      // step 2 then sends the lost update again. A deleted room is gone for good, whoever deleted it.
      failed: (deleted) => {
        this.#deleted ||= deleted
        for (const peer of [...this.#peers]) {
          if (deleted) peer.close(CloseCode.gone, roomDeletedReason)
          else peer.close(CloseCode.internal, 'could not save the change; reconnect to resync')
        }
      },
      // Backpressure: a slow store must not make the server hold an ever longer queue of unsaved updates.
      behind: (isBehind) => {
        for (const peer of this.#peers) {
          if (isBehind) peer.pause()
          else peer.resume()
        }
      },
    })
    this.#presence = new RoomPresence(this.#peers, options, (update) => this.#channel.publishAwareness(update))
    this.#document.doc.on('update', this.#forgetWholeBoardAnswer)
  }

  #forgetWholeBoardAnswer = (): void => {
    this.#wholeBoardAnswer = undefined
    this.#sharedWholeState = undefined
  }

  /**
   * What other instances send about this room; handed to the fan-out (see `RoomManager`). A deletion is the
   * manager's to handle: it drops the room and refuses joins to it; a removal closes a person's peers
   * (`closePeersOf`); a closed or reopened session has the manager read `writesClosed` again.
   */
  readonly remote: Omit<RemoteEvents, 'deleted' | 'removed' | 'writesChanged'> = {
    update: (update, seq) => this.#document.applyRemote(update, seq),
    awareness: (update) => this.#presence.receiveRemote(update),
    awarenessQuery: () => this.#presence.publishOwn(),
    resync: () => {
      void this.#document.catchUp()
      // Presence sent while the link was down is lost: send ours again and ask for theirs.
      this.#presence.publishOwn()
      this.#channel.queryAwareness()
    },
  }

  get doc(): Y.Doc {
    return this.#document.doc
  }

  get presence(): PresenceTable {
    return this.#presence.table
  }

  /**
   * True once an update could not be stored. The room then holds something the store does not, so it relays
   * nothing more and closes its peers; RoomManager refuses joins to it and drops it once empty, so the clients
   * reconnect to a fresh load, resync with it and send again what was lost.
   */
  get broken(): boolean {
    return this.#document.broken
  }

  /** True once the store refused an update because the room was deleted (see `DocumentStore.delete`). */
  get deleted(): boolean {
    return this.#deleted
  }

  get peerCount(): number {
    return this.#peers.size
  }

  /** How many of this room's peers count against `owner`'s budget (see `RoomManager`). */
  connectionsOf(owner: string): number {
    return this.#connectionsPerOwner.get(owner) ?? 0
  }

  /** Adds a peer and starts the handshake: our state vector, and everyone's awareness. */
  add(peer: Peer): void {
    if (this.#peers.has(peer)) return
    this.#peers.add(peer)
    const owner = connectionOwner(peer.access)
    this.#connectionsPerOwner.set(owner, this.connectionsOf(owner) + 1)
    if (this.#document.behind) peer.pause()
    this.#presence.join(peer)
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    if (this.presence.size > 0) peer.send(this.#presence.framePresent())
  }

  remove(peer: Peer): void {
    if (!this.#peers.delete(peer)) return
    const owner = connectionOwner(peer.access)
    const left = this.connectionsOf(owner) - 1
    if (left > 0) this.#connectionsPerOwner.set(owner, left)
    else this.#connectionsPerOwner.delete(owner)
    this.#presence.leave(peer)
  }

  /**
   * Handles one decoded message. Throws `MalformedMessageError` for an update that builds on data the board
   * does not have or an awareness update that is not one, and whatever Yjs throws for an update it cannot read;
   * the caller closes the peer.
   */
  receive(peer: Peer, message: ClientMessage): void {
    // Rights, checked before anything is applied: the shared table says who may read, write and show presence
    // in which room, and nobody writes in a closed session. A refused write is not applied, not stored and not
    // relayed; its sender is closed.
    const intent = messageIntent(message)
    const refusal = !mayDo(peer.access.role, peer.access.room, intent)
      ? 'read-only'
      : intent === 'write' && this.writesClosed
        ? SESSION_CLOSED_REASON
        : null
    if (refusal !== null) {
      // What the stock provider answers to our one sync step 1 when it has nothing new: not a write. Checking it
      // costs a walk over the board, so a read-only connection gets one such answer, as the stock client sends.
      if (
        message.kind === 'sync-step-2' &&
        !this.#answeredReadOnly.has(peer) &&
        changesNothing(this.doc, message.update)
      ) {
        this.#answeredReadOnly.add(peer)
        return
      }
      peer.close(CloseCode.forbidden, refusal)
      return
    }
    switch (message.kind) {
      case 'sync-step-1': {
        const answer = this.#answerSyncStep1(message.stateVector)
        this.#document.whenStored(() => {
          if (!this.broken) peer.send(answer)
        })
        return
      }
      case 'sync-step-2':
      case 'sync-update':
        try {
          this.#document.apply(message.update, peer)
        } catch (error) {
          if (!(error instanceof BoardFullError)) throw error
          peer.close(CloseCode.boardFull, error.message)
          if (!this.#reportedFull) {
            this.#reportedFull = true
            this.#onFull?.(this.name)
          }
        }
        return
      case 'awareness':
        this.#presence.receive(peer, message.update)
        return
      case 'query-awareness':
        peer.send(this.#presence.framePresent())
        return
    }
  }

  /**
   * Everything `stateVector` lacks, as a sync step 2. A newcomer's answer (it has nothing of the board, or nothing
   * the board still knows of) is the whole board, encoded once per version of the document and shared by every
   * newcomer until the next update; the same bytes go to each of them.
   */
  #answerSyncStep1(stateVector: Uint8Array): Uint8Array {
    if (!knowsAnyOf(this.doc, stateVector)) return this.#wholeAnswer()
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
  }

  /** Whether `bytes` more fit under the room's size cap (see `PersistedDoc.hasRoomFor`). */
  hasRoomFor(bytes: number): boolean {
    return this.#document.hasRoomFor(bytes)
  }

  #wholeAnswer(): Uint8Array {
    this.#wholeBoardAnswer ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc))
    return this.#wholeBoardAnswer
  }

  /**
   * The whole document as one Yjs update, encoded once per version: the update inside the newcomers' answer,
   * copied once per version into shared memory (see `sharedBytes.ts`), so that an export's worker reads it where
   * it is. Nobody writes to these bytes.
   */
  get wholeState(): Uint8Array {
    this.#sharedWholeState ??= sharedCopy(syncStep2Update(this.#wholeAnswer()))
    return this.#sharedWholeState
  }

  /** The size of the board as counted for its cap (see `PersistedDoc.sizeBytes`). */
  get sizeBytes(): number {
    return this.#document.sizeBytes
  }

  /**
   * A change the server makes itself (participants, control state, vote results). It takes the same path as a
   * client's update: stored, and only then relayed to every peer. Resolves once it is stored.
   */
  async change(change: (doc: Y.Doc) => void): Promise<void> {
    this.apply(change)
    await this.flushed()
    if (this.broken) throw new Error(`room ${this.name}: the change could not be saved`)
  }

  /** `change` without waiting for the store: for changes to several rooms made in one turn (see `RoomManager.changeTogether`). */
  apply(change: (doc: Y.Doc) => void): void {
    if (this.broken) throw new Error(`room ${this.name} could not save an earlier change`)
    Y.transact(this.doc, () => change(this.doc), serverOrigin)
  }

  /** Closes the connections of one person (the facilitator removed them from the session). */
  closePeersOf(participantId: string, code: number, reason: string): void {
    for (const peer of [...this.#peers])
      if (peer.access.identity.participantId === participantId) peer.close(code, reason)
  }

  /** Closes every peer (the room is being deleted). */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.#peers]) peer.close(code, reason)
  }

  /** Resolves once every update applied so far is stored (and relayed). */
  flushed(): Promise<void> {
    return this.#document.flushed()
  }

  /** Writes the whole document as one snapshot in place of the update log. */
  compact(): Promise<void> {
    return this.#document.compact()
  }

  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    void this.#channel.leave()
    this.#presence.destroy()
    this.#document.doc.off('update', this.#forgetWholeBoardAnswer)
    this.#forgetWholeBoardAnswer()
    this.#document.destroy()
  }
}

/**
 * Whether a client with `stateVector` has anything of `doc`: false for an empty state vector and for one that
 * names only clients the document has never heard of (or clock 0 for those it has), whose answer is the whole
 * document. Throws what Yjs throws for a state vector it cannot read (the connection closes it as malformed).
 */
function knowsAnyOf(doc: Y.Doc, stateVector: Uint8Array): boolean {
  if (stateVector.byteLength === emptyStateVector.byteLength && stateVector[0] === emptyStateVector[0]) return false
  const known = doc.store.clients
  for (const [client, clock] of Y.decodeStateVector(stateVector)) {
    if (clock > 0 && known.has(client)) return true
  }
  return false
}
