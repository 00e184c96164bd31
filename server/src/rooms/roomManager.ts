import { markBoardFull, parseSessionRoomName, REMOVED_FROM_SESSION_REASON, sessionRoomName } from '@werkplaats/shared'
import type * as Y from 'yjs'
import { localFanout, type RemoteEvents, type RoomFanout } from '../fanout/roomFanout.ts'
import { type DocumentStore, RoomDeletedError } from '../store/documentStore.ts'
import { Room, roomDeletedReason, type RoomOptions } from './room.ts'
import { CloseCode, connectionOwner, type Peer } from './peer.ts'
import { log } from '../observability/log.ts'
import { StoredCopies } from './storedCopies.ts'

export interface RoomManagerOptions extends RoomOptions {
  /** A room with no peers is saved and unloaded after this long; a quick reconnect keeps it loaded. */
  unloadAfterMs: number
  /** Most connections one board admits (its peers); the next one is refused with `RoomFullError`. */
  maxPeersPerRoom: number
  /**
   * Most connections one person (a participant or the facilitator, by participant id) may have open on one board:
   * a few tabs and reconnects, not enough to fill the board and shut everyone else out.
   */
  maxPeersPerPerson: number
  /** Most connections all observers of a board may have together: they share one token, so they share one budget. */
  maxObserverPeersPerRoom: number
  /**
   * Whether writing in a room is closed (its session is): asked from the store when the room loads, when the
   * session is closed or reopened on any instance, and when the link to other instances comes back. Without it,
   * rooms are always open.
   */
  writesClosed?: (room: string) => Promise<boolean>
}

export class RoomFullError extends Error {
  override name = 'RoomFullError'
  readonly limit: number
  constructor(limit: number) {
    super(`this board is full (at most ${limit} connections)`)
    this.limit = limit
  }
}

/**
 * One person (or the observers together) already has as many connections to this board as they may; the board
 * itself may still have room for others.
 */
export class TooManyConnectionsError extends Error {
  override name = 'TooManyConnectionsError'
}

/** The room's session was deleted: nobody may open it again. */
export class RoomGoneError extends Error {
  override name = 'RoomGoneError'
}

/**
 * The board's store failed and it is being replaced by a fresh load; the client should reconnect. A join is
 * refused rather than let into a room that will neither sync it nor last.
 */
export class RoomBrokenError extends Error {
  override name = 'RoomBrokenError'
  constructor() {
    super('the board is reloading after a storage error; reconnect')
  }
}

/**
 * How long a deleted room's name is remembered, so that a connection let in just before the deletion cannot
 * bring the room back. Authorising and joining are a few milliseconds apart; after this the store alone refuses
 * anything more for the room (see `DocumentStore.delete`), and the grants are gone. Remembering names for good
 * would grow with every session ever deleted.
 */
export const DISCARDED_MEMORY_MS = 60_000

/**
 * A server change whose store write fails is tried again after each of these pauses, on a fresh load of the room
 * (a failed room closes its peers and is dropped); past them the change fails and so does the request that made
 * it, rather than answering as if the room held what it does not.
 */
/**
 * What the stored copies of idle rooms may hold together (see `StoredCopies`): a few ordinary boards, which are
 * well under a MiB each; a board larger than this is read from the store on each export.
 */
const STORED_COPIES_BYTES = 16 * 1024 * 1024
const CHANGE_RETRY_DELAYS_MS = [20, 200, 1000]

/**
 * Loads a room's document from the store on first connect and unloads it once the last peer has gone and its
 * state is saved. Peers that arrive while a room is loading or unloading wait for that to finish, so there is
 * never more than one live copy of a document.
 */
export class RoomManager {
  readonly #store: DocumentStore
  readonly #options: RoomManagerOptions
  readonly #fanout: RoomFanout
  readonly #rooms = new Map<string, Promise<Room>>()
  readonly #unloadTimers = new Map<string, NodeJS.Timeout>()
  readonly #unloading = new Map<string, Promise<void>>()
  /**
   * Rooms whose documents were deleted, so a connection that was let in just before cannot bring them back: name
   * and when it may be forgotten (`DISCARDED_MEMORY_MS`), oldest first.
   */
  readonly #discarded = new Map<string, number>()
  readonly #storedCopies: StoredCopies

  /** `fanout` connects the rooms to other instances that host them; a single instance needs none. */
  constructor(store: DocumentStore, options: RoomManagerOptions, fanout: RoomFanout = localFanout) {
    this.#store = store
    this.#options = options
    this.#fanout = fanout
    this.#storedCopies = new StoredCopies(store, STORED_COPIES_BYTES)
  }

  get loadedRooms(): number {
    return this.#rooms.size
  }

  /** How many entries each of the manager's per-room maps holds (tests: nothing is kept for rooms long gone). */
  get held(): { rooms: number; unloadTimers: number; unloading: number; discarded: number } {
    this.#forgetOldDiscarded()
    return {
      rooms: this.#rooms.size,
      unloadTimers: this.#unloadTimers.size,
      unloading: this.#unloading.size,
      discarded: this.#discarded.size,
    }
  }

  async join(name: string, peer: Peer): Promise<Room> {
    const room = await this.#open(name)
    if (room.deleted) this.#discard(name)
    if (this.#isDiscarded(name)) throw new RoomGoneError(roomDeletedReason)
    if (room.broken) throw new RoomBrokenError()
    const refusal = this.#overBudget(room, peer)
    if (refusal) {
      this.#scheduleUnloadIfEmpty(room)
      throw refusal
    }
    clearTimeout(this.#unloadTimers.get(name))
    this.#unloadTimers.delete(name)
    room.add(peer)
    return room
  }

  /**
   * Why `peer` may not join `room`, if it may not. The per-person budget comes first: whoever holds one token must
   * not be able to fill the board and have the next real person refused (4429, which the stock client does not
   * retry). Checked and followed by `room.add` in the same turn, so concurrent joins cannot both slip under it.
   */
  #overBudget(room: Room, peer: Peer): Error | undefined {
    const owner = connectionOwner(peer.access)
    const held = room.connectionsOf(owner)
    if (peer.access.role === 'observer') {
      const limit = this.#options.maxObserverPeersPerRoom
      if (held >= limit)
        return new TooManyConnectionsError(
          `too many observer connections on this board (at most ${limit} for all observers together)`,
        )
    } else {
      const limit = this.#options.maxPeersPerPerson
      if (held >= limit)
        return new TooManyConnectionsError(`too many connections for one person on this board (at most ${limit})`)
    }
    if (room.peerCount >= this.#options.maxPeersPerRoom) return new RoomFullError(this.#options.maxPeersPerRoom)
    return undefined
  }

  /**
   * Applies a change of the server's own to a room's document (loading it if needed); resolves once stored. A
   * store failure is tried again on a fresh load (`CHANGE_RETRY_DELAYS_MS`), so `change` runs once per attempt
   * and must say what the document should hold, not add to it. Rejects with `RoomGoneError` for a deleted room,
   * and with the store's error once the attempts are spent.
   */
  async change(name: string, change: (doc: Y.Doc) => void): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.#changeOnce(name, change)
        return
      } catch (error) {
        const delay = CHANGE_RETRY_DELAYS_MS[attempt]
        if (error instanceof RoomGoneError || delay === undefined) throw error
        log.warn({ part: 'rooms', room: name, err: error, retryInMs: delay }, 'a server change could not be stored')
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  async #changeOnce(name: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.#open(name)
    try {
      await room.change(change)
    } catch (error) {
      throw room.deleted ? new RoomGoneError(roomDeletedReason) : error
    } finally {
      this.#afterServerChange(room)
    }
  }

  /** A room the server alone was writing to, whose store failed, has nobody to leave it: it is dropped here. */
  #afterServerChange(room: Room): void {
    if (room.broken && room.peerCount === 0) {
      room.destroy()
      this.#forget(room)
    } else this.#scheduleUnloadIfEmpty(room)
  }

  /**
   * Applies one change of the server's own to several rooms' documents (loading them first) in a single turn, so
   * that what it reads in one and writes in another cannot be overtaken by a client's edit in between; resolves
   * once all of it is stored. Not retried: the caller decides what a half-stored change means.
   */
  async changeTogether(names: readonly string[], change: (docs: Y.Doc[]) => void): Promise<void> {
    const rooms = await Promise.all(names.map((name) => this.#open(name)))
    try {
      const docs = rooms.map((room) => room.doc)
      // Each room's part is one transaction of its document; they nest, so all of them run in this turn.
      const within = (index: number): void => {
        const room = rooms[index]
        if (room) room.apply(() => within(index + 1))
        else change(docs)
      }
      within(0)
      await Promise.all(rooms.map((room) => room.flushed()))
      const failed = rooms.find((room) => room.broken)
      if (failed)
        throw failed.deleted
          ? new RoomGoneError(roomDeletedReason)
          : new Error(`room ${failed.name}: the change could not be saved`)
    } finally {
      for (const room of rooms) this.#afterServerChange(room)
    }
  }

  /**
   * Whether everything room `from` holds would fit into room `into` under its size cap: a server change that
   * copies one room into another (the reveal of private writing) asks first, so that it cannot take a board past
   * the cap that its participants' own edits are held to.
   */
  async fitsInto(from: string, into: string): Promise<boolean> {
    const [source, target] = await Promise.all([this.#open(from), this.#open(into)])
    try {
      return target.hasRoomFor(source.sizeBytes)
    } finally {
      this.#scheduleUnloadIfEmpty(source)
      this.#scheduleUnloadIfEmpty(target)
    }
  }

  /** Reads a room's current document (loading it if needed), with everything applied so far stored. */
  async read<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.#open(name)
    try {
      await room.flushed()
      return read(room.doc)
    } finally {
      this.#scheduleUnloadIfEmpty(room)
    }
  }

  /**
   * A room's document as Yjs updates that together hold all of it, to be read elsewhere (by an export's worker),
   * with everything applied so far stored. A room loaded here answers its whole state, encoded once per version
   * of the document (see `Room.wholeState`), so that reading an unchanged room again costs a lookup. A room not
   * loaded here answers what the store holds, as stored: it is not loaded for the read, because loading decodes
   * the whole document on the event loop (a quarter of a second for a board of 3,000 stickies, every board and
   * request on the instance waiting), while reading the stored bytes costs a few milliseconds per MiB (once: see
   * `StoredCopies`). Either way the bytes are in shared memory (`sharedBytes.ts`), to be read, never written.
   */
  async readUpdates(name: string): Promise<Uint8Array[]> {
    if (this.#isDiscarded(name)) throw new RoomGoneError(roomDeletedReason)
    // An unloading room is stored whole (compacted) once its unload is done.
    await this.#unloading.get(name)
    const loaded = this.#rooms.get(name)
    if (!loaded) return this.#storedCopies.read(name)
    const room = await loaded
    await room.flushed()
    return [room.wholeState]
  }

  /**
   * Deletes a room for good (its session was deleted), on every instance: closes its peers with `code`, drops
   * the document without saving it, removes it from the store, and refuses anyone who comes later. Other
   * instances hear of it through the fan-out and do the same with their own peers; one that misses the message
   * is stopped by the store, which refuses anything more for the room.
   */
  async discard(name: string, code: number = CloseCode.gone, reason = roomDeletedReason): Promise<void> {
    // The others first, so that their peers stop writing as soon as may be; what they still store meanwhile is
    // removed by the delete below.
    this.#fanout.publishDeleted(name)
    await this.#drop(name, code, reason)
    await this.#store.delete(name)
  }

  /**
   * Closes one person's connections to a room, here and on every other instance (the facilitator removed them;
   * their token is already refused, so they cannot come back). A room not loaded here has none of theirs.
   */
  async closePeersOf(name: string, participantId: string, code: number, reason: string): Promise<void> {
    this.#fanout.publishRemoved(name, participantId)
    const room = await this.#rooms.get(name)?.catch(() => undefined)
    room?.closePeersOf(participantId, code, reason)
  }

  /**
   * Reads again whether writing in these rooms is closed (the session was closed or reopened), here and on every
   * other instance that has them loaded. Resolves once the rooms loaded here follow it.
   */
  async writesChanged(names: readonly string[]): Promise<void> {
    for (const name of names) this.#fanout.publishWritesChanged(name)
    await Promise.all(names.map((name) => this.#readWritesClosed(name)))
  }

  async #readWritesClosed(name: string): Promise<void> {
    const room = await this.#rooms.get(name)?.catch(() => undefined)
    if (room) room.writesClosed = await this.#writesClosed(name)
  }

  #writesClosed(name: string): Promise<boolean> {
    return this.#options.writesClosed?.(name) ?? Promise.resolve(false)
  }

  /** Closes the room's peers here and drops its document unsaved; later joins are refused. Keeps the store. */
  async #drop(name: string, code: number, reason: string): Promise<void> {
    this.#discard(name)
    clearTimeout(this.#unloadTimers.get(name))
    this.#unloadTimers.delete(name)
    await this.#unloading.get(name)
    const pending = this.#rooms.get(name)
    if (pending) {
      this.#rooms.delete(name)
      const room = await pending.catch(() => undefined)
      if (room) {
        room.closeAll(code, reason)
        await room.flushed()
        room.destroy()
      }
    }
  }

  leave(room: Room, peer: Peer): void {
    room.remove(peer)
    if (room.broken) {
      // Nothing of a broken room is saved (it holds what the store could not take); once empty it is dropped,
      // and the next join loads the board afresh from the store.
      if (room.peerCount === 0) {
        room.destroy()
        this.#forget(room)
      }
      return
    }
    this.#scheduleUnloadIfEmpty(room)
  }

  /** Saves and unloads every room (shutdown). */
  async closeAll(): Promise<void> {
    for (const timer of this.#unloadTimers.values()) clearTimeout(timer)
    this.#unloadTimers.clear()
    await Promise.all([...this.#unloading.values(), ...[...this.#rooms.keys()].map((name) => this.#unload(name))])
  }

  /**
   * Removes `room` from the map, unless the name already stands for another (a fresh load). A room the store
   * refused as deleted is not loaded again: it is gone on every instance.
   */
  #forget(room: Room): void {
    if (room.deleted) this.#discard(room.name)
    const entry = this.#rooms.get(room.name)
    void entry?.then(
      (loaded) => {
        if (loaded === room && this.#rooms.get(room.name) === entry) this.#rooms.delete(room.name)
      },
      () => {},
    )
  }

  #discard(name: string): void {
    this.#storedCopies.forget(name)
    this.#discarded.delete(name)
    this.#discarded.set(name, Date.now() + DISCARDED_MEMORY_MS)
    this.#forgetOldDiscarded()
  }

  #isDiscarded(name: string): boolean {
    this.#forgetOldDiscarded()
    return this.#discarded.has(name)
  }

  /** Entries are added with one and the same delay, so the oldest come first and the sweep stops at the first young one. */
  #forgetOldDiscarded(): void {
    const now = Date.now()
    for (const [name, until] of this.#discarded) {
      if (until > now) return
      this.#discarded.delete(name)
    }
  }

  async #open(name: string): Promise<Room> {
    if (this.#isDiscarded(name)) throw new RoomGoneError(roomDeletedReason)
    await this.#unloading.get(name)
    let room = this.#rooms.get(name)
    if (!room) {
      room = this.#load(name)
      this.#rooms.set(name, room)
      room.catch(() => this.#rooms.delete(name))
    }
    return room
  }

  /**
   * Subscribes to what other instances publish about the room, then loads it: an update another instance stores
   * meanwhile is either in the load or among the messages, never in neither. Messages that arrive before the room
   * exists are held and handed to it once it does (Yjs ignores what the load already had).
   */
  async #load(name: string): Promise<Room> {
    let room: Room | undefined
    const early: Array<(room: Room) => void> = []
    const forward = (deliver: (room: Room) => void) => (room ? deliver(room) : early.push(deliver))
    const events: RemoteEvents = {
      update: (update, seq) => forward((r) => r.remote.update(update, seq)),
      awareness: (update) => forward((r) => r.remote.awareness(update)),
      awarenessQuery: () => forward((r) => r.remote.awarenessQuery()),
      resync: () =>
        forward((r) => {
          r.remote.resync()
          this.#rereadWritesClosed(name)
        }),
      writesChanged: () => forward(() => this.#rereadWritesClosed(name)),
      removed: (participantId) =>
        forward((r) => r.closePeersOf(participantId, CloseCode.unauthorized, REMOVED_FROM_SESSION_REASON)),
      // Not held for the room: dropping it works on a room still loading, and joins waiting for it are refused.
      deleted: () => {
        this.#drop(name, CloseCode.gone, roomDeletedReason).catch((error: unknown) =>
          log.error({ part: 'rooms', room: name, err: error }, 'could not drop it after its deletion elsewhere'),
        )
      },
    }
    const channel = await this.#fanout.join(name, events)
    // A loaded room answers exports from its document; a stored copy of it would only hold memory.
    this.#storedCopies.forget(name)
    try {
      const [stored, writesClosed] = await Promise.all([this.#store.load(name), this.#writesClosed(name)])
      room = new Room(name, this.#store, stored, { ...this.#options, onFull: this.#boardFull }, channel)
      room.writesClosed = writesClosed
    } catch (error) {
      await channel.leave()
      throw error
    }
    for (const deliver of early) deliver(room)
    // Cursors of people on other instances, who would otherwise show up only when they next move.
    channel.queryAwareness()
    return room
  }

  #rereadWritesClosed(name: string): void {
    this.#readWritesClosed(name).catch((error: unknown) =>
      console.error(`room ${name}: could not read whether its session is closed`, error),
    )
  }

  /**
   * A board refused an update for its size: the control room says so, so that the facilitator's screen shows it
   * whoever filled the board (the sender alone was closed). Private and control rooms tell only their writer.
   */
  #boardFull = (name: string): void => {
    const room = parseSessionRoomName(name)
    if (room?.kind !== 'board') return
    this.change(sessionRoomName(room.sessionId, 'control'), markBoardFull).catch((error: unknown) =>
      log.error({ part: 'rooms', room: name, err: error }, 'could not note in the control room that the board is full'),
    )
  }

  #scheduleUnloadIfEmpty(room: Room): void {
    // A deleted room is dropped already (a server change that was under way when it was deleted ends here).
    if (room.peerCount > 0 || this.#unloadTimers.has(room.name) || this.#isDiscarded(room.name)) return
    const timer = setTimeout(() => {
      this.#unloadTimers.delete(room.name)
      void this.#unload(room.name)
    }, this.#options.unloadAfterMs)
    timer.unref()
    this.#unloadTimers.set(room.name, timer)
  }

  #unload(name: string): Promise<void> {
    const pending = this.#rooms.get(name)
    if (!pending) return Promise.resolve()
    const unloading = (async () => {
      const room = await pending
      if (room.peerCount > 0) return
      this.#rooms.delete(name)
      try {
        await room.compact()
      } catch (error) {
        // The update log is still complete; compaction only saves space. A deleted room has nothing to keep.
        if (!(error instanceof RoomDeletedError))
          log.error({ part: 'rooms', room: name, err: error }, 'compaction on unload failed')
      } finally {
        room.destroy()
      }
    })().finally(() => this.#unloading.delete(name))
    this.#unloading.set(name, unloading)
    return unloading
  }
}
