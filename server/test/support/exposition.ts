/** One sample of a Prometheus text exposition: `name{label="value",…} value`. */
export interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

export interface Exposition {
  /** Each metric family's declared type (`# TYPE name counter`), by family name. */
  types: Map<string, string>
  samples: Sample[]
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g

/**
 * Reads the Prometheus text format (version 0.0.4) as Prometheus would, strictly: a line that is neither a
 * comment nor a well-formed sample fails the parse, so a test sees a broken exposition rather than a short one.
 */
export function parseExposition(text: string): Exposition {
  const types = new Map<string, string>()
  const samples: Sample[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    if (line.startsWith('#')) {
      const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line)
      if (type) types.set(type[1] as string, type[2] as string)
      continue
    }
    const match = SAMPLE.exec(line)
    if (!match) throw new Error(`not a sample line: ${line}`)
    const labels: Record<string, string> = {}
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key as string] = value as string
    const value = sampleNumber(match[3] as string)
    if (value === undefined) throw new Error(`not a sample value: ${line}`)
    samples.push({ name: match[1] as string, labels, value })
  }
  return { types, samples }
}

/** The value of the one sample named `name` whose labels include `labels` (0 when there is none). */
export function sampleValue(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  const found = exposition.samples.find(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )
  return found?.value ?? 0
}

/** A sample's value as Prometheus reads it (Go's ParseFloat): `NaN` and `±Inf` in any case, as prom-client writes them. */
function sampleNumber(text: string): number | undefined {
  if (/^nan$/i.test(text)) return Number.NaN
  const infinity = /^([+-]?)inf$/i.exec(text)
  if (infinity) return infinity[1] === '-' ? -Infinity : Infinity
  const value = Number(text)
  return Number.isNaN(value) ? undefined : value
}
