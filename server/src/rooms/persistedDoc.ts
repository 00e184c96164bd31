import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { log } from '../observability/log.ts'
import { type DocumentStore, RoomDeletedError, type StoredDocument } from '../store/documentStore.ts'
import { CompactionQueue } from './compactionQueue.ts'
import { encodeSyncUpdate, MalformedMessageError } from './protocol.ts'
import { RelayTick } from './relayTick.ts'
import { BoardFullError, roomSizeCap, type RoomSizeLimits } from './roomSize.ts'
import { missingDependency } from './updateDependencies.ts'

export interface PersistenceOptions extends RoomSizeLimits {
  /** Compact the update log into one snapshot once it holds this many bytes or entries. */
  compactAfterBytes: number
  compactAfterUpdates: number
  /**
   * Bytes of applied updates that may wait behind the write in flight. Past this the store is falling behind:
   * the room stops reading from its peers until the waiting updates have gone to the store.
   */
  maxUnstoredBytes: number
  /** Where compactions wait their turn: one queue for all the rooms of a process (see `compactionQueue.ts`). */
  compactions: CompactionQueue
  /** How long a gap in the sequence numbers may stay open before the missing entries are read from the store. */
  gapWaitMs: number
  /** A busy board's relay tick (see `relayTick.ts`); none: every update is relayed as soon as it is stored. */
  relayTickMs?: number
  relayBusyUpdatesPerSecond?: number
}

/**
 * The timings a server runs its rooms with: a queue whose pause between compactions leaves most of each second to
 * relaying in a burst, and a second for a message from another instance to arrive out of order.
 */
export function serverPersistenceTimings(): Pick<PersistenceOptions, 'compactions' | 'gapWaitMs'> {
  return { compactions: new CompactionQueue(50), gapWaitMs: 1000 }
}

/** Updates that other instances stored: applied and relayed, never appended again. */
const remoteOrigin = Symbol('another instance')

/** What the room hears from its document's persistence. */
export interface PersistenceEvents {
  /**
   * A batch of updates is stored: relay `frame` (one sync update) to every peer but `sender`, which already has
   * it (undefined when the batch came from several senders; each gets the others' parts and Yjs ignores what it
   * already has). `receivedAt`: when the batch's first update was applied (`performance.now()`).
   */
  stored(frame: Uint8Array, sender: unknown, update: Uint8Array, seq: number, receivedAt: number): void
  /**
   * Another instance's update, already stored there, is applied: relay `frame` to every peer. It is not stored
   * again and not published again.
   */
  remote(frame: Uint8Array): void
  /**
   * An update could not be stored; the document now holds something the store does not. `deleted`: because the
   * room was deleted (on another instance, whose message did not reach this one), not because the store failed.
   */
  failed(deleted: boolean): void
  /** The store has fallen behind (true) and caught up again (false); see `maxUnstoredBytes`. */
  behind(isBehind: boolean): void
}

/**
 * A board's Yjs document and its persistence: what is applied to the document is appended to the store, and
 * the room hears of it only once it is stored.
 *
 * The document's own `update` event gives exactly what was integrated. One append is in flight at a time;
 * updates integrated meanwhile wait and go, merged into one update, as the next append, and are handed to the
 * room for relaying once it is stored. On a quiet board an append is one update and costs no delay; on a busy
 * board or with a slow store, appends grow with the load instead of queueing one per turn of the event loop, so
 * a burst of N edits costs one send per peer instead of N, and relays keep the order in which updates were
 * applied. With `relayTickMs` set, a busy board (hundreds of edits a second) also holds its batch open for a short
 * tick (`relayTick.ts`), so that each screen gets one frame per tick instead of one per edit. (Holding every board's batches open on a
 * timer when the server is saturated was tried and measured with `pnpm bench --scenario 3`: the event loop stalled
 * for seconds. The tick applies only to a board that is busy by its own rate.)
 *
 * Compaction rewrites the whole document as one snapshot in place of the log, once the log is large enough.
 *
 * With several instances, others append to the same log. Their updates arrive through `applyRemote` with their
 * sequence numbers; `#foldedThrough` is the number below which every entry is in this document, whoever wrote it.
 * Compaction goes only that far, so it never drops an entry this instance has not folded in; a gap that stays
 * open (a message lost on the way) is filled from the store with `catchUp`.
 */
export class PersistedDoc {
  readonly doc = new Y.Doc()
  readonly #name: string
  readonly #store: DocumentStore
  readonly #options: PersistenceOptions
  readonly #events: PersistenceEvents
  /** Every log entry up to this sequence number is in the document. */
  #foldedThrough: number
  /** Sequence numbers above `#foldedThrough` already in the document, waiting for the gap below them to close. */
  readonly #foldedAbove = new Set<number>()
  #gapTimer: NodeJS.Timeout | undefined
  #catchingUp: Promise<void> | undefined
  #catchUpAgain = false
  /** Entries and bytes in the store's log besides the last snapshot: what compaction would fold away. */
  #logUpdates: number
  #logBytes: number
  #snapshotBytes: number
  #compacting = false
  /** The most bytes this room may hold (see `roomSize.ts`). */
  readonly #cap: number
  /**
   * The board's size as counted for its cap: an upper bound of what it encodes to (what a newcomer downloads),
   * kept without encoding anything. The last exact count (a compaction's snapshot, or what the store gave at
   * load) plus the bytes of every update applied since, whoever sent it.
   */
  #countedBytes: number
  /** Bytes counted since the last exact count: what a fresh encoding might find folded away (overwritten, deleted). */
  #countedSinceExact: number
  /** The sequence number the last compaction went through (what the load's first entry covers, at first). */
  #compactedThrough = 0
  #broken = false
  #destroyed = false
  /** Updates applied and not yet handed to the store, with their origins and whoever waits for them. */
  #waiting: Uint8Array[] = []
  #waitingBytes = 0
  #waitingOrigins = new Set<unknown>()
  /** When the first of the waiting updates was applied. */
  #waitingSince = 0
  #waitingCallbacks: Array<() => void> = []
  /** Who waits for the append in flight; undefined when none is. */
  #inFlight: Array<() => void> | undefined
  /** Cancels the flush that is scheduled (after this turn, or after a busy board's tick); undefined when none is. */
  #cancelFlush: (() => void) | undefined
  readonly #relayTick: RelayTick
  #behind = false

  constructor(
    name: string,
    store: DocumentStore,
    stored: StoredDocument,
    options: PersistenceOptions,
    events: PersistenceEvents,
  ) {
    this.#name = name
    this.#store = store
    this.#options = options
    this.#events = events
    this.#relayTick = new RelayTick({
      tickMs: options.relayTickMs ?? 0,
      busyUpdatesPerSecond: options.relayBusyUpdatesPerSecond ?? Number.POSITIVE_INFINITY,
    })
    this.#foldedThrough = stored.lastSeq
    this.#logUpdates = stored.updates.length
    // The first entry is the snapshot of the last compaction (on a board never compacted, its first update): a
    // freshly loaded large board is not rewritten whole for its first small edit.
    this.#snapshotBytes = stored.updates[0]?.byteLength ?? 0
    this.#logBytes = stored.bytes - this.#snapshotBytes
    this.#cap = roomSizeCap(name, options)
    this.#countedBytes = stored.bytes
    this.#countedSinceExact = stored.bytes
    // Loading is not a change: the stored updates are applied before the document is watched, so none is
    // appended again.
    Y.transact(this.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    })
    this.doc.on('update', this.#onDocumentUpdate)
  }

  /** True once an update could not be stored; nothing more is stored or handed on. */
  get broken(): boolean {
    return this.#broken
  }

  /** True while the store is behind and the room should not read more from its peers. */
  get behind(): boolean {
    return this.#behind
  }

  /** The board's size as counted for its cap (see `#countedBytes`). */
  get sizeBytes(): number {
    return this.#countedBytes
  }

  /**
   * Applies a peer's update; `origin` is handed back with the stored batch. Throws `MalformedMessageError` for an
   * update that builds on data the document does not have (see `missingDependency`), `BoardFullError` for one
   * that would take the board past its cap, and whatever Yjs throws for one it cannot read; either way nothing of
   * it is kept.
   */
  apply(update: Uint8Array, origin: unknown): void {
    if (missingDependency(update, this.doc) !== undefined) {
      throw new MalformedMessageError('the update needs data the board does not have')
    }
    if (!this.#hasRoomFor(update.byteLength)) throw new BoardFullError(this.#cap)
    Y.applyUpdate(this.doc, update, origin)
    const { store } = this.doc
    if (store.pendingStructs !== null || store.pendingDs !== null) {
      // Not reached for anything the check above knows; should Yjs put something aside all the same, it is
      // dropped rather than kept for every newcomer and every later update.
      store.pendingStructs = null
      store.pendingDs = null
      throw new MalformedMessageError('the update needs data the board does not have')
    }
  }

  /** Whether `bytes` more fit under the cap: for a change the server makes itself and should not push past it. */
  hasRoomFor(bytes: number): boolean {
    return this.#hasRoomFor(bytes)
  }

  /**
   * Whether `bytes` more fit under the cap. The count is an upper bound: edits that overwrite or delete earlier
   * ones are counted in full, though the document keeps little of them. So before refusing, a board whose count
   * grew by an eighth of the cap since it was last counted exactly is encoded once to count it exactly (what a
   * compaction does; it is queued too, so that the store follows). An eighth: a board is never refused while
   * it holds less than seven eighths of its cap, and encoding it costs at most once per eighth of the cap
   * applied, however the edits are cut up.
   */
  #hasRoomFor(bytes: number): boolean {
    if (this.#countedBytes + bytes <= this.#cap) return true
    if (this.#countedSinceExact < this.#cap / 8) return false
    this.#countExactly(Y.encodeStateAsUpdate(this.doc).byteLength)
    if (this.#logUpdates > 1) this.#options.compactions.enqueue(this, this.#compactQuietly)
    return this.#countedBytes + bytes <= this.#cap
  }

  #countExactly(bytes: number): void {
    this.#countedBytes = bytes
    this.#countedSinceExact = 0
  }

  /**
   * Applies an update another instance stored as entry `seq`, and relays it to this instance's peers (through
   * `remote`). One that builds on something this document lacks (a message before it was lost) is not applied;
   * the document catches up from the store instead, which has both.
   */
  applyRemote(update: Uint8Array, seq: number): void {
    if (this.#broken || this.#destroyed) return
    if (missingDependency(update, this.doc) !== undefined) {
      void this.catchUp()
      return
    }
    Y.applyUpdate(this.doc, update, remoteOrigin)
    this.#logUpdates += 1
    this.#logBytes += update.byteLength
    this.#folded(seq)
  }

  /**
   * Reads from the store whatever is newer than what this document has folded in, applies it and relays it. For a
   * gap that stayed open and after the link to the other instances was down. Calls made while one runs make it
   * run once more after, so nothing stored before the last call is left out.
   */
  catchUp(): Promise<void> {
    if (this.#catchingUp) {
      this.#catchUpAgain = true
      return this.#catchingUp
    }
    this.#catchingUp = (async () => {
      do {
        this.#catchUpAgain = false
        if (this.#broken || this.#destroyed) return
        const newer = await this.#store.loadSince(this.#name, this.#foldedThrough)
        if (this.#destroyed) return
        Y.transact(
          this.doc,
          () => {
            for (const update of newer.updates) Y.applyUpdate(this.doc, update)
          },
          remoteOrigin,
        )
        this.#logUpdates += newer.updates.length
        this.#logBytes += newer.bytes
        // What the store returned runs up to newer.lastSeq without a gap (a snapshot stands in for entries it folded).
        if (newer.lastSeq > this.#foldedThrough) {
          this.#foldedThrough = newer.lastSeq
          this.#folded(newer.lastSeq)
        }
      } while (this.#catchUpAgain)
    })()
      .catch((error: unknown) =>
        log.error({ part: 'rooms', room: this.#name, err: error }, 'could not catch up from the store'),
      )
      .finally(() => (this.#catchingUp = undefined))
    return this.#catchingUp
  }

  /** Entry `seq` is in the document: move the watermark over every entry now known to be folded in. */
  #folded(seq: number): void {
    if (seq > this.#foldedThrough) this.#foldedAbove.add(seq)
    while (this.#foldedAbove.delete(this.#foldedThrough + 1)) this.#foldedThrough++
    for (const above of this.#foldedAbove) if (above <= this.#foldedThrough) this.#foldedAbove.delete(above)
    if (this.#foldedAbove.size > 0 && this.#gapTimer === undefined) {
      // Updates from two instances may arrive out of order; a gap still open a while later was lost on the way.
      const waitingFor = this.#foldedThrough
      this.#gapTimer = setTimeout(() => {
        this.#gapTimer = undefined
        if (this.#foldedThrough === waitingFor && this.#foldedAbove.size > 0) void this.catchUp()
        else if (this.#foldedAbove.size > 0) this.#folded(this.#foldedThrough)
      }, this.#options.gapWaitMs)
      this.#gapTimer.unref()
    }
  }

  /**
   * Calls `then` once everything applied so far is stored (or could not be: check `broken`). What a newcomer is
   * sent must wait for this, so that no client sees what a crash could still lose.
   */
  whenStored(then: () => void): void {
    if (this.#waiting.length > 0) {
      this.#waitingCallbacks.push(then)
      this.#flush()
    } else if (this.#inFlight) {
      this.#inFlight.push(then)
    } else {
      then()
    }
  }

  /** Resolves once every update applied so far is stored (and handed on). */
  flushed(): Promise<void> {
    return new Promise((resolve) => this.whenStored(resolve))
  }

  /** Writes the whole document as one snapshot in place of the update log. */
  async compact(): Promise<void> {
    await this.flushed()
    if (this.#broken || this.#destroyed || this.#compacting || this.#logUpdates <= 1) return
    this.#compacting = true
    try {
      const through = this.#foldedThrough
      // Nothing folded in since the last compaction (entries of others wait for a gap to close): the log's counters
      // must keep counting towards the next one.
      if (through <= this.#compactedThrough) return
      const [updatesBefore, bytesBefore] = [this.#logUpdates, this.#logBytes]
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      this.#countExactly(snapshot.byteLength)
      await this.#store.compact(this.#name, snapshot, through)
      // Appends that landed while the snapshot was being written stay in the log.
      this.#logUpdates -= updatesBefore
      this.#logBytes -= bytesBefore
      this.#snapshotBytes = snapshot.byteLength
      this.#compactedThrough = through
    } finally {
      this.#compacting = false
    }
  }

  #compactQuietly = (): Promise<void> =>
    this.compact().catch((error: unknown) => {
      if (!(error instanceof RoomDeletedError))
        log.error({ part: 'rooms', room: this.#name, err: error }, 'compaction failed')
    })

  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    this.#cancelFlush?.()
    clearTimeout(this.#gapTimer)
    this.doc.off('update', this.#onDocumentUpdate)
    this.doc.destroy()
  }

  #onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#countedBytes += update.byteLength
    this.#countedSinceExact += update.byteLength
    if (origin === remoteOrigin) {
      this.#events.remote(encodeSyncUpdate(update))
      return
    }
    const now = performance.now()
    const delay = this.#relayTick.delayFor(now)
    if (this.#waiting.length === 0) this.#waitingSince = now
    this.#waiting.push(update)
    this.#waitingBytes += update.byteLength
    this.#waitingOrigins.add(origin)
    if (!this.#inFlight) {
      // After the turn's reads: every update of a busy room read in this turn goes as one append, one frame per
      // peer. (Flushing as a microtask after each read was tried: it relays one turn sooner, but a busy room would
      // then send up to two frames per peer per turn, and scenario 3's latency did not move.)
      // A busy board waits a tick longer, so that its screens get one frame per tick rather than one per update.
      if (!this.#cancelFlush) this.#scheduleFlush(delay)
    } else if (!this.#behind && this.#waitingBytes >= this.#options.maxUnstoredBytes) {
      this.#behind = true
      this.#events.behind(true)
    }
  }

  #scheduleFlush(delayMs: number): void {
    if (delayMs > 0) {
      const timer = setTimeout(this.#flush, delayMs)
      this.#cancelFlush = () => clearTimeout(timer)
    } else {
      const immediate = setImmediate(this.#flush)
      this.#cancelFlush = () => clearImmediate(immediate)
    }
  }

  /** Hands what is waiting to the store as one append, unless one is in flight (it comes next, then). */
  #flush = (): void => {
    this.#cancelFlush?.()
    this.#cancelFlush = undefined
    if (this.#inFlight || this.#waiting.length === 0) return
    const updates = this.#waiting
    const origins = [...this.#waitingOrigins]
    const callbacks = this.#waitingCallbacks
    this.#waiting = []
    this.#waitingBytes = 0
    this.#waitingOrigins = new Set()
    this.#waitingCallbacks = []
    this.#inFlight = callbacks
    if (this.#behind) {
      this.#behind = false
      this.#events.behind(false)
    }
    void this.#append(updates, origins.length === 1 ? origins[0] : undefined, this.#waitingSince)
  }

  async #append(updates: Uint8Array[], sender: unknown, receivedAt: number): Promise<void> {
    try {
      if (this.#broken) return
      const update = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
      let seq: number
      try {
        seq = await this.#store.append(this.#name, update)
      } catch (error) {
        const deleted = error instanceof RoomDeletedError
        // A deleted room refusing an edit is no storage trouble: nothing of it is to be kept.
        if (!deleted) log.error({ part: 'rooms', room: this.#name, err: error }, 'could not store an update')
        this.#broken = true
        this.#events.failed(deleted)
        return
      }
      this.#folded(seq)
      this.#logUpdates += 1
      this.#logBytes += update.byteLength
      this.#events.stored(encodeSyncUpdate(update), sender, update, seq, receivedAt)
      // Past the byte threshold, wait until the log is also as large as the snapshot: rewriting a large board
      // after every small edit would make each edit cost the whole board.
      if (
        this.#logUpdates >= this.#options.compactAfterUpdates ||
        this.#logBytes >= Math.max(this.#options.compactAfterBytes, this.#snapshotBytes)
      ) {
        // Queued with every other room's (see compactionQueue.ts); it compacts whatever the log holds by then.
        this.#options.compactions.enqueue(this, this.#compactQuietly)
      }
    } finally {
      const callbacks = this.#inFlight ?? []
      this.#inFlight = undefined
      for (const callback of callbacks) callback()
      // Everything that arrived meanwhile goes at once, as one append.
      this.#flush()
    }
  }
}
