/**
 * Scenario 12: does exporting a large board stall everyone else? Scenario 1 (50 people on one board) runs alone
 * and with another session's board exported again and again (`exportLoad.ts`), on a fresh server each time, in
 * alternation, several rounds: the figure is the median fan-out p99 with the exports against the median without.
 * One pair alone says little on a shared machine, where the p99 of the same run moves by more than the target's
 * 20 % from one run to the next.
 *
 * What shows the cause without that noise: the server's own event loop, measured inside it (`loopProbe.ts`): how
 * busy it was (utilisation) and how late a 5 ms timer fired, with and without the exports.
 *
 * CPU placement: the event loop keeps CPU 0 to itself, as in every scenario, and the render workers (which run at
 * a lower priority) are moved to the load generator's CPU as soon as they start. That is a 2-core server: one core
 * for the event loop, and rendering on the other, where it yields to anything running at normal priority (here the
 * generator). Pinning the whole process to CPU 0 (what `taskset -a` did) modelled a 1-core server, where a render
 * can only take time from the event loop; leaving the server unpinned lets the event loop and the generator take
 * each other's core, which no deployment does.
 */
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExportsAlone } from './exportLoad.ts'
import type { LoopSecond } from './loopProbe.ts'
import { loadAverage, pinning, pinNicedThreads, spreadV8Helpers } from './procfs.ts'
import { loadTable } from './report.ts'
import type { LoadPlan, LoadSummary } from './scenarios.ts'
import type { RunningServer } from './servers.ts'

const probeScript = join(import.meta.dirname, 'loopProbe.ts')

/** The event loop in a run's window, from the probe's seconds (the first second of the window left out). */
export interface LoopWindow {
  seconds: number
  utilization: number
  delayP99Ms: number
  delayMaxMs: number
  /** The main thread's CPU time per second of the window, in ms (mean of the seconds). */
  cpuMsPerSecond: number
  /** The main thread's CPU time per second less the probe's own ticks (`LoopSecond.workCpuMs`), mean of the seconds. */
  workCpuMsPerSecond: number
  /** The same, the median of the seconds: a baseline that one second's chance work does not move. */
  workCpuMsPerSecondMedian: number
  /** The longest single stall of the event loop in the window, in ms. */
  stallMaxMs: number
}

export interface ExportRun {
  round: number
  exports: boolean
  startedAt: string
  loadBefore: string
  loadAfter: string
  load: LoadSummary
  loop: LoopWindow | null
  /** Render threads moved to the generator's CPU (0 without pinning, or when no export ran). */
  renderThreadsMoved: number
  /** The exports on the server doing nothing else, before the load (see `exportAlone`); null in the runs alone. */
  isolated: IsolatedExports | null
}

/** What the exports cost the main thread when nothing else ran: no load, no noise of the load to subtract. */
export interface IsolatedExports {
  exports: number
  cpuMsPerExport: number
  /** The longest stall while exporting, and while idle just before: the probe's own floor. */
  stallMaxMs: number
  idleStallMaxMs: number
}

export interface ExportScenarioResult {
  runs: ExportRun[]
  medianAlone: number
  medianWithExports: number
  /** Median p99 with the exports against without, in %. */
  change: number
  /**
   * What one export cost the main thread in CPU ms: a run's main-thread CPU per second with the exports less the
   * median of the runs alone, divided by the exports per second; the median over the runs with exports.
   */
  cpuMsPerExport: number | null
  /** The longest stall of the event loop, median over the runs with the exports and over the runs alone, in ms. */
  stallMaxMs: { withExports: number | null; alone: number | null }
  /** The same two with nothing else running (`IsolatedExports`), medians over the rounds. */
  isolated: { cpuMsPerExport: number | null; stallMaxMs: number | null }
}

export interface ExportScenarioOptions {
  rounds: number
  alone: LoadPlan
  withExports: LoadPlan
  /**
   * Runs `plan` on a fresh server of ours started with `env`; `watch` is called once the server is up and its
   * answer when the run is over.
   */
  run(env: Record<string, string>, plan: LoadPlan, watch: (server: RunningServer) => () => void): Promise<LoadSummary>
  /** Waits for the machine to be quiet before a run (see `waitForQuietMachine`). */
  quiet(): Promise<void>
  progress(line: string): void
}

function loopWindow(file: string, window: { from: number; to: number } | undefined): LoopWindow | null {
  if (!window) return null
  let lines: LoopSecond[]
  try {
    lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LoopSecond)
  } catch {
    return null
  }
  const inside = lines.filter((second) => second.at > window.from + 1000 && second.at <= window.to)
  if (inside.length === 0) return null
  const mean = (pick: (second: LoopSecond) => number) =>
    inside.reduce((sum, second) => sum + pick(second), 0) / inside.length
  return {
    seconds: inside.length,
    utilization: mean((second) => second.utilization),
    delayP99Ms: mean((second) => second.delayP99Ms),
    delayMaxMs: Math.max(...inside.map((second) => second.delayMaxMs)),
    cpuMsPerSecond: mean((second) => second.cpuMs),
    workCpuMsPerSecond: mean((second) => second.workCpuMs),
    workCpuMsPerSecondMedian: median(inside.map((second) => second.workCpuMs)),
    stallMaxMs: Math.max(...inside.map((second) => second.stallMaxMs)),
  }
}

function isolatedExports(file: string, alone: ExportsAlone | undefined): IsolatedExports | null {
  if (!alone || alone.exports === 0) return null
  const idle = loopWindow(file, alone.idle)
  const exporting = loopWindow(file, alone.exporting)
  if (!idle || !exporting) return null
  const exportsPerSecond = alone.exports / ((alone.exporting.to - alone.exporting.from) / 1000)
  return {
    exports: alone.exports,
    cpuMsPerExport: (exporting.workCpuMsPerSecond - idle.workCpuMsPerSecondMedian) / exportsPerSecond,
    stallMaxMs: exporting.stallMaxMs,
    idleStallMaxMs: idle.stallMaxMs,
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length % 2) return sorted[middle] ?? NaN
  return ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
}

async function measure(options: ExportScenarioOptions, round: number, exports: boolean): Promise<ExportRun> {
  const probeFile = join(tmpdir(), `werkplaats-bench-loop-${process.pid}-${round}-${exports ? 'with' : 'alone'}.jsonl`)
  rmSync(probeFile, { force: true })
  await options.quiet()
  const startedAt = new Date().toISOString()
  const loadBefore = loadAverage()
  const env = { NODE_OPTIONS: `--import=${probeScript}`, BENCH_LOOP_PROBE: probeFile }
  const moved = new Set<number>()
  const load = await options.run(env, exports ? options.withExports : options.alone, (server) => {
    const generator = pinning.generator
    if (!generator) return () => {}
    // The same for the runs with and without exports: V8's helper threads may use either core, the render
    // threads (niced) go to the generator's.
    const helpers = pinning.server ? `${pinning.server},${generator}` : generator
    const spread = new Set<number>()
    const placing = setInterval(() => {
      pinNicedThreads(server.pid, generator, moved)
      spreadV8Helpers(server.pid, helpers, spread)
    }, 100)
    return () => clearInterval(placing)
  })
  const run: ExportRun = {
    round,
    exports,
    startedAt,
    loadBefore,
    loadAfter: loadAverage(),
    load,
    loop: loopWindow(probeFile, load.windowWall),
    renderThreadsMoved: moved.size,
    isolated: isolatedExports(probeFile, load.exportsAlone),
  }
  rmSync(probeFile, { force: true })
  return run
}

/** Alone, then with the exports, `rounds` times; each run on a fresh server after waiting for a quiet machine. */
export async function runExportScenario(options: ExportScenarioOptions): Promise<ExportScenarioResult> {
  const runs: ExportRun[] = []
  for (let round = 1; round <= options.rounds; round++) {
    for (const exports of [false, true]) {
      const run = await measure(options, round, exports)
      runs.push(run)
      if (run.isolated)
        options.progress(
          `  round ${round}, exports with nothing else running: ${run.isolated.exports} exports, ${run.isolated.cpuMsPerExport.toFixed(2)} main-thread CPU ms each, longest stall ${run.isolated.stallMaxMs.toFixed(1)} ms (idle ${run.isolated.idleStallMaxMs.toFixed(1)} ms)`,
        )
      options.progress(
        `  round ${round}, ${exports ? 'with exports' : 'alone'}: fan-out p99 ${run.load.latency.p99.toFixed(1)} ms${run.loop ? `, event loop ${(run.loop.utilization * 100).toFixed(1)} % busy, main thread ${run.loop.cpuMsPerSecond.toFixed(0)} CPU ms/s, longest stall ${run.loop.stallMaxMs.toFixed(1)} ms` : ''}, load ${run.loadBefore.split(' ')[0]} → ${run.loadAfter.split(' ')[0]}`,
      )
    }
  }
  const p99s = (exports: boolean) => runs.filter((run) => run.exports === exports).map((run) => run.load.latency.p99)
  const medianAlone = median(p99s(false))
  const medianWithExports = median(p99s(true))
  return {
    runs,
    medianAlone,
    medianWithExports,
    change: (medianWithExports / medianAlone - 1) * 100,
    cpuMsPerExport: cpuPerExport(runs),
    stallMaxMs: {
      withExports: medianOrNull(runs.filter((run) => run.exports).map((run) => run.loop?.stallMaxMs)),
      alone: medianOrNull(runs.filter((run) => !run.exports).map((run) => run.loop?.stallMaxMs)),
    },
    isolated: {
      cpuMsPerExport: medianOrNull(runs.map((run) => run.isolated?.cpuMsPerExport)),
      stallMaxMs: medianOrNull(runs.map((run) => run.isolated?.stallMaxMs)),
    },
  }
}

function medianOrNull(values: Array<number | undefined>): number | null {
  const known = values.filter((value): value is number => value !== undefined)
  return known.length === 0 ? null : median(known)
}

/**
 * Main-thread CPU ms per export: what a run with the exports used per second beyond the runs alone, spread over
 * the exports of a second. CPU time, unlike latency, counts only what the thread ran, so this stays put when other
 * processes take the core.
 */
function cpuPerExport(runs: ExportRun[]): number | null {
  const alone = medianOrNull(runs.filter((run) => !run.exports).map((run) => run.loop?.workCpuMsPerSecond))
  if (alone === null) return null
  const perExport = runs.flatMap((run) => {
    const window = run.load.windowWall
    const exports = run.load.exportLoad?.exports
    if (!run.exports || !run.loop || !window || !exports) return []
    const exportsPerSecond = exports / ((window.to - window.from) / 1000)
    return [(run.loop.workCpuMsPerSecond - alone) / exportsPerSecond]
  })
  return medianOrNull(perExport)
}

const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1))
const ms2 = (value: number | null) => (value === null ? '–' : value.toFixed(2))

/** Per round: the exports with nothing else running, before the load started. */
function isolatedRows(runs: ExportRun[]): string[] {
  const rows = runs.flatMap((run) =>
    run.isolated
      ? [
          `| ${run.round} | ${run.isolated.exports} | ${run.isolated.cpuMsPerExport.toFixed(2)} | ${run.isolated.stallMaxMs.toFixed(1)} | ${run.isolated.idleStallMaxMs.toFixed(1)} |`,
        ]
      : [],
  )
  if (rows.length === 0) return []
  return [
    '| round | exports with nothing else running | main-thread CPU ms per export | longest stall ms | longest stall idle ms |',
    '| --: | --: | --: | --: | --: |',
    ...rows,
    '',
  ]
}

/** The scenario's section: every run, the medians, and the last run with the exports in full. */
export function exportScenarioReport(result: ExportScenarioResult, revision: string): string {
  const rows = result.runs.map((run) => {
    const e = run.load.exportLoad
    return `| ${run.round} | ${run.exports ? 'with exports' : 'alone'} | ${run.startedAt.slice(11, 19)} | ${run.loadBefore.split(' ')[0]} → ${run.loadAfter.split(' ')[0]} | ${ms(run.load.latency.p50)} | ${ms(run.load.latency.p99)} | ${run.loop ? (run.loop.utilization * 100).toFixed(1) : '–'} % | ${ms(run.loop?.delayP99Ms)} | ${ms(run.loop?.delayMaxMs)} | ${ms(run.loop?.cpuMsPerSecond)} | ${ms(run.loop?.stallMaxMs)} | ${run.load.serverCpuPercent.toFixed(0)} % | ${run.load.otherCpuPercent.toFixed(0)} % | ${
      e
        ? `${e.exports} (${Object.entries(e.statuses)
            .map(([status, count]) => `${count}× ${status}`)
            .join(
              ', ',
            )}), p50 ${e.duration.p50.toFixed(0)} ms; render threads moved to the generator's CPUs: ${run.renderThreadsMoved}`
        : ''
    } |`
  })
  const last = [...result.runs].reverse().find((run) => run.exports)
  const verdict = result.change <= 20 ? 'met' : 'not met'
  return [
    `Commit ${revision}; ${result.runs.length / 2} rounds, alone and with the exports in turn, each run on a fresh server.`,
    '',
    '| round | run | time (UTC) | load (1 min) | fan-out p50 ms | fan-out p99 ms | event loop busy | loop delay p99 ms (mean of seconds) | loop delay max ms | main-thread CPU ms/s | longest stall ms | server CPU | other processes | exports in the window |',
    '| --: | --- | --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |',
    ...rows,
    '',
    `**Median fan-out p99 with the exports ${result.medianWithExports.toFixed(1)} ms, without ${result.medianAlone.toFixed(1)} ms: ${result.change >= 0 ? '+' : ''}${result.change.toFixed(0)} % (target: within 20 %; ${verdict}).**`,
    '',
    `**Main-thread CPU per export: ${ms2(result.isolated.cpuMsPerExport)} ms with nothing else running, longest stall then ${ms(result.isolated.stallMaxMs ?? undefined)} ms; under the load ${ms2(result.cpuMsPerExport)} ms (beyond the runs alone), longest stall ${ms(result.stallMaxMs.withExports ?? undefined)} ms with the exports against ${ms(result.stallMaxMs.alone ?? undefined)} ms alone (medians over the rounds; main-thread CPU time, which waiting for a core does not count).**`,
    '',
    ...isolatedRows(result.runs),
    '',
    last ? loadTable({ werkplaats: last.load, reference: null }) : '',
  ].join('\n')
}
