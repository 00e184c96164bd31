import { resolve } from 'node:path'
import { z } from 'zod'

const positiveInt = z.coerce.number().int().positive()
/** An origin as it may stand in a CSP header: nothing that could end the directive or start another. */
const ORIGIN = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?$/

/**
 * Everything the server reads from its environment, with defaults that suit one machine. Invalid values stop
 * the start with a message naming the variable, rather than running with a surprise.
 */
const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().default('./data'),
    /** tldraw's production licence key; handed to the browser at run time, so adding one needs no rebuild. */
    TLDRAW_LICENSE_KEY: z.string().optional(),
    /**
     * The address people open, e.g. https://werkplaats.example.org, for the links handed out with a new session.
     * Without it, links use the address the request came in on.
     */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Join-code look-ups per minute from one address (bursts up to twice that): guessing codes stays slow. */
    JOIN_CODE_ATTEMPTS_PER_MINUTE: positiveInt.default(20),
    /** Behind a reverse proxy that sets X-Forwarded-For (nginx, see docs/deploy.md): count join-code attempts by the client's address it names. */
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    /**
     * Joins per minute from one address, with bursts up to JOIN_BURST_PER_ADDRESS: a hundred colleagues behind one
     * office address get in within a minute, a script joining hundreds at once does not.
     */
    JOINS_PER_MINUTE_PER_ADDRESS: positiveInt.default(120),
    JOIN_BURST_PER_ADDRESS: positiveInt.default(40),
    /** New sessions (and copies) per minute from one address, with bursts up to SESSION_CREATION_BURST_PER_ADDRESS. */
    SESSION_CREATIONS_PER_MINUTE_PER_ADDRESS: positiveInt.default(4),
    SESSION_CREATION_BURST_PER_ADDRESS: positiveInt.default(20),
    /** Votes, withdrawals and action marks per minute of one person, with bursts up to VOTE_BURST_PER_PERSON. */
    VOTES_PER_MINUTE_PER_PERSON: positiveInt.default(120),
    VOTE_BURST_PER_PERSON: positiveInt.default(30),
    /**
     * WebSocket connections one address may open per minute (bursts up to twice that): an office of a hundred
     * behind one address opens three or four each, and everyone reconnects at once after a restart.
     */
    RECONNECTS_PER_MINUTE_PER_ADDRESS: positiveInt.default(600),
    /**
     * WebSocket connections one person may open to one room per minute (bursts up to twice that); a session's
     * observers together count as ten people.
     */
    RECONNECTS_PER_MINUTE_PER_PERSON: positiveInt.default(30),
    /** People one session admits (facilitator and participants). */
    MAX_PARTICIPANTS_PER_SESSION: positiveInt.default(1000),
    /**
     * An anonymous vote round with live results shows a new tally only once this many voters have changed their
     * votes since the last one (or the round closes): one step never shows what one person chose.
     */
    LIVE_TALLY_MIN_VOTERS: positiveInt.default(3),
    /**
     * Origins that may show the app in a frame (an intranet portal), separated by spaces, e.g.
     * `https://intranet.example.org`. Without it no page may frame it (`frame-ancestors 'none'`).
     */
    FRAME_ANCESTORS: z
      .string()
      .default('')
      .transform((value) => value.split(/\s+/).filter(Boolean))
      .pipe(
        z.array(
          z
            .url({ protocol: /^https?$/ })
            .transform((url) => new URL(url).origin)
            .pipe(z.string().regex(ORIGIN, 'must be origins like https://intranet.example.org')),
        ),
      ),
    /** WebSocket tickets one token may ask for per minute (bursts up to twice that): each waits until used or expired. */
    TICKETS_PER_MINUTE: positiveInt.default(120),
    /** Largest HTTP request body of the API. */
    MAX_REQUEST_BYTES: positiveInt.default(64 * 1024),
    /** Where the built client lives; the server serves it with an SPA fallback when the folder exists. */
    CLIENT_DIR: z.string().optional(),
    MAX_MESSAGE_BYTES: positiveInt.default(4 * 1024 * 1024),
    MAX_CONNECTIONS_PER_BOARD: positiveInt.default(500),
    /** Connections one participant (or the facilitator) may have on one board: tabs and reconnects, not a flood. */
    MAX_CONNECTIONS_PER_PERSON: positiveInt.default(8),
    /** Connections all observers of a board may have together; they share a link, so they share this budget. */
    MAX_OBSERVER_CONNECTIONS_PER_BOARD: positiveInt.default(50),
    MESSAGES_PER_SECOND: positiveInt.default(300),
    MESSAGE_BURST: positiveInt.default(1000),
    BYTES_PER_SECOND: positiveInt.default(8 * 1024 * 1024),
    MAX_BUFFERED_BYTES: positiveInt.default(8 * 1024 * 1024),
    AWARENESS_TICK_MS: positiveInt.default(50),
    AWARENESS_BYTES_PER_SECOND: positiveInt.default(16 * 1024 * 1024),
    PRESENCE_INTEREST_FROM: positiveInt.default(50),
    PRESENCE_CROWD_TICK_MS: positiveInt.default(150),
    // Clients drop a peer's state after 30 s without a newer one: the far frame must come well before.
    PRESENCE_FAR_INTERVAL_MS: z.coerce.number().int().min(1000).max(20_000).default(18_000),
    PRESENCE_NEAR_LIMIT: positiveInt.default(8),
    ROOM_UNLOAD_AFTER_MS: z.coerce.number().int().min(0).default(10_000),
    COMPACT_AFTER_UPDATES: positiveInt.default(1000),
    COMPACT_AFTER_BYTES: positiveInt.default(4 * 1024 * 1024),
    MAX_UNSTORED_BYTES: positiveInt.default(4 * 1024 * 1024),
    /**
     * A busy board (see `rooms/relayTick.ts`) relays its updates merged once per this many ms; 0: each at once.
     * Off by default: short runs on a shared machine saved CPU only while the server had its core, and added
     * seconds of fan-out when it did not (docs/benchmarks.md, "Relay tick").
     */
    RELAY_TICK_MS: z.coerce.number().int().min(0).max(100).default(0),
    RELAY_BUSY_UPDATES_PER_SECOND: positiveInt.default(100),
    /** Most a board may hold (what a newcomer downloads); an update past it is refused, its sender closed 4413. */
    MAX_BOARD_BYTES: positiveInt.default(64 * 1024 * 1024),
    /** The same for one participant's private room: their stickies until revealed, a small part of a board. */
    MAX_PRIVATE_ROOM_BYTES: positiveInt.default(4 * 1024 * 1024),
    /** The same for the control room (settings, participants, vote rounds): small by nature. */
    MAX_CONTROL_ROOM_BYTES: positiveInt.default(4 * 1024 * 1024),
    /** y-websocket clients reconnect after 30 s without a message; idle connections hear from us before that. */
    KEEPALIVE_MS: positiveInt.default(10_000),
    /** PostgreSQL instead of the SQLite file in DATA_DIR: what several instances share (see docs/deploy.md). */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres://user:password@host:port/database URL')
      .optional(),
    /** Redis, through which several instances hand each other the updates and presence of the boards they share. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis://host:port URL')
      .optional(),
    /** Worker threads that render exports (Markdown, CSV, JSON, PDF), so that rendering never holds up the event loop. */
    EXPORT_WORKERS: positiveInt.default(1),
    /** Exports that may wait for a worker; one more is refused (503) rather than queued without end. */
    EXPORT_QUEUE: z.coerce.number().int().min(0).default(8),
    /** Longest one export may render; past it its worker is stopped and replaced, and the request gets a 503. */
    EXPORT_TIMEOUT_MS: positiveInt.default(30_000),
    /**
     * Largest board an export reads: the board and control rooms' documents as Yjs updates (what is copied to the
     * worker). By default the two rooms' caps together, so that every board the server accepts can be exported;
     * it may be higher (for boards stored before a cap was lowered), never lower.
     */
    MAX_EXPORT_INPUT_BYTES: positiveInt.optional(),
    /**
     * The bearer token Prometheus sends to `GET /metrics`; without it the endpoint does not exist (404). Long enough
     * that it cannot be guessed: the metrics say how busy the service is and when.
     */
    METRICS_TOKEN: z
      .string()
      .optional()
      // Empty (as an environment file may leave it) is the same as unset.
      .transform((token) => token || undefined)
      .pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** How much the server logs (JSON lines on stdout): one of pino's levels, or `silent`. */
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** `pretty` for coloured, readable lines while developing; `json` (one object a line) for a log collector. */
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    /** Longest `/readyz` waits for the store (and Redis) to answer before it reports them as not answering. */
    READINESS_TIMEOUT_MS: positiveInt.default(2000),
    /**
     * Longest a drain (SIGTERM, SIGINT) may take: past it the process exits anyway, with status 1, so that a
     * service manager's own kill (systemd's TimeoutStopSec) never has to cut it off mid-write.
     */
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
    /** A session with no activity (join, connection, stored edit) for this many days is deleted by the daily sweep. */
    RETENTION_DAYS: positiveInt.default(90),
    /** Seconds a facilitator's handover link ("Op een ander apparaat openen") works, once. */
    HANDOVER_TTL_SECONDS: positiveInt.default(600),
    /** Whom to ask about personal data (an address, an e-mail address or a team), named on the `/privacy` page. */
    PRIVACY_CONTACT: z.string().trim().max(500).optional(),
  })
  .refine(
    (env) =>
      env.MAX_EXPORT_INPUT_BYTES === undefined ||
      env.MAX_EXPORT_INPUT_BYTES >= env.MAX_BOARD_BYTES + env.MAX_CONTROL_ROOM_BYTES,
    {
      message:
        'must be at least MAX_BOARD_BYTES + MAX_CONTROL_ROOM_BYTES, or a board the server accepts could not be exported',
      path: ['MAX_EXPORT_INPUT_BYTES'],
    },
  )
  .refine((env) => !env.REDIS_URL || env.DATABASE_URL, {
    // Instances joined through Redis but each on its own SQLite file would each keep a different board.
    message: 'REDIS_URL connects several instances, which must share one store: set DATABASE_URL too',
    path: ['REDIS_URL'],
  })

export type ServerConfig = ReturnType<typeof configFromEnvironment>

export function configFromEnvironment(env: Record<string, string | undefined> = process.env) {
  const parsed = environmentSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`invalid configuration: ${problems.join('; ')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    tldrawLicenseKey: e.TLDRAW_LICENSE_KEY?.trim() || null,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    joinCodeAttemptsPerMinute: e.JOIN_CODE_ATTEMPTS_PER_MINUTE,
    rateLimits: {
      joins: { perMinute: e.JOINS_PER_MINUTE_PER_ADDRESS, burst: e.JOIN_BURST_PER_ADDRESS },
      sessionCreations: {
        perMinute: e.SESSION_CREATIONS_PER_MINUTE_PER_ADDRESS,
        burst: e.SESSION_CREATION_BURST_PER_ADDRESS,
      },
      votes: { perMinute: e.VOTES_PER_MINUTE_PER_PERSON, burst: e.VOTE_BURST_PER_PERSON },
    },
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    frameAncestors: e.FRAME_ANCESTORS,
    ticketsPerMinute: e.TICKETS_PER_MINUTE,
    maxParticipantsPerSession: e.MAX_PARTICIPANTS_PER_SESSION,
    liveTallyMinVoters: e.LIVE_TALLY_MIN_VOTERS,
    trustProxy: e.TRUST_PROXY === 'true',
    clientDir: e.CLIENT_DIR ? resolve(e.CLIENT_DIR) : resolve(import.meta.dirname, '../../client/dist'),
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    keepAliveMs: e.KEEPALIVE_MS,
    retentionDays: e.RETENTION_DAYS,
    handoverTtlSeconds: e.HANDOVER_TTL_SECONDS,
    privacyContact: e.PRIVACY_CONTACT || null,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT },
    readinessTimeoutMs: e.READINESS_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    exports: {
      workers: e.EXPORT_WORKERS,
      maxQueued: e.EXPORT_QUEUE,
      timeoutMs: e.EXPORT_TIMEOUT_MS,
      maxInputBytes: e.MAX_EXPORT_INPUT_BYTES ?? e.MAX_BOARD_BYTES + e.MAX_CONTROL_ROOM_BYTES,
    },
    rooms: {
      maxPeersPerRoom: e.MAX_CONNECTIONS_PER_BOARD,
      maxPeersPerPerson: e.MAX_CONNECTIONS_PER_PERSON,
      maxObserverPeersPerRoom: e.MAX_OBSERVER_CONNECTIONS_PER_BOARD,
      awarenessTickMs: e.AWARENESS_TICK_MS,
      awarenessBytesPerSecond: e.AWARENESS_BYTES_PER_SECOND,
      presenceInterestFrom: e.PRESENCE_INTEREST_FROM,
      presenceCrowdTickMs: e.PRESENCE_CROWD_TICK_MS,
      presenceFarIntervalMs: e.PRESENCE_FAR_INTERVAL_MS,
      presenceNearLimit: e.PRESENCE_NEAR_LIMIT,
      unloadAfterMs: e.ROOM_UNLOAD_AFTER_MS,
      compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
      compactAfterBytes: e.COMPACT_AFTER_BYTES,
      maxUnstoredBytes: e.MAX_UNSTORED_BYTES,
      relayTickMs: e.RELAY_TICK_MS,
      relayBusyUpdatesPerSecond: e.RELAY_BUSY_UPDATES_PER_SECOND,
      maxBoardBytes: e.MAX_BOARD_BYTES,
      maxPrivateRoomBytes: e.MAX_PRIVATE_ROOM_BYTES,
      maxControlRoomBytes: e.MAX_CONTROL_ROOM_BYTES,
    },
    reconnects: {
      perMinutePerAddress: e.RECONNECTS_PER_MINUTE_PER_ADDRESS,
      perMinutePerPerson: e.RECONNECTS_PER_MINUTE_PER_PERSON,
    },
    connection: {
      messagesPerSecond: e.MESSAGES_PER_SECOND,
      messageBurst: e.MESSAGE_BURST,
      bytesPerSecond: e.BYTES_PER_SECOND,
      byteBurst: e.BYTES_PER_SECOND,
      maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    },
  }
}
