import type { ServerConfig } from './config.ts'
import { RedisAttemptLimiter } from './fanout/redisAttemptLimiter.ts'
import { RedisFanout } from './fanout/redisFanout.ts'
import { localFanout, type RoomFanout } from './fanout/roomFanout.ts'
import { AddressLimiter, type AttemptLimiter } from './http/addressLimiter.ts'
import type { RateLimit } from './http/rateLimits.ts'
import { MemoryTicketStore, RedisTicketStore, type TicketStore } from './sessions/roomTickets.ts'
import type { DocumentStore } from './store/documentStore.ts'
import type { SessionRepository } from './store/sessionRepository.ts'
import { SqliteSessionRepository } from './store/sqliteSessionRepository.ts'
import { SqliteDocumentStore } from './store/sqliteStore.ts'
import { SqliteVoteRepository } from './store/sqliteVoteRepository.ts'
import type { VoteRepository } from './store/voteRepository.ts'

export interface Stores {
  documents: DocumentStore
  sessions: SessionRepository
  votes: VoteRepository
  /** Where they are, for the start-up message. */
  description: string
}

/**
 * The stores the configuration asks for: PostgreSQL with DATABASE_URL (checked and migrated here, so a wrong URL
 * stops the start with a message instead of failing the first request), else the SQLite file in DATA_DIR.
 */
export async function openStores(config: ServerConfig): Promise<Stores> {
  if (config.databaseUrl) {
    // Loaded only here: an instance on SQLite (the default) does not carry the PostgreSQL driver in its memory.
    const [{ PostgresDatabase }, { PostgresDocumentStore }, { PostgresSessionRepository }, { PostgresVoteRepository }] =
      await Promise.all([
        import('./store/postgresDatabase.ts'),
        import('./store/postgresStore.ts'),
        import('./store/postgresSessionRepository.ts'),
        import('./store/postgresVoteRepository.ts'),
      ])
    const database = await PostgresDatabase.connect(config.databaseUrl)
    return {
      documents: new PostgresDocumentStore(database),
      sessions: new PostgresSessionRepository(database),
      votes: new PostgresVoteRepository(database),
      description: `PostgreSQL at ${database.where}`,
    }
  }
  return sqliteStores(config.dataDir)
}

/** The SQLite stores, all in one file in `dataDir`: what a server runs on when it is not told otherwise. */
export function sqliteStores(dataDir: string): Stores {
  return {
    documents: new SqliteDocumentStore(dataDir),
    sessions: new SqliteSessionRepository(dataDir),
    votes: new SqliteVoteRepository(dataDir),
    description: `SQLite in ${dataDir}`,
  }
}

/** How this instance meets the others: room fan-out and the limits all instances share. */
export interface Cluster {
  fanout: RoomFanout
  joinLimiter(perMinute: number, burst: number): AttemptLimiter
  /** A limit all instances share, its counts kept apart from other limits' by `scope`. */
  rateLimiter(scope: string, limit: RateLimit): AttemptLimiter
  /** Where WebSocket tickets wait: a ticket issued by one instance must be good on every other. */
  ticketStore(): TicketStore
  /** Where the others are met, for the start-up message. */
  description: string
  /** Resolves when the others can be reached (readiness); rejects with what is down. */
  ping(): Promise<void>
  /** Seconds a message takes through the fan-out and back (-1: it did not come back); absent when there is none. */
  fanoutLag?: () => Promise<number>
  close(): Promise<void>
}

/** One instance on its own: nothing to share. */
export const singleInstance: Cluster = {
  fanout: localFanout,
  joinLimiter: (perMinute, burst) => new AddressLimiter(perMinute, burst),
  rateLimiter: (_scope, { perMinute, burst }) => new AddressLimiter(perMinute, burst),
  ticketStore: () => new MemoryTicketStore(),
  description: 'one instance',
  async ping() {},
  async close() {},
}

/** With REDIS_URL, the instances meet in Redis (checked here: unreachable stops the start); else `singleInstance`. */
export async function openCluster(config: ServerConfig): Promise<Cluster> {
  if (!config.redisUrl) return singleInstance
  // Loaded only here, like the PostgreSQL driver: a single instance has no use for the Redis client.
  const { connectRedis, describeRedis } = await import('./fanout/redisConnection.ts')
  const publisher = await connectRedis(config.redisUrl, 'werkplaats-publisher')
  const subscriber = await connectRedis(config.redisUrl, 'werkplaats-subscriber').catch((error: unknown) => {
    publisher.disconnect()
    throw error
  })
  const fanout = new RedisFanout(publisher, subscriber)
  return {
    fanout,
    joinLimiter: (perMinute, burst) =>
      new RedisAttemptLimiter(publisher, new AddressLimiter(perMinute, burst), perMinute, burst),
    rateLimiter: (scope, { perMinute, burst }) =>
      new RedisAttemptLimiter(publisher, new AddressLimiter(perMinute, burst), perMinute, burst, scope),
    ticketStore: () => new RedisTicketStore(publisher, new MemoryTicketStore()),
    description: `instances meet in Redis at ${describeRedis(config.redisUrl)}`,
    ping: () => fanout.ping(),
    fanoutLag: () => fanout.lag(),
    close: () => fanout.close(),
  }
}
