import { parseSessionRoomName, type Role, roles } from '@werkplaats/shared'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

/**
 * What each part of the server reports, as narrow interfaces: a part is handed the one it needs (the
 * connections a `TrafficMeter`, the rooms a `RelayMeter`…) and knows nothing of Prometheus. `Metrics` implements
 * them all; `unmetered` does nothing, for parts built without metrics (unit tests, the heap benchmark).
 */
export interface TrafficMeter {
  /** A frame came in from a client (`bytes` long). */
  received(bytes: number): void
  /** A frame went out to a client. */
  sent(bytes: number): void
  /** The server closed a connection with `code` because of what the client did (see `REFUSAL_REASONS`). */
  refused(code: number): void
}

export interface RelayMeter {
  /** An update was relayed to a room's peers `seconds` after the first of its batch arrived (store write included). */
  relayed(seconds: number): void
}

export interface StoreMeter {
  /** A store write (`append` or `compact`) took `seconds`; `entries`: updates it stored. */
  wrote(operation: 'append' | 'compact', seconds: number, entries: number): void
}

export interface ExportMeter {
  /** An export in `format` was answered (or failed: `outcome`) after `seconds`. */
  exported(format: string, outcome: 'ok' | 'failed', seconds: number): void
}

export interface HttpMeter {
  /** A request for `route` (the route's pattern, never its path: ids stay out of labels) was answered. */
  answered(method: string, route: string, status: number, seconds: number): void
}

export const unmetered: TrafficMeter & RelayMeter & StoreMeter & ExportMeter & HttpMeter = {
  received() {},
  sent() {},
  refused() {},
  relayed() {},
  wrote() {},
  exported() {},
  answered() {},
}

/**
 * The label of each close code that refuses what a client sent; other closes (the server restarting, a
 * failure of ours, the client's own) are not refusals. The codes are those of `rooms/peer.ts`.
 */
const REFUSAL_REASONS: ReadonlyMap<number, string> = new Map([
  [1003, 'text_frame'],
  [1007, 'malformed'],
  [1008, 'over_budget'],
  [1009, 'too_big'],
  [4401, 'unauthorized'],
  [4403, 'forbidden'],
  [4404, 'gone'],
  [4413, 'board_full'],
  [4429, 'too_many_connections'],
])

/** What the metrics read when Prometheus asks, rather than being told of every change. */
export interface MetricSources {
  /** Every open WebSocket connection: its role and room. */
  connections(): Iterable<{ readonly access: { readonly role: Role }; readonly roomName: string }>
  roomsLoaded(): number
  /** Vote rounds open in the store (all instances'). */
  openVoteRounds(): Promise<number>
  /** Seconds a message takes through Redis back to this instance (-1: lost); absent with a single instance. */
  fanoutLag?: () => Promise<number>
}

const PREFIX = 'werkplaats_'
/** The methods the API and the client use; any other a client makes up is counted as `other`. */
const HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
/** From a millisecond to ten seconds: a store write, a relay, an HTTP answer. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
/** Exports render for up to `EXPORT_TIMEOUT_MS` (30 s by default). */
const EXPORT_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

/**
 * The server's metrics in the Prometheus text format (`GET /metrics`, `routes/metrics.ts`): Node's and the
 * process's defaults (CPU, memory, event-loop lag, GC) and the product's own, prefixed `werkplaats_`. Labels are
 * drawn from small fixed sets (roles, directions, route patterns, formats, close reasons), never from ids, so the
 * number of series stays bounded whatever people do. One instance per server: its own registry, not prom-client's
 * global one, so that two servers in one process (tests) do not share counts.
 */
export class Metrics implements TrafficMeter, RelayMeter, StoreMeter, ExportMeter, HttpMeter {
  readonly registry = new Registry()
  readonly #messagesIn: Counter.Internal
  readonly #messagesOut: Counter.Internal
  readonly #bytesIn: Counter.Internal
  readonly #bytesOut: Counter.Internal
  readonly #refused: Counter<'reason'>
  readonly #updatesStored: Counter
  readonly #storeWrites: Histogram<'operation'>
  readonly #fanout: Histogram
  readonly #http: Histogram<'method' | 'route' | 'status'>
  readonly #exports: Histogram<'format' | 'outcome'>

  constructor(sources: MetricSources) {
    const registers = [this.registry]
    collectDefaultMetrics({ register: this.registry })
    const messages = new Counter({
      name: `${PREFIX}messages_total`,
      help: 'WebSocket messages received from clients (in) and sent to them (out).',
      labelNames: ['direction'],
      registers,
    })
    const bytes = new Counter({
      name: `${PREFIX}message_bytes_total`,
      help: 'Bytes of WebSocket messages received from clients (in) and sent to them (out).',
      labelNames: ['direction'],
      registers,
    })
    // The children are looked up once: these count every frame, on the hottest path of the server.
    this.#messagesIn = messages.labels('in')
    this.#messagesOut = messages.labels('out')
    this.#bytesIn = bytes.labels('in')
    this.#bytesOut = bytes.labels('out')
    this.#refused = new Counter({
      name: `${PREFIX}refused_messages_total`,
      help: 'Connections closed for what their client sent, by reason (malformed, over_budget, forbidden…).',
      labelNames: ['reason'],
      registers,
    })
    this.#updatesStored = new Counter({
      name: `${PREFIX}updates_stored_total`,
      help: "Entries appended to the document store, each one merged batch of a room's updates.",
      registers,
    })
    this.#storeWrites = new Histogram({
      name: `${PREFIX}store_write_duration_seconds`,
      help: "The document store's write latency: appends (a batch of updates) and compactions.",
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers,
    })
    this.#fanout = new Histogram({
      name: `${PREFIX}fanout_duration_seconds`,
      help: "From an update's arrival to its relay to the room's other peers, the store write included.",
      buckets: LATENCY_BUCKETS,
      registers,
    })
    this.#http = new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'HTTP requests by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    })
    this.#exports = new Histogram({
      name: `${PREFIX}export_duration_seconds`,
      help: 'Exports of session summaries by format and outcome.',
      labelNames: ['format', 'outcome'],
      buckets: EXPORT_BUCKETS,
      registers,
    })
    new Gauge({
      name: `${PREFIX}connections`,
      help: 'Open WebSocket connections on this instance, by role.',
      labelNames: ['role'],
      registers,
      collect() {
        const counts = new Map<Role, number>(roles.map((role) => [role, 0]))
        for (const { access } of sources.connections()) counts.set(access.role, (counts.get(access.role) ?? 0) + 1)
        for (const [role, count] of counts) this.set({ role }, count)
      },
    })
    new Gauge({
      name: `${PREFIX}sessions_active`,
      help: 'Sessions with at least one open connection on this instance.',
      registers,
      collect() {
        const sessions = new Set<string>()
        for (const { roomName } of sources.connections()) {
          const room = parseSessionRoomName(roomName)
          if (room) sessions.add(room.sessionId)
        }
        this.set(sessions.size)
      },
    })
    new Gauge({
      name: `${PREFIX}rooms_loaded`,
      help: 'Rooms (boards, control rooms, private rooms) whose documents are loaded on this instance.',
      registers,
      collect() {
        this.set(sources.roomsLoaded())
      },
    })
    new Gauge({
      name: `${PREFIX}vote_rounds_open`,
      help: 'Vote rounds open, in the store (all instances).',
      registers,
      async collect() {
        this.set(await sources.openVoteRounds())
      },
    })
    const fanoutLag = sources.fanoutLag
    // Only where there is a fan-out through Redis: a single instance shows no series rather than a made-up 0.
    if (fanoutLag)
      new Gauge({
        name: `${PREFIX}redis_fanout_lag_seconds`,
        help: 'How long a message takes through Redis back to this instance; -1 when it did not come back in time.',
        registers,
        async collect() {
          this.set(await fanoutLag())
        },
      })
  }

  received(bytes: number): void {
    this.#messagesIn.inc()
    this.#bytesIn.inc(bytes)
  }

  sent(bytes: number): void {
    this.#messagesOut.inc()
    this.#bytesOut.inc(bytes)
  }

  refused(code: number): void {
    const reason = REFUSAL_REASONS.get(code)
    if (reason) this.#refused.inc({ reason })
  }

  relayed(seconds: number): void {
    this.#fanout.observe(seconds)
  }

  wrote(operation: 'append' | 'compact', seconds: number, entries: number): void {
    this.#storeWrites.observe({ operation }, seconds)
    if (operation === 'append') this.#updatesStored.inc(entries)
  }

  exported(format: string, outcome: 'ok' | 'failed', seconds: number): void {
    this.#exports.observe({ format, outcome }, seconds)
  }

  answered(method: string, route: string, status: number, seconds: number): void {
    this.#http.observe({ method: HTTP_METHODS.has(method) ? method : 'other', route, status: String(status) }, seconds)
  }

  /** The exposition (`text/plain; version=0.0.4`) Prometheus scrapes. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() }
  }
}
