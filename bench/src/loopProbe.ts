/**
 * Preloaded into our server by scenario 12 (`--import`): once a second, the main thread's event-loop utilisation
 * (the share of the second it was busy running JavaScript and callbacks) and the delays of a timer that should
 * fire every 5 ms, appended as one JSON line to the file `BENCH_LOOP_PROBE` names. What an export costs the event
 * loop shows here directly, whatever else the machine runs: a render on the event loop shows as busy time and long
 * delays, one off it does not.
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
}

const file = process.env.BENCH_LOOP_PROBE
if (file && isMainThread) {
  const delays = monitorEventLoopDelay({ resolution: 5 })
  delays.enable()
  let last = performance.eventLoopUtilization()
  setInterval(() => {
    const now = performance.eventLoopUtilization()
    const second: LoopSecond = {
      at: Date.now(),
      utilization: performance.eventLoopUtilization(now, last).utilization,
      // The histogram counts from the timer's due time; its resolution is not a delay.
      delayP99Ms: Math.max(0, delays.percentile(99) / 1e6 - 5),
      delayMaxMs: Math.max(0, delays.max / 1e6 - 5),
    }
    last = now
    delays.reset()
    appendFileSync(file, `${JSON.stringify(second)}\n`)
  }, 1000).unref()
}
