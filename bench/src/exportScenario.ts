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
import type { LoopSecond } from './loopProbe.ts'
import { loadAverage, pinning, pinNicedThreads } from './procfs.ts'
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
}

export interface ExportScenarioResult {
  runs: ExportRun[]
  medianAlone: number
  medianWithExports: number
  /** Median p99 with the exports against without, in %. */
  change: number
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
    const placing = setInterval(() => pinNicedThreads(server.pid, generator, moved), 100)
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
      options.progress(
        `  round ${round}, ${exports ? 'with exports' : 'alone'}: fan-out p99 ${run.load.latency.p99.toFixed(1)} ms${run.loop ? `, event loop ${(run.loop.utilization * 100).toFixed(1)} % busy` : ''}, load ${run.loadBefore.split(' ')[0]} → ${run.loadAfter.split(' ')[0]}`,
      )
    }
  }
  const p99s = (exports: boolean) => runs.filter((run) => run.exports === exports).map((run) => run.load.latency.p99)
  const medianAlone = median(p99s(false))
  const medianWithExports = median(p99s(true))
  return { runs, medianAlone, medianWithExports, change: (medianWithExports / medianAlone - 1) * 100 }
}

const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1))

/** The scenario's section: every run, the medians, and the last run with the exports in full. */
export function exportScenarioReport(result: ExportScenarioResult, revision: string): string {
  const rows = result.runs.map((run) => {
    const e = run.load.exportLoad
    return `| ${run.round} | ${run.exports ? 'with exports' : 'alone'} | ${run.startedAt.slice(11, 19)} | ${run.loadBefore.split(' ')[0]} → ${run.loadAfter.split(' ')[0]} | ${ms(run.load.latency.p50)} | ${ms(run.load.latency.p99)} | ${run.loop ? (run.loop.utilization * 100).toFixed(1) : '–'} % | ${ms(run.loop?.delayP99Ms)} | ${ms(run.loop?.delayMaxMs)} | ${run.load.serverCpuPercent.toFixed(0)} % | ${run.load.otherCpuPercent.toFixed(0)} % | ${
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
    '| round | run | time (UTC) | load (1 min) | fan-out p50 ms | fan-out p99 ms | event loop busy | loop delay p99 ms (mean of seconds) | loop delay max ms | server CPU | other processes | exports in the window |',
    '| --: | --- | --- | --- | --: | --: | --: | --: | --: | --: | --: | --- |',
    ...rows,
    '',
    `**Median fan-out p99 with the exports ${result.medianWithExports.toFixed(1)} ms, without ${result.medianAlone.toFixed(1)} ms: ${result.change >= 0 ? '+' : ''}${result.change.toFixed(0)} % (target: within 20 %; ${verdict}).**`,
    '',
    last ? loadTable({ werkplaats: last.load, reference: null }) : '',
  ].join('\n')
}
