/**
 * One clock for every process of a run. `process.hrtime` reads CLOCK_MONOTONIC, which on Linux is the same
 * clock for every process on the machine, so a time stamped by a sender in one worker can be subtracted from a
 * time read by a receiver in another. (`performance.timeOrigin + performance.now()` would also work, but each
 * process derives its own `timeOrigin` from the wall clock at start-up, which adds that mapping's error.)
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}

export function sleepUntil(atMs: number): Promise<void> {
  return sleep(atMs - nowMs())
}
