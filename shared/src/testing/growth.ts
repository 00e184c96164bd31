/**
 * How a function's cost grows with its input, measured so that a busy machine does not decide the answer:
 * for tests that pin "linear in the text" (ten times the input costs about ten times the time, where code that
 * backtracks costs a hundred times).
 *
 * What is timed is the CPU time of this process (`process.cpuUsage`, to the microsecond), not the wall clock:
 * on a machine with more runnable processes than cores, wall time mostly measures waiting for a core. What noise is left
 * (a garbage collection, a cache emptied by a neighbour) only ever adds time, so each size is timed several
 * times and the fastest sample kept; each sample runs the work often enough (`calls`) to last well above the
 * clock's resolution. A first sample of the large input already past `giveUpRatio` ends the measurement:
 * quadratic code then fails in seconds instead of running every sample of its slowest case.
 */
export interface GrowthOptions {
  /** Samples per size; the fastest counts. */
  samples?: number
  /** Calls per sample of the small input; the large one (ten times the size) gets a tenth of them, at least one. */
  calls?: number
  /** A first large sample beyond this ratio stops the measurement early. */
  giveUpRatio?: number
}

/** `time(work(large)) / time(work(small))` per call, the fastest sample of each; `large` is ten times `small`. */
export async function growthRatio<T>(
  work: (input: T) => unknown,
  small: T,
  large: T,
  options: GrowthOptions = {},
): Promise<number> {
  const samples = options.samples ?? 7
  const smallCalls = options.calls ?? 20
  const largeCalls = Math.max(1, Math.round(smallCalls / 10))
  const giveUpRatio = options.giveUpRatio ?? 40
  const perCall = async (input: T, calls: number): Promise<number> => {
    const start = process.cpuUsage()
    for (let i = 0; i < calls; i++) {
      // Awaited only when it is a promise (a PDF), so that synchronous work is timed without the event loop.
      const result = work(input)
      if (result instanceof Promise) await result
    }
    const used = process.cpuUsage(start)
    return (used.user + used.system) / calls
  }
  // Warm up: the first calls include compiling the code under test.
  await perCall(small, smallCalls)
  await perCall(large, 1)
  let fastestSmall = Number.POSITIVE_INFINITY
  let fastestLarge = Number.POSITIVE_INFINITY
  for (let i = 0; i < samples; i++) {
    fastestSmall = Math.min(fastestSmall, await perCall(small, smallCalls))
    fastestLarge = Math.min(fastestLarge, await perCall(large, largeCalls))
    if (i === 0 && fastestLarge / fastestSmall > giveUpRatio) break
  }
  return fastestLarge / fastestSmall
}

/**
 * The smallest of up to `attempts` measurements: one that a burst of other work distorted is taken again. A
 * linear function comes in under its bound on some attempt; a quadratic one is far above it on every attempt.
 */
export async function steadyGrowthRatio<T>(
  work: (input: T) => unknown,
  small: T,
  large: T,
  bound: number,
  attempts = 3,
  options?: GrowthOptions,
): Promise<number> {
  let best = Number.POSITIVE_INFINITY
  for (let attempt = 0; attempt < attempts && best > bound; attempt++)
    best = Math.min(best, await growthRatio(work, small, large, options))
  return best
}
