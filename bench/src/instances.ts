/**
 * Scenario 11 (several instances behind one load balancer, see `docs/deploy.md`): 300 participants on one board
 * split over two instances of ours (150 each) that share one PostgreSQL and one Redis, against the same 300 on
 * one instance with the same PostgreSQL + Redis configuration, and on one instance with the SQLite default for
 * reference. The behaviour is scenario 2's (a sticky edit a second and a cursor at 10 Hz each); ours only, the
 * reference server has no second instance to compare with.
 *
 * PostgreSQL and Redis are the throw-away servers the tests use (`startPostgres` / `startRedis`: loopback, temporary
 * folders; PostgreSQL without fsync, Redis without persistence). Each configuration gets a fresh database.
 */
import { startPostgres, startRedis, type TestPostgres, type TestRedis } from '@werkplaats/server/testing/services'
import { childrenNamed, loadAverage, pinning, pinToCpus, processTree } from './procfs.ts'
import { type LoadPlan, type LoadSummary, runLoad, type Settings, type WatchedService } from './scenarios.ts'
import { removeDataDir, type RunningServer, startServer } from './servers.ts'

export type InstancesSetup = 'sqlite-1' | 'shared-1' | 'shared-2'

export interface InstancesSummary {
  /** In the order measured; a setup missing here could not be run (see `skipped`). */
  runs: Array<{ setup: InstancesSetup; summary: LoadSummary; loadBefore: string; loadAfter: string }>
  skipped: string | null
}

export const instancesSetups: Record<InstancesSetup, string> = {
  'sqlite-1': 'one instance, SQLite (the default)',
  'shared-1': 'one instance, PostgreSQL + Redis',
  'shared-2': 'two instances (150 + 150), PostgreSQL + Redis',
}

/**
 * The server side shares CPU 0 (the instances, PostgreSQL with every process it forks later, Redis), the load
 * generator keeps the other core: every setup gets the same CPU budget, so the comparison is of the work each does,
 * not of extra cores. Two instances on one core is the pessimistic case; in production they have machines of their own.
 */
function pinService(pid: number): void {
  if (!pinning.server) return
  for (const p of processTree(pid)) pinToCpus(p, pinning.server)
}

export async function runInstances(
  plan: LoadPlan,
  settings: Settings,
  before: () => Promise<void>,
  setups: InstancesSetup[] = ['sqlite-1', 'shared-1', 'shared-2'],
): Promise<InstancesSummary> {
  const runs: InstancesSummary['runs'] = []
  let postgres: TestPostgres | null = null
  let redis: TestRedis | null = null
  let skipped: string | null = null
  try {
    const services: WatchedService[] = []
    if (setups.some((s) => s !== 'sqlite-1')) {
      try {
        postgres = await startPostgres()
        redis = await startRedis()
      } catch (error) {
        // Without PostgreSQL or Redis installed the other scenarios still run; the table says why this one did not.
        skipped = error instanceof Error ? error.message : String(error)
      }
      const pg = childrenNamed(process.pid, 'postgres')[0]
      const rd = childrenNamed(process.pid, 'redis-server')[0]
      if (pg !== undefined) {
        pinService(pg)
        services.push({ name: 'PostgreSQL', pid: pg })
      }
      if (rd !== undefined) {
        pinService(rd)
        services.push({ name: 'Redis', pid: rd })
      }
    }
    for (const setup of setups) {
      if (setup !== 'sqlite-1' && (!postgres || !redis)) continue
      await before()
      const env: Record<string, string> = {}
      if (setup !== 'sqlite-1' && postgres && redis) {
        env.DATABASE_URL = await postgres.createDatabase()
        env.REDIS_URL = redis.url
      }
      const count = setup === 'shared-2' ? 2 : 1
      const started: RunningServer[] = []
      const loadBefore = loadAverage()
      process.stdout.write(`  scenario 11: ${instancesSetups[setup]} (load average ${loadBefore}) … `)
      try {
        // One after the other: instances starting together take turns on the migrations anyway.
        for (let i = 0; i < count; i++)
          started.push(await startServer('werkplaats', { logFile: settings.logFile, env }))
        const [first, ...others] = started
        if (!first) throw new Error('no instance started')
        const summary = await runLoad(first, plan, settings, others, setup === 'sqlite-1' ? [] : services)
        const loadAfter = loadAverage()
        console.log(`done (load average ${loadAfter})`)
        runs.push({ setup, summary, loadBefore, loadAfter })
      } finally {
        for (const server of started) {
          await server.stop()
          removeDataDir(server)
        }
      }
    }
  } finally {
    await redis?.stop().catch(() => {})
    await postgres?.stop().catch(() => {})
  }
  return { runs, skipped }
}
