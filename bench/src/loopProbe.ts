/**
 * Preloaded into our server by scenario 12 (`--import`): once a second, the main thread's event-loop utilisation
 * (the share of the second it was busy running JavaScript and callbacks), the delays of a timer that should fire
 * every 5 ms, the main thread's own CPU time and its longest stall, appended as one JSON line to the file
 * `BENCH_LOOP_PROBE` names. What an export costs the event loop shows here directly, whatever else the machine
 * runs: a render on the event loop shows as busy time and long delays, one off it does not.
 *
 * The CPU time and the longest stall hardly move with the machine's noise: both count only what the main thread
 * ran, not the time it waited for a core. A stall is the main thread's CPU time between two ticks of a 1 ms timer:
 * the work that held the loop meanwhile, however long other processes kept it off the core. Utilisation and the
 * 5 ms timer's delays count waiting for a core as well.
 */
import { appendFileSync } from 'node:fs'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { isMainThread } from 'node:worker_threads'

export interface LoopSecond {
  /** Wall-clock milliseconds at the end of the second (the bench's windows are matched against it). */
  at: number
  /** Event-loop utilisation, 0–1. */
  utilization: number
  delayP99Ms: number
  delayMaxMs: number
  /** CPU time (user and system) the main thread used in the second, in ms: the render workers' is not counted. */
  cpuMs: number
  /** The longest the event loop was held in the second: the most main-thread CPU ms between two 1 ms ticks. */
  stallMaxMs: number
  /**
   * `cpuMs` less the probe's own ticks: each tick's CPU beyond the median tick of the second (on a server with
   * little to do, most ticks have nothing else between them and the one before). The ticks cost more or less as
   * the machine lets them fire more or less often; what the server did meanwhile does not depend on that.
   */
  workCpuMs: number
}

/** Main-thread CPU time in ms (`process.threadCpuUsage` counts the calling thread only). */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

function medianOf(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

const file = process.env.BENCH_LOOP_PROBE
if (file && isMainThread) {
  const delays = monitorEventLoopDelay({ resolution: 5 })
  delays.enable()
  let longestStallMs = 0
  let tickCosts: number[] = []
  let tickCpuMs = threadCpuMs()
  setInterval(() => {
    const cpuMs = threadCpuMs()
    const sinceLast = cpuMs - tickCpuMs
    longestStallMs = Math.max(longestStallMs, sinceLast)
    tickCosts.push(sinceLast)
    tickCpuMs = cpuMs
  }, 1).unref()
  let last = performance.eventLoopUtilization()
  let lastCpuMs = threadCpuMs()
  setInterval(() => {
    const now = performance.eventLoopUtilization()
    const cpuMs = threadCpuMs()
    const second: LoopSecond = {
      at: Date.now(),
      utilization: performance.eventLoopUtilization(now, last).utilization,
      // The histogram counts from the timer's due time; its resolution is not a delay.
      delayP99Ms: Math.max(0, delays.percentile(99) / 1e6 - 5),
      delayMaxMs: Math.max(0, delays.max / 1e6 - 5),
      cpuMs: cpuMs - lastCpuMs,
      stallMaxMs: longestStallMs,
      workCpuMs: cpuMs - lastCpuMs - tickCosts.length * medianOf(tickCosts),
    }
    last = now
    lastCpuMs = cpuMs
    delays.reset()
    longestStallMs = 0
    tickCosts = []
    appendFileSync(file, `${JSON.stringify(second)}\n`)
  }, 1000).unref()
}
