import { log } from './log.ts'

/** What an instance needs to answer to be worth sending people to. */
export interface ReadinessChecks {
  /** True once the instance has begun to drain (SIGTERM): it should get no new traffic. */
  draining(): boolean
  /** Resolves when the store answers. */
  store(): Promise<void>
  /** Resolves when Redis answers (always, with one instance). */
  cluster(): Promise<void>
}

/**
 * Why this instance should not get traffic now, or null when it should (`GET /readyz`). The store and Redis are
 * asked at once, each given `timeoutMs`: a database that hangs must show as not ready, not hold the probe up. The
 * reasons name the part that is down and no more; what it said goes to the log, not to whoever asks.
 */
export async function notReadyBecause(checks: ReadinessChecks, timeoutMs: number): Promise<string | null> {
  if (checks.draining()) return 'shutting down'
  const [store, cluster] = await Promise.all([
    answers('the store', checks.store, timeoutMs),
    answers('Redis', checks.cluster, timeoutMs),
  ])
  return store ?? cluster
}

async function answers(
  part: 'the store' | 'Redis',
  check: () => Promise<void>,
  timeoutMs: number,
): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))
  try {
    const outcome = await Promise.race([check().then(() => 'ok' as const), timedOut])
    if (outcome === 'ok') return null
    log.warn({ part: 'readiness', check: part, timeoutMs }, 'no answer in time')
    return `${part} did not answer within ${timeoutMs} ms`
  } catch (error) {
    log.warn({ part: 'readiness', check: part, err: error }, 'not answering')
    return `${part} is not answering`
  } finally {
    clearTimeout(timer)
  }
}
