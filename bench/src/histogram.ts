/**
 * A fixed-bucket latency histogram that workers fill and the main process merges: 10 µs buckets up to 100 ms,
 * then 1 ms buckets up to 120 s (later values land in the last bucket; the exact maximum is kept apart).
 */
const FINE_BUCKETS = 10_000 // 0.01 ms each: [0, 100) ms
const FINE_WIDTH = 0.01
const COARSE_BUCKETS = 119_900 // 1 ms each: [100, 120 000) ms
export const BUCKETS = FINE_BUCKETS + COARSE_BUCKETS

export interface HistogramData {
  counts: Uint32Array
  count: number
  sum: number
  max: number
}

export function createHistogram(): HistogramData {
  return { counts: new Uint32Array(BUCKETS), count: 0, sum: 0, max: 0 }
}

export function record(h: HistogramData, valueMs: number): void {
  const v = valueMs < 0 ? 0 : valueMs
  let index: number
  if (v < 100) index = Math.floor(v / FINE_WIDTH)
  else index = Math.min(BUCKETS - 1, FINE_BUCKETS + Math.floor(v - 100))
  h.counts[index] = (h.counts[index] ?? 0) + 1
  h.count += 1
  h.sum += v
  if (v > h.max) h.max = v
}

export function merge(into: HistogramData, from: HistogramData): void {
  for (let i = 0; i < BUCKETS; i++) {
    const c = from.counts[i] ?? 0
    if (c !== 0) into.counts[i] = (into.counts[i] ?? 0) + c
  }
  into.count += from.count
  into.sum += from.sum
  if (from.max > into.max) into.max = from.max
}

function upperBound(index: number): number {
  return index < FINE_BUCKETS ? (index + 1) * FINE_WIDTH : 100 + (index - FINE_BUCKETS + 1)
}

/** The value at quantile `q` (0..1), as the upper edge of its bucket, never above the exact maximum. */
export function quantile(h: HistogramData, q: number): number {
  if (h.count === 0) return Number.NaN
  const rank = Math.max(1, Math.ceil(q * h.count))
  let seen = 0
  for (let i = 0; i < BUCKETS; i++) {
    seen += h.counts[i] ?? 0
    if (seen >= rank) return Math.min(upperBound(i), h.max)
  }
  return h.max
}

export interface LatencySummary {
  count: number
  mean: number
  p50: number
  p95: number
  p99: number
  max: number
}

export function summarize(h: HistogramData): LatencySummary {
  return {
    count: h.count,
    mean: h.count === 0 ? Number.NaN : h.sum / h.count,
    p50: quantile(h, 0.5),
    p95: quantile(h, 0.95),
    p99: quantile(h, 0.99),
    max: h.count === 0 ? Number.NaN : h.max,
  }
}

/** Summary of a plain list of samples (join times, resync times). */
export function summarizeSamples(samples: number[]): LatencySummary {
  const h = createHistogram()
  for (const s of samples) record(h, s)
  return summarize(h)
}
