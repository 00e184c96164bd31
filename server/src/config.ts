import { resolve } from 'node:path'
import { z } from 'zod'

const positiveInt = z.coerce.number().int().positive()

/**
 * Everything the server reads from its environment, with defaults that suit one machine. Invalid values stop
 * the start with a message naming the variable, rather than running with a surprise.
 */
const environmentSchema = z.object({
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
  /** People one session admits (facilitator and participants). */
  MAX_PARTICIPANTS_PER_SESSION: positiveInt.default(1000),
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
  ROOM_UNLOAD_AFTER_MS: z.coerce.number().int().min(0).default(10_000),
  COMPACT_AFTER_UPDATES: positiveInt.default(1000),
  COMPACT_AFTER_BYTES: positiveInt.default(4 * 1024 * 1024),
  MAX_UNSTORED_BYTES: positiveInt.default(4 * 1024 * 1024),
  /** y-websocket clients reconnect after 30 s without a message; idle connections hear from us before that. */
  KEEPALIVE_MS: positiveInt.default(10_000),
  /** PostgreSQL instead of the SQLite file in DATA_DIR: what several instances share (see docs/deploy.md). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres://user:password@host:port/database URL').optional(),
  /** Redis, through which several instances hand each other the updates and presence of the boards they share. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis://host:port URL').optional(),
  /** Worker threads that render exports (Markdown, CSV, JSON, PDF), so that rendering never holds up the event loop. */
  EXPORT_WORKERS: positiveInt.default(1),
  /** Exports that may wait for a worker; one more is refused (503) rather than queued without end. */
  EXPORT_QUEUE: z.coerce.number().int().min(0).default(8),
  /** Longest one export may render; past it its worker is stopped and replaced, and the request gets a 503. */
  EXPORT_TIMEOUT_MS: positiveInt.default(30_000),
  /** Largest summary an export renders (its text at two bytes a character: what is copied to the worker). */
  MAX_EXPORT_INPUT_BYTES: positiveInt.default(32 * 1024 * 1024),
}).refine((env) => !env.REDIS_URL || env.DATABASE_URL, {
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
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    maxParticipantsPerSession: e.MAX_PARTICIPANTS_PER_SESSION,
    trustProxy: e.TRUST_PROXY === 'true',
    clientDir: e.CLIENT_DIR ? resolve(e.CLIENT_DIR) : resolve(import.meta.dirname, '../../client/dist'),
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    keepAliveMs: e.KEEPALIVE_MS,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    exports: {
      workers: e.EXPORT_WORKERS,
      maxQueued: e.EXPORT_QUEUE,
      timeoutMs: e.EXPORT_TIMEOUT_MS,
      maxInputBytes: e.MAX_EXPORT_INPUT_BYTES,
    },
    rooms: {
      maxPeersPerRoom: e.MAX_CONNECTIONS_PER_BOARD,
      maxPeersPerPerson: e.MAX_CONNECTIONS_PER_PERSON,
      maxObserverPeersPerRoom: e.MAX_OBSERVER_CONNECTIONS_PER_BOARD,
      awarenessTickMs: e.AWARENESS_TICK_MS,
      awarenessBytesPerSecond: e.AWARENESS_BYTES_PER_SECOND,
      unloadAfterMs: e.ROOM_UNLOAD_AFTER_MS,
      compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
      compactAfterBytes: e.COMPACT_AFTER_BYTES,
      maxUnstoredBytes: e.MAX_UNSTORED_BYTES,
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
