/**
 * How the instances that host the same room hear of each other's changes. The room core does not know whether
 * there are other instances or how messages reach them; one Redis adapter (`redisFanout.ts`) and one for a
 * single instance (`localFanout` below) sit behind this interface.
 *
 * Updates are published only once stored, with the sequence number the store gave them, so an instance that
 * receives one can apply and relay it without storing it again, and can tell from the numbers whether it missed
 * one (see `DocumentStore`). Awareness is published once per presence tick, merged, like what the room sends its
 * own peers.
 */
export interface RoomFanout {
  /**
   * Starts hearing the room's messages from other instances. Resolves once subscribed (or once the subscription
   * is under way while the connection is down, to be followed by `resync`), so a room that subscribes before it
   * loads misses nothing between its load and its first message.
   */
  join(room: string, events: RemoteEvents): Promise<RoomChannel>
  /**
   * Tells every instance that has `room` loaded that it was deleted (its session was), whether or not this one
   * has it loaded. Never throws; an instance that misses it finds out when the store refuses its next write
   * (see `DocumentStore.delete`).
   */
  publishDeleted(room: string): void
  /**
   * Tells every instance that has `room` loaded that a person was removed from its session, so their connections
   * there are closed too. Never throws; a missed message leaves such a connection open until it ends, but its
   * token is refused everywhere from then on.
   */
  publishRemoved(room: string, participantId: string): void
  /**
   * Tells every instance that has `room` loaded that its session was closed or reopened, so they read from the
   * store whether it may be written. Never throws; a missed message is made good by `resync`, which reads it again.
   */
  publishWritesChanged(room: string): void
  close(): Promise<void>
}

/** What another instance sent about a room. */
export interface RemoteEvents {
  /** A stored update, with its sequence number. */
  update(update: Uint8Array, seq: number): void
  /** A merged awareness update of the other instance's own peers. */
  awareness(update: Uint8Array): void
  /** An instance has just opened the room and asks everyone's presence. */
  awarenessQuery(): void
  /** Messages may have been missed (the link to the others was down and is back): catch up from the store. */
  resync(): void
  /** The room was deleted on another instance: close its peers, drop it without saving, refuse later joins. */
  deleted(): void
  /** A person was removed from the room's session: close their connections here. */
  removed(participantId: string): void
  /** The room's session was closed or reopened: read again whether the room may be written. */
  writesChanged(): void
}

/** One room's way out to the other instances. Publishing never throws: a lost message is caught up by `resync`. */
export interface RoomChannel {
  publishUpdate(update: Uint8Array, seq: number): void
  publishAwareness(update: Uint8Array): void
  queryAwareness(): void
  leave(): Promise<void>
}

/** A channel to nobody: a room on a single instance. */
export const silentChannel: RoomChannel = {
  publishUpdate() {},
  publishAwareness() {},
  queryAwareness() {},
  async leave() {},
}

/** One instance: nobody else to tell. */
export const localFanout: RoomFanout = {
  async join() {
    return silentChannel
  },
  publishDeleted() {},
  publishRemoved() {},
  publishWritesChanged() {},
  async close() {},
}
