import { performance } from 'node:perf_hooks'

/**
 * How busy the server's event loop is, as a slowdown factor for best-effort traffic.
 *
 * Document updates must arrive fast; cursors may arrive less often. Presence traffic grows with the square of
 * a board's size and with the number of boards, so when the event loop is saturated, rooms lengthen their
 * presence tick by this factor, and shorten it again as the load falls. Without it a full server spends
 * itself on cursors while sticky edits queue behind them.
 *
 * @example
 *   const gauge = new LoadGauge()
 *   gauge.start()
 *   const tickMs = baseTickMs * gauge.slowdown
 */
export class LoadGauge {
  /** 1 on an unhurried server, up to `maxSlowdown` on a saturated one. */
  slowdown = 1
  readonly #busyAbove: number
  readonly #calmBelow: number
  readonly #maxSlowdown: number
  readonly #sample: () => number
  #timer: NodeJS.Timeout | undefined

  constructor({
    busyAbove = 0.7,
    calmBelow = 0.5,
    maxSlowdown = 16,
    sample = eventLoopUtilizationSampler(),
  }: { busyAbove?: number; calmBelow?: number; maxSlowdown?: number; sample?: () => number } = {}) {
    this.#busyAbove = busyAbove
    this.#calmBelow = calmBelow
    this.#maxSlowdown = maxSlowdown
    this.#sample = sample
  }

  start(intervalMs = 500): void {
    this.#timer ??= setInterval(() => this.update(), intervalMs)
    this.#timer.unref()
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  /** Takes one sample and adjusts the slowdown: up fast when busy, down gently when calm. */
  update(): void {
    const utilization = this.#sample()
    if (utilization > this.#busyAbove) this.slowdown = Math.min(this.#maxSlowdown, this.slowdown * 2)
    else if (utilization < this.#calmBelow) this.slowdown = Math.max(1, this.slowdown / 1.5)
  }
}

/** Share of the time since the previous call that the event loop was busy (0–1). */
function eventLoopUtilizationSampler(): () => number {
  let previous = performance.eventLoopUtilization()
  return () => {
    const now = performance.eventLoopUtilization()
    const { utilization } = performance.eventLoopUtilization(now, previous)
    previous = now
    return utilization
  }
}
