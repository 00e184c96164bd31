import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { sessionRoomName } from '@werkplaats/shared'
import { ServerProcess } from '@werkplaats/server/testing'
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core'
import { sleep } from './clock.ts'
import { ONE_ADDRESS } from './servers.ts'
import { killAllWorkers } from './workers.ts'
import { summarizeSamples, type LatencySummary } from './histogram.ts'
import { childrenNamed, cpuSeconds, MachineMonitor, machineInfo, TreeCpuMonitor } from './procfs.ts'
import { type CpuProfile, hotSpots } from './template/cpuProfile.ts'
import type { CrowdFigures } from './template/crowd.ts'
import { CrowdProcesses } from './template/crowdProcesses.ts'
import { startTrace, traceReport, writeTrace } from './template/trace.ts'
import {
  installProbe,
  type ProbeState,
  type ProbeWindow,
  startRecording,
  stopRecording,
  watchStickyTexts,
} from './template/pageProbe.ts'
import {
  createSession,
  expectedLayout,
  joinParticipants,
  oecdTemplate,
  TEMPLATE_SELECTOR,
  type TemplateState,
} from './template/session.ts'

/**
 * `pnpm --filter @werkplaats/bench template`: the "Template on the board" targets (laid out and interactive
 * within 2 s; 50 participants leave the facilitator's page fluid), in `docs/benchmarks.md`.
 *
 * 1. Load: a new OECD session per page load, opened by its facilitator link in a new browser context (empty
 *    HTTP cache) of headless Chromium. Measured in the page's own clock from the start of navigation: when
 *    tldraw's canvas exists, when every template shape is in the DOM ("laid out"), and when the first sticky
 *    made through the UI (note tool, click on the canvas) is in the DOM ("interactive").
 * 2. Fluidity: the facilitator's page zoomed to fit the whole board, first alone (baseline), then with N
 *    simulated participants on the board room (cursor at 10 Hz and a sticky rewritten every `--edit-every` s
 *    each, run by forked crowd processes); then, the facilitator's page closed, a participant's page alone under
 *    the same crowd. Per page: frame intervals from requestAnimationFrame, long tasks, Chromium's own
 *    task/script/layout time (CDP Performance), how late the participants' sticky texts reach the page's DOM,
 *    the fan-out latency a sample of the participants sees, and where the machine's CPU went (server, crowd,
 *    the bench itself, Chromium).
 */
const { values: args } = parseArgs({
  options: {
    loads: { type: 'string', default: '10' },
    participants: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    'baseline-seconds': { type: 'string', default: '10' },
    state: { type: 'string', default: 'whole' },
    'cursor-hz': { type: 'string', default: '10' },
    'edit-every': { type: 'string', default: '1' },
    'cpu-throttle': { type: 'string', default: '1' },
    'crowd-processes': { type: 'string', default: '1' },
    timed: { type: 'string', default: '20' },
    docs: { type: 'string' },
    profile: { type: 'boolean', default: false },
    trace: { type: 'string' },
    'skip-load': { type: 'boolean', default: false },
    'skip-fluidity': { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    json: { type: 'string' },
  },
})
const LOADS = Number(args.loads)
const PARTICIPANTS = Number(args.participants)
const SECONDS = Number(args.seconds)
const BASELINE_SECONDS = Number(args['baseline-seconds'])
const CURSOR_HZ = Number(args['cursor-hz'])
/** Seconds between two edits of one participant: a 300-person session edits far less than once a second each. */
const EDIT_EVERY = Number(args['edit-every'])
/** Chromium's CPU throttling (CDP Emulation.setCPUThrottlingRate): 4 is a laptop four times slower than this one. */
const CPU_THROTTLE = Number(args['cpu-throttle'])
/** Forked processes that run the simulated participants, and how many of those time the fan-out. */
const CROWD_PROCESSES = Number(args['crowd-processes'])
const TIMED = Number(args.timed)
if (!(CROWD_PROCESSES >= 1) || !(TIMED >= 0)) throw new Error('--crowd-processes must be >= 1 and --timed >= 0')
if (!(EDIT_EVERY > 0) || !(CPU_THROTTLE >= 1)) throw new Error('--edit-every must be > 0 and --cpu-throttle >= 1')
const STATE: TemplateState = args.state === 'start' ? 'start' : 'whole'
const VIEWPORT = { width: 1280, height: 800 }
/** The targets: laid out and interactive within 2 s; "fluid" = p95 frame interval under 50 ms (see docs). */
const LOAD_TARGET_MS = 2000
const FRAME_TARGET_MS = 50

const clientIndex = resolve(import.meta.dirname, '../../client/dist/index.html')
if (!existsSync(clientIndex)) throw new Error(`${clientIndex} is missing: build the client first (pnpm build)`)

const template = oecdTemplate()
const layout = expectedLayout(template, STATE)

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}

function fmt(ms: number | null | undefined, digits = 0): string {
  return ms === null || ms === undefined || Number.isNaN(ms) ? '–' : ms.toFixed(digits)
}

function quantileOf(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
}

function stats(samples: number[]): { p50: number; p95: number; max: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    p50: quantileOf(sorted, 0.5),
    p95: quantileOf(sorted, 0.95),
    max: sorted.at(-1) ?? Number.NaN,
    n: sorted.length,
  }
}

async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

async function probeOf(page: Page): Promise<ProbeState> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__templateBench)
}

async function openBoard(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  await page.addInitScript(installProbe, { templateSelector: TEMPLATE_SELECTOR, expected: layout.shapes })
  await page.goto(link, { waitUntil: 'commit' })
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__templateBench?.laidOutAt != null, undefined, {
    polling: 'raf',
  })
  return page
}

/** A participant's page: the join form of the participants' link, then the board as it opens for them. */
async function openParticipantBoard(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  await page.addInitScript(installProbe, { templateSelector: TEMPLATE_SELECTOR, expected: layout.shapes })
  await page.goto(link)
  const form = page.getByRole('form', { name: 'Deelnemen aan de sessie' })
  await form.getByLabel('Je naam').fill('Meetdeelnemer')
  await form.getByRole('button', { name: 'Deelnemen' }).click()
  // It opens while the crowd runs: on a busy machine the board of hundreds takes longer than the usual 30 s.
  await page.locator('.tl-canvas').waitFor({ timeout: 180_000 })
  return page
}

/** CDP on a measured page: Chromium's own metrics on, and the CPU throttled as asked. */
async function measuredCdp(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  if (CPU_THROTTLE > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  return cdp
}

interface LoadResult {
  canvasAt: number
  laidOutAt: number
  pointerAt: number
  noteAt: number
  shapes: number
}

/** One cold page load: laid out, then the first sticky through the UI as soon as the layout is there. */
async function measureLoad(browser: Browser, server: ServerProcess, index: number): Promise<LoadResult> {
  const session = await createSession(server.url, server.wsUrl, template, STATE, `Laden ${index + 1}`)
  const page = await openBoard(browser, session.facilitatorLink)
  try {
    await page.locator('[data-testid="tools.note"]').click()
    // Left of the stage panel and below the voting dock: on the board, wherever the camera starts.
    await page.mouse.click(480, 450)
    await page.waitForFunction(() => (window as unknown as ProbeWindow).__templateBench.noteAt != null, undefined, {
      polling: 'raf',
    })
    const probe = await probeOf(page)
    const shapes = await page.evaluate((selector) => document.querySelectorAll(selector).length, TEMPLATE_SELECTOR)
    return {
      canvasAt: probe.canvasAt ?? Number.NaN,
      laidOutAt: probe.laidOutAt ?? Number.NaN,
      pointerAt: probe.firstPointerAt ?? Number.NaN,
      noteAt: probe.noteAt ?? Number.NaN,
      shapes,
    }
  } finally {
    await page.context().close()
  }
}

interface WindowFigures {
  seconds: number
  frames: number
  intervals: { p50: number; p95: number; p99: number; max: number; over50: number; over100: number }
  longTasks: { count: number; totalMs: number; maxMs: number }
  /** Chromium's own accounting over the window, ms of main-thread time per second. */
  chromium: Record<string, number>
  load: string
}

const CHROMIUM_METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const

async function chromiumMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

/** Records frames for `seconds` while `during` runs; returns the page's view of that window. */
async function recordWindow(page: Page, cdp: CDPSession, seconds: number): Promise<WindowFigures> {
  const before = await chromiumMetrics(cdp)
  await page.evaluate(startRecording)
  await sleep(seconds * 1000)
  const { frames, longTasks } = await page.evaluate(stopRecording)
  const after = await chromiumMetrics(cdp)
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] ?? t))
  const sorted = [...intervals].sort((a, b) => a - b)
  const span = ((frames.at(-1) ?? 0) - (frames[0] ?? 0)) / 1000
  const chromiumUse: Record<string, number> = {}
  for (const name of CHROMIUM_METRICS) chromiumUse[name] = (((after[name] ?? 0) - (before[name] ?? 0)) * 1000) / seconds
  return {
    seconds: span,
    frames: frames.length,
    intervals: {
      p50: quantileOf(sorted, 0.5),
      p95: quantileOf(sorted, 0.95),
      p99: quantileOf(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
      over50: intervals.filter((i) => i > 50).length / Math.max(1, intervals.length),
      over100: intervals.filter((i) => i > 100).length / Math.max(1, intervals.length),
    },
    longTasks: {
      count: longTasks.length,
      totalMs: longTasks.reduce((sum, t) => sum + t.duration, 0),
      maxMs: Math.max(0, ...longTasks.map((t) => t.duration)),
    },
    chromium: chromiumUse,
    load: loadAverage(),
  }
}

/** Where the machine went during a window, each in % of one core (2 cores = 200 %). */
interface CpuShares {
  server: number
  /** The crowd's worker processes. */
  generator: number
  /** The bench's own process (playwright, CDP, the measuring). */
  bench: number
  /** Every Chromium process (browser, renderer, GPU and utility processes). */
  chromium: number
  machine: number
}

/** One page measured alone in its browser while the crowd runs. */
interface PageUnderCrowd {
  figures: WindowFigures
  domLatency: LatencySummary
  domMissing: number
  /** Fan-out to the crowd's timing sample, during this page's window. */
  fanOut: LatencySummary
  /** Update frames each simulated participant received per second (the timing sample's mean). */
  updateFramesPerSecond: number
  /** Edits the crowd sent per second in the window: below the plan, the generator (not the page) fell behind. */
  editsPerSecond: number
  cpu: CpuShares
}

interface FluidityResult {
  baseline: WindowFigures
  /** The facilitator's page zoomed to fit the whole board. */
  facilitator: PageUnderCrowd
  /** A participant's page, not zoomed: the board as it opens for them. */
  participant: PageUnderCrowd
  edits: number
  cursorMoves: number
  disconnects: number
  hot: ReturnType<typeof hotSpots>
}

/** The pid of the Chromium this bench launched: its browser process, a child of ours. */
function chromiumPid(): number | undefined {
  return [...childrenNamed(process.pid, 'chromium'), ...childrenNamed(process.pid, 'chrome')][0]
}

/** Starts counting CPU per process group; the returned function gives each one's share since. */
function cpuMeter(server: ServerProcess, crowd: CrowdProcesses): () => CpuShares {
  const wallStart = performance.now()
  const serverStart = server.pid ? cpuSeconds(server.pid) : Number.NaN
  const generatorStart = crowd.cpuSeconds()
  const benchStart = process.cpuUsage()
  const browserPid = chromiumPid()
  const chromium = browserPid === undefined ? undefined : new TreeCpuMonitor(browserPid)
  chromium?.start()
  const machine = new MachineMonitor()
  machine.start()
  return () => {
    const seconds = (performance.now() - wallStart) / 1000
    const bench = process.cpuUsage(benchStart)
    return {
      server: server.pid ? ((cpuSeconds(server.pid) - serverStart) / seconds) * 100 : Number.NaN,
      generator: ((crowd.cpuSeconds() - generatorStart) / seconds) * 100,
      bench: ((bench.user + bench.system) / 1e6 / seconds) * 100,
      chromium: chromium?.stop().cpuPercent ?? Number.NaN,
      machine: machine.stop().machinePercent,
    }
  }
}

interface PageWindow {
  figures: WindowFigures
  cpu: CpuShares
  fromEpoch: number
  toEpoch: number
  seen: Record<string, number>
}

const epochNow = (): number => performance.timeOrigin + performance.now()

/** One page's window under the crowd, after a warm-up (every sticky made and rendered once, cursors shown). */
async function recordUnderCrowd(
  page: Page,
  cdp: CDPSession,
  server: ServerProcess,
  crowd: CrowdProcesses,
): Promise<PageWindow> {
  await sleep(3000)
  const fromEpoch = epochNow()
  const cpu = cpuMeter(server, crowd)
  const figures = await recordWindow(page, cdp, SECONDS)
  const shares = cpu()
  const toEpoch = epochNow()
  // Give the last edits of the window time to arrive before counting what the page never showed.
  await sleep(1000)
  return { figures, cpu: shares, fromEpoch, toEpoch, seen: (await probeOf(page)).seen }
}

/** Whole seconds inside the window only: the first and last are partly outside it. */
function updateFramesPerSecond(bySecond: Record<number, number>, window: PageWindow, timed: number): number {
  let frames = 0
  let seconds = 0
  for (let second = Math.ceil(window.fromEpoch / 1000); (second + 1) * 1000 <= window.toEpoch; second++) {
    frames += bySecond[second] ?? 0
    seconds += 1
  }
  return seconds > 0 && timed > 0 ? frames / seconds / timed : Number.NaN
}

/** The edits sent within a page's window: how late each reached the page's DOM, and how many never did. */
function underCrowd(window: PageWindow, sent: CrowdFigures, timed: number): PageUnderCrowd {
  const latencies: number[] = []
  let missing = 0
  let edits = 0
  for (const [key, sentAt] of sent.sentAtEpoch) {
    if (sentAt < window.fromEpoch || sentAt > window.toEpoch) continue
    edits += 1
    const at = window.seen[key]
    if (at === undefined) missing += 1
    else latencies.push(at - sentAt)
  }
  const fanOut = sent.fanOutMs.filter((_, i) => {
    const at = sent.fanOutAtEpoch[i] ?? 0
    return at >= window.fromEpoch && at <= window.toEpoch
  })
  return {
    figures: window.figures,
    domLatency: summarizeSamples(latencies),
    domMissing: missing,
    fanOut: summarizeSamples(fanOut),
    updateFramesPerSecond: updateFramesPerSecond(sent.updateFramesBySecond, window, timed),
    editsPerSecond: edits / ((window.toEpoch - window.fromEpoch) / 1000),
    cpu: window.cpu,
  }
}

/**
 * The facilitator's page and then a participant's page, each alone in the browser (the other closed) while the
 * same crowd runs: on a 2-core machine two pages side by side would each get about half of what a person's own
 * laptop gives one.
 */
async function measureFluidity(browser: Browser, server: ServerProcess): Promise<FluidityResult> {
  const session = await createSession(server.url, server.wsUrl, template, STATE, 'Vloeiend')
  const tokens = await joinParticipants(server.url, session, PARTICIPANTS)
  const page = await openBoard(browser, session.facilitatorLink)
  const cdp = await measuredCdp(page)
  // Zoom to fit the whole board (tldraw's Shift+1). The editor's container takes the keys once focused; a click
  // would land on a card (the board fills the view) and open its panel.
  await page.locator('.tl-container').focus()
  await page.keyboard.press('Shift+1')
  await sleep(1500)
  await page.evaluate(watchStickyTexts)
  const baseline = await recordWindow(page, cdp, BASELINE_SECONDS)

  const room = sessionRoomName(session.id, 'board')
  const crowd = new CrowdProcesses(
    {
      roomUrl: `${server.wsUrl}/${room}`,
      room,
      area: layout.area,
      cursorHz: CURSOR_HZ,
      editsPerSecond: 1 / EDIT_EVERY,
    },
    tokens.map((token, i) => ({ participant: i + 1, token })),
    TIMED,
    CROWD_PROCESSES,
  )
  let participantPage: Page | undefined
  try {
    await crowd.join()
    crowd.start()
    if (args.profile) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
      await cdp.send('Profiler.start')
    }
    const stopTrace = args.trace ? await startTrace(cdp) : undefined
    const facilitatorWindow = await recordUnderCrowd(page, cdp, server, crowd)
    if (stopTrace && args.trace) {
      const events = await stopTrace()
      writeTrace(args.trace, events)
      console.log(traceReport(events, new URL(page.url()).pathname).join('\n'))
    }
    let hot: ReturnType<typeof hotSpots> = []
    if (args.profile) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile }
      writeFileSync('/tmp/template-bench.cpuprofile', JSON.stringify(profile))
      hot = hotSpots(profile)
    }
    if (args.screenshot) await page.screenshot({ path: args.screenshot })
    await page.context().close()

    participantPage = await openParticipantBoard(browser, session.participantLink)
    const participantCdp = await measuredCdp(participantPage)
    await participantPage.evaluate(watchStickyTexts)
    const participantWindow = await recordUnderCrowd(participantPage, participantCdp, server, crowd)

    const sent = await crowd.stop()
    return {
      baseline,
      facilitator: underCrowd(facilitatorWindow, sent, crowd.timed.length),
      participant: underCrowd(participantWindow, sent, crowd.timed.length),
      edits: sent.edits,
      cursorMoves: sent.cursorMoves,
      disconnects: sent.disconnects,
      hot,
    }
  } finally {
    crowd.close()
    if (!page.isClosed()) await page.context().close()
    await participantPage?.context().close()
  }
}

function printLoads(loads: LoadResult[]): string[] {
  const lines = [
    `Cold page loads (${loads.length}; each a new session and a new browser context), ms since navigation start:`,
    '',
    '| load | canvas | template laid out | click on canvas | sticky in DOM (interactive) | click → sticky | template shapes |',
    '| --: | --: | --: | --: | --: | --: | --: |',
  ]
  loads.forEach((l, i) =>
    lines.push(
      `| ${i + 1} | ${fmt(l.canvasAt)} | ${fmt(l.laidOutAt)} | ${fmt(l.pointerAt)} | ${fmt(l.noteAt)} | ${fmt(l.noteAt - l.pointerAt)} | ${l.shapes} |`,
    ),
  )
  const row = (name: string, values: number[]): string => {
    const s = stats(values)
    return `| ${name} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} |`
  }
  lines.push('', '| step | median | p95 | max |', '| --- | --: | --: | --: |')
  lines.push(
    row(
      'canvas in the DOM',
      loads.map((l) => l.canvasAt),
    ),
  )
  lines.push(
    row(
      'every template shape in the DOM',
      loads.map((l) => l.laidOutAt),
    ),
  )
  lines.push(
    row(
      'first sticky made through the UI in the DOM',
      loads.map((l) => l.noteAt),
    ),
  )
  lines.push(
    row(
      'click → sticky',
      loads.map((l) => l.noteAt - l.pointerAt),
    ),
  )
  const p95 = stats(loads.map((l) => l.noteAt)).p95
  lines.push(
    '',
    `Target: laid out and interactive < ${LOAD_TARGET_MS} ms → p95 ${fmt(p95)} ms: **${p95 < LOAD_TARGET_MS ? 'met' : 'not met'}**`,
  )
  return lines
}

function windowRows(name: string, w: WindowFigures): string {
  const c = w.chromium
  return `| ${name} | ${w.frames} (${fmt(w.frames / Math.max(w.seconds, 1e-9), 1)}/s) | ${fmt(w.intervals.p50, 1)} | ${fmt(w.intervals.p95, 1)} | ${fmt(w.intervals.p99, 1)} | ${fmt(w.intervals.max)} | ${fmt(w.intervals.over50 * 100, 1)} % | ${w.longTasks.count} / ${fmt(w.longTasks.totalMs)} ms | ${fmt(c.TaskDuration)} / ${fmt(c.ScriptDuration)} / ${fmt((c.LayoutDuration ?? 0) + (c.RecalcStyleDuration ?? 0))} | ${w.load} |`
}

function latencyCell(l: LatencySummary, extra: string): string {
  return `${fmt(l.p50, 1)} / ${fmt(l.p95, 1)} / ${fmt(l.p99, 1)} / ${fmt(l.max)} (${l.count} ${extra})`
}

function printFluidity(f: FluidityResult): string[] {
  const pages = [
    ['facilitator', f.facilitator],
    ['participant', f.participant],
  ] as const
  const lines = [
    `Facilitator's page zoomed to fit the whole board (baseline ${BASELINE_SECONDS} s alone), then ${PARTICIPANTS} participants (cursor ${CURSOR_HZ} Hz, a sticky edit every ${EDIT_EVERY} s each; ${CROWD_PROCESSES} crowd process(es), ${TIMED} of them timing the fan-out) and a ${SECONDS} s window after 3 s of warm-up on the facilitator's page, then the same on a participant's page as it opens, each page alone in the browser; CPU throttled ${CPU_THROTTLE}×:`,
    '',
    '| window | frames | interval p50 ms | p95 | p99 | max | > 50 ms | long tasks (n / total) | main thread ms/s: task / script / layout+style | load average |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --- |',
    windowRows('alone (baseline)', f.baseline),
    windowRows(`facilitator's page, ${PARTICIPANTS} participants`, f.facilitator.figures),
    windowRows(`participant's page, ${PARTICIPANTS} participants`, f.participant.figures),
    '',
    "| what (in each page's window) | facilitator's page | participant's page |",
    '| --- | --- | --- |',
    `| sticky edits reaching the page's DOM: p50 / p95 / p99 / max (ms) | ${pages.map(([, p]) => latencyCell(p.domLatency, `seen, ${p.domMissing} not seen`)).join(' | ')} |`,
    `| fan-out to the simulated participants' timing sample: p50 / p95 / p99 / max (ms) | ${pages.map(([, p]) => latencyCell(p.fanOut, 'deliveries')).join(' | ')} |`,
    `| edits the crowd sent per second (planned ${fmt(PARTICIPANTS / EDIT_EVERY)}) | ${pages.map(([, p]) => fmt(p.editsPerSecond)).join(' | ')} |`,
    `| update frames each simulated participant receives per second | ${pages.map(([, p]) => fmt(p.updateFramesPerSecond, 1)).join(' | ')} |`,
    `| CPU, % of one core: server | ${pages.map(([, p]) => `${fmt(p.cpu.server)} %`).join(' | ')} |`,
    `| CPU: the crowd's processes (generator) | ${pages.map(([, p]) => `${fmt(p.cpu.generator)} %`).join(' | ')} |`,
    `| CPU: the bench's own process (playwright, CDP) | ${pages.map(([, p]) => `${fmt(p.cpu.bench)} %`).join(' | ')} |`,
    `| CPU: Chromium, all its processes | ${pages.map(([, p]) => `${fmt(p.cpu.chromium)} %`).join(' | ')} |`,
    `| CPU: whole machine (2 cores = 200 %) | ${pages.map(([, p]) => `${fmt(p.cpu.machine)} %`).join(' | ')} |`,
    '',
    `Edits / cursor moves sent (whole run): ${f.edits} / ${f.cursorMoves}; disconnects: ${f.disconnects}.`,
  ]
  const p95 = f.facilitator.figures.intervals.p95
  const participantP95 = f.participant.figures.intervals.p95
  lines.push(
    '',
    `Target: fluid = frame interval p95 < ${FRAME_TARGET_MS} ms with ${PARTICIPANTS} participants → facilitator ${fmt(p95, 1)} ms: **${p95 < FRAME_TARGET_MS ? 'met' : 'not met'}**, participant ${fmt(participantP95, 1)} ms: **${participantP95 < FRAME_TARGET_MS ? 'met' : 'not met'}**`,
  )
  if (f.hot.length > 0) {
    lines.push(
      '',
      'Hot spots in the page during the window (self time, CDP Profiler; /tmp/template-bench.cpuprofile):',
      '',
      '| function | self ms | share |',
      '| --- | --: | --: |',
    )
    for (const h of f.hot) lines.push(`| \`${h.name}\` | ${fmt(h.selfMs)} | ${fmt(h.share * 100, 1)} % |`)
  }
  return lines
}

const DOCS = resolve(import.meta.dirname, '../../docs/benchmarks.md')
const DOCS_SECTION = '## Template bench runs'

/**
 * `--docs TITLE`: appends this run under `TITLE` to the section of template bench runs in docs/benchmarks.md
 * (made at the end of the file the first time), with the command, date, commit and load that go with figures.
 */
function writeIntoDocs(title: string, lines: string[]): void {
  const docs = readFileSync(DOCS, 'utf8')
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  const run = [
    `### ${title}`,
    '',
    `\`${command}\` — ${new Date().toISOString()}, commit ${commit}, ${machine.cores} cores, load average at the end ${loadAverage()}`,
    '',
    ...lines,
    '',
  ].join('\n')
  const section = docs.includes(DOCS_SECTION)
    ? ''
    : `\n${DOCS_SECTION}\n\nWritten by \`pnpm --filter @werkplaats/bench template ... --docs TITLE\`, one run per subsection.\n`
  writeFileSync(DOCS, `${docs.trimEnd()}\n${section}\n${run}`)
}

const machine = machineInfo()
const command = `pnpm --filter @werkplaats/bench template ${process.argv.slice(2).join(' ')}`.trim()
console.log(
  `# Template on the board (${STATE === 'whole' ? 'whole OECD template: every principle and play chosen' : 'a fresh OECD session'}: ${layout.shapes} template shapes)`,
)
console.log(`Command: \`${command}\``)
console.log(
  `Machine: ${machine.cores} cores (${machine.model}), Node ${machine.node}; load average at start ${loadAverage()}`,
)

// The pages under test connect on top of the crowd: a board of 500 simulated people must still admit them.
const server = await ServerProcess.launch(
  { TLDRAW_LICENSE_KEY: '', ...ONE_ADDRESS, MAX_CONNECTIONS_PER_BOARD: String(Math.max(500, PARTICIPANTS + 10)) },
  'built',
)
const browser = await launchBrowser()
const out: string[] = []
const results: { loads?: LoadResult[]; fluidity?: FluidityResult } = {}
try {
  console.log(`Chromium ${browser.version()}`)
  if (!args['skip-load']) {
    const loads: LoadResult[] = []
    for (let i = 0; i < LOADS; i++) {
      loads.push(await measureLoad(browser, server, i))
      console.error(
        `load ${i + 1}: laid out ${fmt(loads.at(-1)?.laidOutAt)} ms, interactive ${fmt(loads.at(-1)?.noteAt)} ms (load ${loadAverage()})`,
      )
    }
    results.loads = loads
    out.push(...printLoads(loads), '')
  }
  if (!args['skip-fluidity']) {
    const fluidity = await measureFluidity(browser, server)
    results.fluidity = fluidity
    out.push(...printFluidity(fluidity))
  }
  console.log('')
  console.log(out.join('\n'))
  console.log(`\nLoad average at the end: ${loadAverage()}`)
  if (args.json) writeFileSync(args.json, JSON.stringify(results, null, 2))
  if (args.docs) writeIntoDocs(args.docs, out)
} finally {
  await browser.close()
  await server.destroy()
  killAllWorkers()
}
// Sockets, timers and Chromium's pipes of a finished run must not keep the process alive.
process.exit(0)
