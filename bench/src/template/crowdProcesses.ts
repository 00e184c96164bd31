import { WorkerHandle } from '../workers.ts'
import { cpuSeconds } from '../procfs.ts'
import { type CrowdFigures, type CrowdMember, type CrowdPlan, emptyCrowdFigures } from './crowd.ts'

/**
 * The crowd of the template bench, run by `processes` forked load workers (worker.ts) so that the bench's own
 * process, which drives Chromium, only measures. The members are dealt out in turn; the timing sample is spread
 * evenly over the crowd.
 */
export class CrowdProcesses {
  /** The participants whose clients time the fan-out and count update frames. */
  readonly timed: number[]
  readonly #workers: WorkerHandle[]
  readonly #plans: CrowdPlan[]

  constructor(
    plan: Omit<CrowdPlan, 'members' | 'timed' | 'crowdSize'>,
    members: CrowdMember[],
    timedSample: number,
    processes: number,
  ) {
    const every = Math.max(1, Math.floor(members.length / Math.max(1, timedSample)))
    const timed = members.filter((_, i) => i % every === 0 && i / every < timedSample).map((m) => m.participant)
    this.timed = timed
    const count = Math.max(1, Math.min(processes, members.length))
    this.#plans = Array.from({ length: count }, (_, p) => ({
      ...plan,
      members: members.filter((_, i) => i % count === p),
      timed,
      crowdSize: members.length,
    }))
    this.#workers = this.#plans.map(() => new WorkerHandle())
  }

  get pids(): number[] {
    return this.#workers.map((w) => w.pid)
  }

  /** Every member connected and synced (a worker that could not connect all its members rejects). */
  async join(timeoutMs = 120_000): Promise<void> {
    this.#workers.forEach((worker, i) =>
      worker.send({ type: 'job', job: { kind: 'crowd', plan: this.#plans[i] as CrowdPlan } }),
    )
    for (const worker of this.#workers) {
      const ready = await worker.receive('ready', timeoutMs)
      if (ready.failures > 0) throw new Error(`crowd worker ${worker.pid}: ${ready.failures} participants not synced`)
    }
  }

  start(): void {
    for (const worker of this.#workers) worker.send({ type: 'crowd-start' })
  }

  /** CPU seconds the crowd's processes have used so far. */
  cpuSeconds(): number {
    return this.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
  }

  /** Stops the crowd and gathers what every process sent and timed. */
  async stop(timeoutMs = 60_000): Promise<CrowdFigures> {
    for (const worker of this.#workers) worker.send({ type: 'release' })
    const figures = emptyCrowdFigures()
    for (const worker of this.#workers) {
      const { figures: part } = await worker.receive('crowd-result', timeoutMs)
      // concat, not push(...): a part holds hundreds of thousands of deliveries, more than a call's arguments.
      figures.fanOutAtEpoch = figures.fanOutAtEpoch.concat(part.fanOutAtEpoch)
      figures.fanOutMs = figures.fanOutMs.concat(part.fanOutMs)
      figures.sentAtEpoch = figures.sentAtEpoch.concat(part.sentAtEpoch)
      for (const [second, frames] of Object.entries(part.updateFramesBySecond))
        figures.updateFramesBySecond[Number(second)] = (figures.updateFramesBySecond[Number(second)] ?? 0) + frames
      figures.edits += part.edits
      figures.cursorMoves += part.cursorMoves
      figures.disconnects += part.disconnects
    }
    return figures
  }

  close(): void {
    for (const worker of this.#workers) worker.close()
  }
}
