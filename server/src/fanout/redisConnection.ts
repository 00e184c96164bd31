import { Redis } from 'ioredis'
import { log } from '../observability/log.ts'

/** REDIS_URL could not be used; the message says what to check. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError'
}

/** `host:port` of a Redis URL, for messages (never the password). */
export function describeRedis(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 6379}`
  } catch {
    return 'an unreadable REDIS_URL'
  }
}

/**
 * A Redis connection that is up when this resolves (else `RedisUnavailableError`), and afterwards reconnects by
 * itself for as long as it takes: an outage must not stop an instance, which keeps serving its own clients.
 * Commands sent while it is down fail at once instead of queueing: what they carried is caught up from the store
 * when Redis is back (see `RedisFanout`), and an unbounded queue would only grow.
 */
export async function connectRedis(url: string, name: string): Promise<Redis> {
  const where = describeRedis(url)
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResubscribe: false,
    connectTimeout: 5000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  })
  let reported = false
  redis.on('error', (error: Error) => {
    // Once per outage: a reconnect loop would otherwise log ten lines a second.
    if (reported) return
    reported = true
    log.error({ part: 'redis', where, connection: name, err: error }, 'Redis connection lost; reconnecting')
  })
  redis.on('ready', () => {
    if (reported) log.warn({ part: 'redis', where, connection: name }, 'Redis connected again')
    reported = false
  })
  try {
    await redis.connect()
  } catch (error) {
    redis.disconnect()
    throw new RedisUnavailableError(`cannot reach Redis at ${where} (REDIS_URL): ${(error as Error).message}`)
  }
  return redis
}
