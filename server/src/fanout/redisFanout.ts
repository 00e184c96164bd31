import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Redis } from 'ioredis'
import { log } from '../observability/log.ts'
import type { RemoteEvents, RoomChannel, RoomFanout } from './roomFanout.ts'
import { decodeWire, encodeWire, WireKind } from './wire.ts'

const channelPrefix = 'werkplaats:room:'
const probePrefix = 'werkplaats:probe:'
/** How long `lag` waits for its probe before it reports it lost. */
const PROBE_TIMEOUT_MS = 2000
const redisLog = log.child({ part: 'redis' })

/**
 * Fan-out through Redis pub/sub: one channel per room, subscribed by every instance that has the room loaded.
 *
 * Redis pub/sub delivers to whoever is subscribed at that moment and keeps nothing, so a message sent while an
 * instance was cut off is gone for it. That is why updates go to the store first and carry their sequence number:
 * when the subscriber connection is ready again, every room here is resubscribed and then told to `resync`,
 * reading from the store what it missed. Subscribing comes before that read, so nothing falls in between.
 */
export class RedisFanout implements RoomFanout {
  readonly #publisher: Redis
  readonly #subscriber: Redis
  readonly #id = randomBytes(16)
  readonly #idHex = this.#id.toString('hex')
  /** Who listens to each room here: one room, or for a moment two while a broken one is replaced by a fresh load. */
  readonly #rooms = new Map<string, Set<RemoteEvents>>()
  /** A channel only this instance listens to, for `lag`'s probes. */
  readonly #probeChannel = probePrefix + this.#idHex
  readonly #probes = new Map<string, () => void>()

  /** Both connections must be up (`connectRedis`); the fan-out owns them from here on. */
  constructor(publisher: Redis, subscriber: Redis) {
    this.#publisher = publisher
    this.#subscriber = subscriber
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#receive(channel, message))
    subscriber.on('ready', () => void this.#resubscribe())
  }

  async join(room: string, events: RemoteEvents): Promise<RoomChannel> {
    const listeners = this.#rooms.get(room) ?? new Set()
    this.#rooms.set(room, listeners)
    listeners.add(events)
    const channel = channelPrefix + room
    try {
      await this.#subscriber.subscribe(channel)
    } catch {
      // Redis is down: the room loads from the store and serves its own peers; `#resubscribe` subscribes it and
      // has it catch up once Redis is back.
    }
    return {
      publishUpdate: (update, seq) => this.#publish(channel, WireKind.update, seq, update),
      publishAwareness: (update) => this.#publish(channel, WireKind.awareness, 0, update),
      queryAwareness: () => this.#publish(channel, WireKind.awarenessQuery, 0, new Uint8Array()),
      leave: async () => {
        if (!listeners.delete(events) || listeners.size > 0) return
        this.#rooms.delete(room)
        await this.#subscriber.unsubscribe(channel).catch(() => {})
      },
    }
  }

  publishDeleted(room: string): void {
    this.#publish(channelPrefix + room, WireKind.deleted, 0, new Uint8Array())
  }

  publishRemoved(room: string, participantId: string): void {
    this.#publish(channelPrefix + room, WireKind.removed, 0, Buffer.from(participantId, 'utf8'))
  }

  /** Resolves when both connections are up and Redis answers (readiness); rejects with what is down. */
  async ping(): Promise<void> {
    if (this.#subscriber.status !== 'ready') throw new Error(`the subscriber connection is ${this.#subscriber.status}`)
    await this.#publisher.ping()
  }

  /**
   * Seconds a message takes through Redis and back to this instance: what the fan-out adds to an update on its
   * way to another instance's peers, measured with a probe on a channel of this instance's own. -1 when the
   * probe did not come back within `PROBE_TIMEOUT_MS` (Redis down or overloaded).
   */
  async lag(): Promise<number> {
    const probe = randomBytes(8).toString('hex')
    let timer: NodeJS.Timeout | undefined
    try {
      // Subscribing again is a no-op for Redis; it puts the subscription back after Redis restarted.
      await this.#subscriber.subscribe(this.#probeChannel)
      const started = performance.now()
      const arrived = new Promise<number>((resolve) => {
        this.#probes.set(probe, () => resolve((performance.now() - started) / 1000))
        timer = setTimeout(() => resolve(-1), PROBE_TIMEOUT_MS)
      })
      await this.#publisher.publish(this.#probeChannel, probe)
      return await arrived
    } catch {
      return -1
    } finally {
      clearTimeout(timer)
      this.#probes.delete(probe)
    }
  }

  publishWritesChanged(room: string): void {
    this.#publish(channelPrefix + room, WireKind.writesChanged, 0, new Uint8Array())
  }

  async close(): Promise<void> {
    this.#rooms.clear()
    this.#subscriber.disconnect()
    this.#publisher.disconnect()
  }

  #publish(channel: string, kind: WireKind, seq: number, payload: Uint8Array): void {
    // A failed publish (Redis down) is not an error for anyone: the others catch up from the store when it is back.
    this.#publisher.publish(channel, encodeWire(kind, this.#id, seq, payload)).catch(() => {})
  }

  #receive(channel: Buffer, message: Buffer): void {
    if (channel.toString('utf8') === this.#probeChannel) {
      this.#probes.get(message.toString('utf8'))?.()
      return
    }
    const room = channel.toString('utf8').slice(channelPrefix.length)
    const listeners = this.#rooms.get(room)
    const decoded = decodeWire(message)
    if (!listeners || !decoded || decoded.sender === this.#idHex) return
    for (const events of listeners) {
      try {
        if (decoded.kind === WireKind.update) events.update(decoded.payload, decoded.seq)
        else if (decoded.kind === WireKind.awareness) events.awareness(decoded.payload)
        else if (decoded.kind === WireKind.deleted) events.deleted()
        else if (decoded.kind === WireKind.removed) events.removed(Buffer.from(decoded.payload).toString('utf8'))
        else if (decoded.kind === WireKind.writesChanged) events.writesChanged()
        else events.awarenessQuery()
      } catch (error) {
        // One room's trouble with one message must not stop the others' messages.
        redisLog.error({ err: error, room }, 'could not apply a message from another instance')
      }
    }
  }

  async #resubscribe(): Promise<void> {
    const rooms = [...this.#rooms.keys()]
    if (rooms.length === 0) return
    try {
      await this.#subscriber.subscribe(...rooms.map((room) => channelPrefix + room))
    } catch (error) {
      // Without the subscription this instance would hear nothing more and never notice: try until it takes.
      redisLog.error({ err: error, rooms: rooms.length }, 'resubscribing the rooms failed; trying again')
      setTimeout(() => void this.#resubscribe(), 250).unref()
      return
    }
    redisLog.warn({ rooms: rooms.length }, 'resubscribed the rooms; catching them up from the store')
    for (const room of rooms) for (const events of this.#rooms.get(room) ?? []) events.resync()
  }
}
