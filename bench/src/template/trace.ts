import { readFileSync, writeFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'

/**
 * A Chromium trace of a page (CDP Tracing), summed per event name on the renderer's main thread. The CPU profile
 * only sees JavaScript; what it calls "(program)" is Blink's own work (style, layout, paint, layerisation, commit,
 * hit tests, HTML parsing), which the trace names.
 *
 * Run alone on a saved trace: `node bench/src/template/trace.ts FILE [URL-PART]`. With `TRACE_INVALIDATIONS=1` the
 * trace also says which nodes each frame's style and layout invalidations came from, and which display items were
 * repainted (heavier; not for timing). Tiles rastered are counted per compositor layer either way.
 */

/** The categories that name the main thread's native work, frame by frame. */
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink',
  'cc',
  'v8',
  'toplevel',
  // Style and layout invalidations by node, and paint invalidations by display item client (what makes tiles
  // re-raster): heavier, so not for timing.
  ...(process.env.TRACE_INVALIDATIONS
    ? ['disabled-by-default-devtools.timeline.invalidationTracking', 'disabled-by-default-blink.invalidation']
    : []),
].join(',')

export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  /** The thread's CPU clock at the start, and the CPU time inside the event (µs). */
  tts?: number
  tdur?: number
  pid: number
  tid: number
  args?: Record<string, unknown>
}

export interface TraceSum {
  name: string
  /** Time inside events of this name, minus the events nested in them. */
  selfMs: number
  /** Time inside events of this name, nested events included (an event nested in one of its own name counted once). */
  totalMs: number
  count: number
}

export interface TraceSummary {
  /** Wall time the summed thread was traced. */
  seconds: number
  /** CPU time inside any top-level event: the thread's busy time. */
  busyMs: number
  sums: TraceSum[]
}

/** Starts tracing through `cdp`; the returned function stops it and resolves with the events recorded. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = []
  // The protocol types trace events as string maps; their fields are Chromium's trace event format.
  const onData = (data: { value: object[] }) => {
    for (const event of data.value) events.push(event as TraceEvent)
  }
  cdp.on('Tracing.dataCollected', onData)
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' })
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
    await cdp.send('Tracing.end')
    await complete
    cdp.off('Tracing.dataCollected', onData)
    return events
  }
}

/** Writes the events in the format Chromium's DevTools and Perfetto open. */
export function writeTrace(path: string, events: TraceEvent[]): void {
  writeFileSync(path, JSON.stringify({ traceEvents: events }))
}

/**
 * The renderer main thread of the page whose URL contains `urlPart`: the renderer that holds that frame, from the
 * browser's `TracingStartedInBrowser` record; without it (or without a match), the busiest renderer main thread.
 */
export function rendererMainThread(events: TraceEvent[], urlPart = ''): { pid: number; tid: number } | undefined {
  const mainThreads = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )
  if (mainThreads.length === 0) return undefined
  let pid: number | undefined
  if (urlPart) {
    for (const event of events) {
      if (event.name !== 'TracingStartedInBrowser') continue
      const data = event.args?.data as { frames?: Array<{ url?: string; processId?: number }> } | undefined
      pid ??= data?.frames?.find((frame) => frame.url?.includes(urlPart) && frame.processId)?.processId
    }
  }
  const candidates = mainThreads.filter((e) => pid === undefined || e.pid === pid)
  const countOf = (t: TraceEvent) => events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph !== 'M').length
  const busiest = (candidates.length > 0 ? candidates : mainThreads).reduce((a, b) => (countOf(b) > countOf(a) ? b : a))
  return { pid: busiest.pid, tid: busiest.tid }
}

interface Slice {
  name: string
  start: number
  end: number
}

/**
 * The thread's complete events (`X`) as slices on the thread's own CPU clock (`tts`/`tdur`) where Chromium records
 * it: on a shared machine the wall clock also counts the time the thread waited for a core, which no change to the
 * page can cut.
 */
function slicesOf(events: TraceEvent[], pid: number, tid: number): Slice[] {
  const slices: Slice[] = []
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid || event.ph !== 'X') continue
    if (event.tts !== undefined && event.tdur !== undefined) {
      slices.push({ name: event.name, start: event.tts, end: event.tts + event.tdur })
    } else if (event.dur !== undefined) {
      slices.push({ name: event.name, start: event.ts, end: event.ts + event.dur })
    }
  }
  // Parents before their children: earlier start first, and of two starting together the longer one.
  return slices.sort((a, b) => a.start - b.start || b.end - a.end)
}

/** Self and total time per event name on one thread, heaviest self time first. */
export function sumThread(events: TraceEvent[], pid: number, tid: number): TraceSummary {
  const slices = slicesOf(events, pid, tid)
  const sums = new Map<string, TraceSum>()
  const sumOf = (name: string) => {
    let sum = sums.get(name)
    if (!sum) sums.set(name, (sum = { name, selfMs: 0, totalMs: 0, count: 0 }))
    return sum
  }
  const stack: Array<Slice & { childUs: number }> = []
  let busyUs = 0
  const close = (slice: Slice & { childUs: number }) => {
    const sum = sumOf(slice.name)
    sum.selfMs += (slice.end - slice.start - slice.childUs) / 1000
    if (!stack.some((outer) => outer.name === slice.name)) sum.totalMs += (slice.end - slice.start) / 1000
  }
  for (const slice of slices) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= slice.start) close(stack.pop()!)
    const parent = stack[stack.length - 1]
    // A slice that overruns its parent (clock rounding) is cut at the parent's end.
    const end = parent ? Math.min(slice.end, parent.end) : slice.end
    if (parent) parent.childUs += end - slice.start
    else busyUs += end - slice.start
    sumOf(slice.name).count += 1
    stack.push({ ...slice, end, childUs: 0 })
  }
  while (stack.length > 0) close(stack.pop()!)
  let first = Infinity
  let last = -Infinity
  for (const event of events) {
    if (event.pid !== pid || event.tid !== tid || event.ph !== 'X') continue
    first = Math.min(first, event.ts)
    last = Math.max(last, event.ts + (event.dur ?? 0))
  }
  return {
    seconds: last > first ? (last - first) / 1e6 : 0,
    busyMs: busyUs / 1000,
    sums: [...sums.values()].sort((a, b) => b.selfMs - a.selfMs),
  }
}

export interface ThreadCpu {
  process: string
  thread: string
  pid: number
  tid: number
  /** CPU time inside the thread's top-level events per second of trace. */
  cpuMsPerSecond: number
  /** Wall time inside the same events per second: above the CPU time, the thread waited for a core. */
  wallMsPerSecond: number
}

/** Busy time of one thread's top-level events on both clocks, in µs. */
function busyOf(events: TraceEvent[]): { cpuUs: number; wallUs: number } {
  const covered = (spans: Array<[number, number]>) => {
    let total = 0
    let reach = -Infinity
    for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
      if (end > reach) total += end - Math.max(start, reach)
      reach = Math.max(reach, end)
    }
    return total
  }
  return {
    cpuUs: covered(events.map((e) => [e.tts ?? e.ts, (e.tts ?? e.ts) + (e.tdur ?? e.dur ?? 0)])),
    wallUs: covered(events.map((e) => [e.ts, e.ts + (e.dur ?? 0)])),
  }
}

/** CPU and wall time per thread of the given processes (all when none given), busiest first. */
export function cpuByThread(events: TraceEvent[], pids?: number[]): ThreadCpu[] {
  const threadNames = new Map<string, string>()
  const processNames = new Map<number, string>()
  const byThread = new Map<string, TraceEvent[]>()
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`
    if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(key, String(event.args?.name))
    if (event.ph === 'M' && event.name === 'process_name') processNames.set(event.pid, String(event.args?.name))
    if (event.ph !== 'X') continue
    if (pids && !pids.includes(event.pid)) continue
    const list = byThread.get(key)
    if (list) list.push(event)
    else byThread.set(key, [event])
  }
  const seconds = tracedSeconds(events)
  return [...byThread.entries()]
    .map(([key, list]) => {
      const [pid = 0, tid = 0] = key.split(':').map(Number)
      const { cpuUs, wallUs } = busyOf(list)
      return {
        process: processNames.get(pid) ?? '?',
        thread: threadNames.get(key) ?? '?',
        pid,
        tid,
        cpuMsPerSecond: cpuUs / 1000 / seconds,
        wallMsPerSecond: wallUs / 1000 / seconds,
      }
    })
    .sort((a, b) => b.cpuMsPerSecond - a.cpuMsPerSecond)
}

/** A markdown table of the heaviest event names, per second of trace. */
export function traceTable(summary: TraceSummary, top = 25): string[] {
  const perSecond = (ms: number) => (summary.seconds > 0 ? ms / summary.seconds : 0)
  const lines = [
    `Renderer main thread: busy ${perSecond(summary.busyMs).toFixed(0)} ms of CPU a second over ${summary.seconds.toFixed(1)} s`,
    '',
    '| event | self CPU ms/s | total CPU ms/s | count/s |',
    '| --- | --: | --: | --: |',
  ]
  for (const sum of summary.sums.slice(0, top)) {
    lines.push(
      `| ${sum.name} | ${perSecond(sum.selfMs).toFixed(1)} | ${perSecond(sum.totalMs).toFixed(1)} | ${perSecond(sum.count).toFixed(1)} |`,
    )
  }
  return lines
}

/**
 * What the page's renderer did: its main thread's event sums, then CPU against wall time for the threads of its
 * renderer and of the GPU process (raster and compositing run there, on the same cores as the main thread).
 */
export function traceReport(events: TraceEvent[], urlPart = ''): string[] {
  const main = rendererMainThread(events, urlPart)
  if (!main) return ['Trace: no renderer main thread']
  const gpu = events.filter((e) => e.ph === 'M' && e.name === 'process_name' && e.args?.name === 'GPU Process')
  const lines = [
    ...traceTable(sumThread(events, main.pid, main.tid)),
    '',
    '| thread | CPU ms/s | wall ms/s |',
    '| --- | --: | --: |',
  ]
  for (const t of cpuByThread(events, [main.pid, ...gpu.map((e) => e.pid)]).filter((t) => t.cpuMsPerSecond >= 1)) {
    lines.push(
      `| ${t.process} ${t.thread} (${t.tid}) | ${t.cpuMsPerSecond.toFixed(1)} | ${t.wallMsPerSecond.toFixed(1)} |`,
    )
  }
  lines.push('', ...rasterByLayer(events, main.pid), ...paintInvalidations(events))
  return lines
}

/** Tiles rastered per compositor layer of the page's renderer: which layer the raster workers spend their time on. */
function rasterByLayer(events: TraceEvent[], pid: number): string[] {
  const seconds = tracedSeconds(events)
  const byLayer = new Map<string, { tiles: number; cpuMs: number }>()
  for (const event of events) {
    if (event.name !== 'RasterTask' || event.pid !== pid) continue
    const tile = event.args?.tileData as { layerId?: number } | undefined
    const layer = String(tile?.layerId ?? '?')
    const sum = byLayer.get(layer) ?? { tiles: 0, cpuMs: 0 }
    sum.tiles += 1
    sum.cpuMs += (event.tdur ?? 0) / 1000
    byLayer.set(layer, sum)
  }
  const rows = [...byLayer].sort((a, b) => b[1].cpuMs - a[1].cpuMs).slice(0, 8)
  return [
    '| compositor layer | tiles rastered /s | raster CPU ms/s |',
    '| --- | --: | --: |',
    ...rows.map(([layer, s]) => `| ${layer} | ${(s.tiles / seconds).toFixed(1)} | ${(s.cpuMs / seconds).toFixed(1)} |`),
  ]
}

/** Repainted display items by client and reason (`TRACE_INVALIDATIONS=1` only): what made those tiles dirty. */
function paintInvalidations(events: TraceEvent[]): string[] {
  const seconds = tracedSeconds(events)
  const counts = new Map<string, number>()
  for (const event of events) {
    if (event.name !== 'InvalidateDisplayItemClient') continue
    const data = event.args as { client?: string; reason?: string } | undefined
    // One row per kind of element, not per element: ids and numbers vary.
    const key = `${(data?.client ?? '?').replace(/id='[^']*'/g, "id='…'").slice(0, 140)} (${data?.reason ?? '?'})`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  if (counts.size === 0) return []
  return [
    '',
    '| repainted display item (reason) | per second |',
    '| --- | --: |',
    ...[...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([key, n]) => `| ${key.replace(/\|/g, '\\|')} | ${(n / seconds).toFixed(1)} |`),
  ]
}

/** Wall time from the trace's first complete event (any thread) to the end of its last; 1 s for an empty trace. */
function tracedSeconds(events: TraceEvent[]): number {
  let first = Infinity
  let last = -Infinity
  for (const event of events) {
    if (event.ph !== 'X') continue
    first = Math.min(first, event.ts)
    last = Math.max(last, event.ts + (event.dur ?? 0))
  }
  return last > first ? (last - first) / 1e6 : 1
}

if (import.meta.main) {
  const [file, urlPart] = process.argv.slice(2)
  if (!file) throw new Error('usage: node bench/src/template/trace.ts FILE [URL-PART]')
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  console.log(traceReport(events, urlPart).join('\n'))
}
