import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { boardRecords, sessionRoomName } from '@werkplaats/shared'
import { BenchClient, type ClientEvents } from './client.ts'
import { churnLargeBoard } from './largeBoard.ts'
import {
  exportAlone,
  exportRepeatedly,
  type ExportLoadSummary,
  type ExportsAlone,
  prepareExportBoard,
} from './exportLoad.ts'
import { nowMs, sleep, sleepUntil } from './clock.ts'
import {
  createHistogram,
  type HistogramData,
  type LatencySummary,
  merge,
  summarize,
  summarizeSamples,
} from './histogram.ts'
import { type DragCheckpoint, emptyCounters, type LoadResult, type Participant, type Timing } from './ipc.ts'
import { MachineMonitor, memory, ProcessMonitor, type ProcessUse, TreeCpuMonitor } from './procfs.ts'
import { type RunningServer, removeDataDir, type ServerKind, startServer } from './servers.ts'
import { api, Boards, createSession, inParallel, joinSession, roomUrl } from './sessions.ts'
import { WorkerHandle } from './workers.ts'

export interface Settings {
  quick: boolean
  workers: number
  warmupMs: number
  windowMs: number
  drainMs: number
  logFile: string
}

/** What every load scenario reports (1, 2, 3 and 5). */
export interface LoadSummary {
  /** Scenario 9: the size of the second board, and how often it was loaded and compacted in the window. */
  largeBoard?: { boardBytes: number; cycles: number }
  /** Scenario 12: the exports of the second board during the window. */
  exportLoad?: ExportLoadSummary
  /** Scenario 12: the board exported with nothing else running, before the participants connect. */
  exportsAlone?: ExportsAlone
  /** The window in wall-clock milliseconds (`Date.now()`), to match what the server logged itself. */
  windowWall?: { from: number; to: number }
  participants: number
  rooms: number
  connectFailures: number
  connect: LatencySummary
  latency: LatencySummary
  expected: number
  received: number
  reach: number
  /** Boards whose every participant synced and that got at least 99.9 % of their expected deliveries. */
  roomsServed: number
  minRoomReach: number
  disconnects: number
  closeCodes: Record<string, number>
  serverCpuPercent: number
  /** The server's event loop was runnable but had no CPU (other processes on its core), % of the window. */
  serverWaitedForCpuPercent: number
  serverPeakRss: number
  serverHwm: number
  serverBlockedOnDiskPercent: number
  serverDiskWrites: number
  generatorCpuPercent: number
  generatorMaxWorkerCpuPercent: number
  /** CPU used on the machine by everything but the server and the bench (% of one core): noise if not ~0. */
  otherCpuPercent: number
  schedulerLagMs: number
  /** Average payload bytes: one edit as sent, one relayed update as received, one awareness frame each way. */
  editBytes: number
  updateBytesReceived: number
  awarenessBytesSent: number
  awarenessBytesReceived: number
  awarenessFramesReceivedPerSecond: number
  /** Server → clients payload per second (updates + awareness), MB/s. */
  egressMBps: number
  resync: Array<LatencySummary & { failures: number }>
  serverErrorLines: number
  participantsSyncedAtEnd: number
  /**
   * Scenario 11: each instance of ours on its own (`serverCpuPercent` above is then their sum), the shared
   * services (PostgreSQL with all its processes, Redis), and the latency split by whether the edit crossed
   * instances (through Redis) or not.
   */
  instances?: Array<{ cpuPercent: number; waitedForCpuPercent: number; peakRss: number }>
  services?: Array<{ name: string; cpuPercent: number; processes: number }>
  latencySame?: LatencySummary
  latencyCross?: LatencySummary
}

/** A process the bench started besides our server (PostgreSQL, Redis), whose CPU a load scenario reports. */
export interface WatchedService {
  name: string
  pid: number
}

export interface LoadPlan {
  participants: number
  rooms: number
  apply: boolean
  editEveryMs: number
  cursorEveryMs: number
  /** Offsets from the start of the measurement window. */
  stormsAtMs: number[]
  roomPrefix: string
  /** Load and compact a second, 4 MiB board on the same server all through the window (scenario 9). */
  largeBoard?: boolean
  /** Export a second, large board again and again all through the window (scenario 12). */
  exportLoad?: boolean
}

/**
 * The plan's participants, dealt round-robin over `workers` lanes. For ours each participant joins its board's
 * session with its own token (see sessions.ts); the joins happen here, before any load starts.
 */
async function splitParticipants(
  boards: Boards,
  plan: LoadPlan,
  workers: number,
  others: RunningServer[] = [],
): Promise<Participant[][]> {
  // With several instances (scenario 11), participant p goes to instance ⌊p / workers⌋ mod n, so that every worker
  // holds clients of every instance and a slow worker does not weigh on one instance only. Sessions are created on
  // the first instance; each participant joins through the instance it then connects to, as behind a load balancer.
  const instanceCount = 1 + others.length
  const entries = Array.from({ length: plan.participants }, (_, p) => ({
    participant: p + 1,
    room: `${plan.roomPrefix}${p % plan.rooms}`,
    instance: Math.floor(p / workers) % instanceCount,
  }))
  for (const entry of entries) if (boards.sessionsNeeded) await boards.session(entry.room)
  const perInstance = [boards, ...(await Promise.all(others.map((server) => boards.on(server))))]
  const urls: string[] = new Array(entries.length)
  for (const [i, instanceBoards] of perInstance.entries()) {
    const mine = entries.filter((entry) => entry.instance === i)
    const got = await instanceBoards.participantUrls(mine)
    mine.forEach((entry, k) => (urls[entry.participant - 1] = got[k] as string))
  }
  const lanes: Participant[][] = Array.from({ length: workers }, () => [])
  entries.forEach((entry, p) => lanes[p % workers]?.push({ ...entry, url: urls[p] as string }))
  return lanes.filter((lane) => lane.length > 0)
}

/** Starts watching the server, the load workers and the whole machine over a measurement window. */
function watchWindow(
  server: RunningServer,
  workers: WorkerHandle[],
  others: RunningServer[] = [],
  services: WatchedService[] = [],
) {
  const serverMonitor = new ProcessMonitor(server.pid)
  const otherMonitors = others.map((o) => new ProcessMonitor(o.pid))
  const workerMonitors = workers.map((w) => new ProcessMonitor(w.pid))
  const serviceMonitors = services.map((service) => ({ name: service.name, monitor: new TreeCpuMonitor(service.pid) }))
  const machineMonitor = new MachineMonitor()
  machineMonitor.start()
  serverMonitor.start()
  for (const m of otherMonitors) m.start()
  for (const { monitor } of serviceMonitors) monitor.start()
  for (const m of workerMonitors) m.start(1000)
  return {
    stop: () => ({
      serverUse: serverMonitor.stop(),
      otherUse: otherMonitors.map((m) => m.stop()),
      serviceUse: serviceMonitors.map(({ name, monitor }) => ({ name, ...monitor.stop() })),
      workerUse: workerMonitors.map((m) => m.stop()),
      machineUse: machineMonitor.stop(),
    }),
  }
}

/**
 * A load scenario against `server`; with `others` (scenario 11), the same boards are also served by those instances
 * of ours (sharing one store), the participants split between them, and `services` are watched for their CPU.
 */
export async function runLoad(
  server: RunningServer,
  plan: LoadPlan,
  settings: Settings,
  others: RunningServer[] = [],
  services: WatchedService[] = [],
): Promise<LoadSummary> {
  const boards = new Boards(server)
  const lanes = await splitParticipants(boards, plan, settings.workers, others)
  const several = others.length > 0 || services.length > 0
  const instanceOf: number[] = []
  for (const lane of lanes) for (const p of lane) instanceOf[p.participant] = p.instance ?? 0
  // Scenario 9's second board: the facilitator's token, one connection at a time.
  const largeBoardUrl = plan.largeBoard ? await boards.facilitatorUrl(`${plan.roomPrefix}large`) : ''
  // Scenario 12's second board, stored before the load starts.
  const exportTarget = plan.exportLoad
    ? await prepareExportBoard(
        server,
        await boards.session(`${plan.roomPrefix}export`),
        await boards.facilitatorUrl(`${plan.roomPrefix}export`),
      )
    : undefined
  const exportsAlone = exportTarget
    ? await exportAlone(exportTarget, { settleMs: 12_000, idleMs: 4000, exportMs: 8000 })
    : undefined
  const workers = lanes.map(() => new WorkerHandle())
  try {
    lanes.forEach((participants, i) =>
      workers[i]?.send({
        type: 'job',
        job: {
          kind: 'load',
          participants,
          apply: plan.apply,
          editEveryMs: plan.editEveryMs,
          cursorEveryMs: plan.cursorEveryMs,
          connectConcurrency: 20,
          ...(several ? { instanceOf } : {}),
        },
      }),
    )
    const ready = await Promise.all(workers.map((w) => w.receive('ready', 180_000)))
    await sleep(500)
    const startAt = nowMs() + 300
    const measureFrom = startAt + settings.warmupMs
    const measureTo = measureFrom + settings.windowMs
    const timing: Timing = {
      startAt,
      measureFrom,
      measureTo,
      drainMs: settings.drainMs,
      storms: plan.stormsAtMs.map((offset) => measureFrom + offset),
    }
    for (const w of workers) w.send({ type: 'start', timing })
    const results = Promise.all(
      workers.map((w) => w.receive('result', settings.warmupMs + settings.windowMs + settings.drainMs + 120_000)),
    )
    // Built before the window (building 4 MiB of stickies takes the generator a while), churned during it.
    const churn = plan.largeBoard ? churnLargeBoard(largeBoardUrl, measureTo) : undefined
    const exporting = exportTarget ? exportRepeatedly(exportTarget, measureFrom, measureTo) : undefined
    await sleepUntil(measureFrom)
    const windowFrom = Date.now()
    const monitors = watchWindow(server, workers, others, services)
    await sleepUntil(measureTo)
    const windowWall = { from: windowFrom, to: Date.now() }
    const { serverUse, otherUse, serviceUse, workerUse, machineUse } = monitors.stop()
    const done = (await results).map((r) => r.result)
    const summary = summarizeLoad(plan, settings, server, ready, done, serverUse, workerUse)
    if (churn) summary.largeBoard = await churn
    if (exporting) summary.exportLoad = await exporting
    if (exportsAlone) summary.exportsAlone = exportsAlone
    summary.windowWall = windowWall
    if (several) {
      const instances = [serverUse, ...otherUse]
      summary.instances = instances.map((use) => ({
        cpuPercent: use.cpuPercent,
        waitedForCpuPercent: use.waitedForCpuPercent,
        peakRss: use.peakRss,
      }))
      summary.serverCpuPercent = instances.reduce((n, use) => n + use.cpuPercent, 0)
      summary.serverWaitedForCpuPercent = Math.max(...instances.map((use) => use.waitedForCpuPercent))
      summary.serverErrorLines = [server, ...others].reduce((n, s) => n + s.stderrLines(), 0)
      summary.services = serviceUse
      summary.latencySame = summarizeMerged(done.map((r) => r.latencySame))
      summary.latencyCross = summarizeMerged(done.map((r) => r.latencyCross))
    }
    const servicesCpu = serviceUse.reduce((n, use) => n + use.cpuPercent, 0)
    summary.otherCpuPercent = Math.max(
      0,
      machineUse.machinePercent -
        machineUse.mainPercent -
        summary.serverCpuPercent -
        servicesCpu -
        summary.generatorCpuPercent,
    )
    return summary
  } finally {
    for (const w of workers) w.close()
  }
}

/** The workers' histograms of one kind merged (absent in every worker: nothing measured). */
function summarizeMerged(parts: Array<HistogramData | undefined>): LatencySummary {
  const all = createHistogram()
  for (const part of parts) if (part) merge(all, part)
  return summarize(all)
}

function summarizeLoad(
  plan: LoadPlan,
  settings: Settings,
  server: RunningServer,
  ready: Array<{ connectMs: number[]; failures: number; failureReasons: string[] }>,
  results: LoadResult[],
  serverUse: ProcessUse,
  workerUse: Array<{ cpuPercent: number }>,
): LoadSummary {
  const latency = createHistogram()
  const sent: Record<string, number> = {}
  const received: Record<string, number> = {}
  const closeCodes: Record<string, number> = {}
  const totals = emptyCounters()
  let schedulerLagMs = 0
  const resyncs: number[][] = plan.stormsAtMs.map(() => [])
  for (const r of results) {
    merge(latency, r.latency)
    for (const [room, n] of Object.entries(r.sentByRoom)) sent[room] = (sent[room] ?? 0) + n
    for (const [room, n] of Object.entries(r.receivedByRoom)) received[room] = (received[room] ?? 0) + n
    for (const [code, n] of Object.entries(r.closeCodes)) closeCodes[code] = (closeCodes[code] ?? 0) + n
    for (const key of Object.keys(totals) as Array<keyof typeof totals>) totals[key] += r[key]
    schedulerLagMs = Math.max(schedulerLagMs, r.schedulerLagMs)
    r.resyncMs.forEach((times, i) => resyncs[i]?.push(...times))
  }
  const perRoom = Math.round(plan.participants / plan.rooms)
  let expected = 0
  let got = 0
  let roomsServed = 0
  let minRoomReach = 1
  for (let i = 0; i < plan.rooms; i++) {
    const room = `${plan.roomPrefix}${i}`
    const want = (sent[room] ?? 0) * (perRoom - 1)
    const have = received[room] ?? 0
    expected += want
    got += have
    const reach = want === 0 ? 0 : have / want
    minRoomReach = Math.min(minRoomReach, reach)
    if (reach >= 0.999) roomsServed += 1
  }
  const failures = ready.reduce((n, r) => n + r.failures, 0)
  const windowS = settings.windowMs / 1000
  return {
    participants: plan.participants,
    rooms: plan.rooms,
    connectFailures: failures,
    connect: summarizeSamples(ready.flatMap((r) => r.connectMs)),
    latency: summarize(latency),
    expected,
    received: got,
    reach: expected === 0 ? 0 : got / expected,
    roomsServed: failures > 0 ? Math.min(roomsServed, plan.rooms - 1) : roomsServed,
    minRoomReach,
    disconnects: totals.disconnects,
    closeCodes,
    serverCpuPercent: serverUse.cpuPercent,
    serverWaitedForCpuPercent: serverUse.waitedForCpuPercent,
    serverPeakRss: serverUse.peakRss,
    serverHwm: serverUse.hwm,
    serverBlockedOnDiskPercent: serverUse.blockedOnDiskPercent,
    serverDiskWrites: serverUse.diskWrites,
    generatorCpuPercent: workerUse.reduce((n, w) => n + w.cpuPercent, 0),
    generatorMaxWorkerCpuPercent: Math.max(...workerUse.map((w) => w.cpuPercent)),
    otherCpuPercent: Number.NaN,
    schedulerLagMs,
    editBytes: totals.editFramesSent ? totals.editBytesSent / totals.editFramesSent : Number.NaN,
    updateBytesReceived: totals.updateFramesReceived
      ? totals.updateBytesReceived / totals.updateFramesReceived
      : Number.NaN,
    awarenessBytesSent: totals.awarenessFramesSent
      ? totals.awarenessBytesSent / totals.awarenessFramesSent
      : Number.NaN,
    awarenessBytesReceived: totals.awarenessFramesReceived
      ? totals.awarenessBytesReceived / totals.awarenessFramesReceived
      : Number.NaN,
    awarenessFramesReceivedPerSecond: totals.awarenessFramesReceived / windowS,
    egressMBps: (totals.updateBytesReceived + totals.awarenessBytesReceived) / windowS / 1e6,
    resync: resyncs.map((times) => {
      const ok = times.filter((t) => Number.isFinite(t))
      return { ...summarizeSamples(ok), failures: plan.participants - ok.length }
    }),
    serverErrorLines: server.stderrLines(),
    participantsSyncedAtEnd: totals.participantsSyncedAtEnd,
  }
}

// ---------------------------------------------------------------------------------------------------------
// Scenario 4: a new client joining a board of 1,000 stickies.

export interface JoinSummary {
  stickies: number
  docBytes: number
  /** Stock WebsocketProvider, room loaded (another participant connected). */
  warm: LatencySummary
  /** Our server restarted on the same data before each join: the board is read from SQLite first. */
  cold: LatencySummary | null
  serverRss: number
}

const quietEvents: ClientEvents = {
  updateReceived() {},
  awarenessReceived() {},
  sent() {},
  unexpectedClose() {},
}

/**
 * Time from creating a stock WebsocketProvider until its `sync` event, checking the document arrived. For ours
 * the newcomer is a new participant of the board's session (joined through the API before the clock starts),
 * its token in the provider's `params`, as the client passes it.
 */
async function providerJoin(boards: Boards, board: string, stickies: number, n: number): Promise<number> {
  const server = boards.server
  const room = await boards.roomName(board)
  const { token } = await boards.participant(board, `Nieuwkomer ${n}`)
  const doc = new Y.Doc()
  const started = nowMs()
  const provider = new WebsocketProvider(server.providerUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(token ? { params: { token } } : {}),
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('join: not synced within 30 s')), 30_000)
      provider.on('sync', (synced: boolean) => {
        if (!synced) return
        clearTimeout(timer)
        resolve()
      })
    })
    const elapsed = nowMs() - started
    const size = boardRecords(doc).size
    if (size < stickies) throw new Error(`join: synced with ${size} records, expected ${stickies}`)
    return elapsed
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

export async function runJoin(
  kind: ServerKind,
  settings: Settings,
  servers: { current: RunningServer | null },
): Promise<JoinSummary> {
  const stickies = 1000
  const room = 'bench-join-0'
  let server = await startServer(kind, { logFile: settings.logFile })
  servers.current = server
  // The seeder and the probes use the facilitator's token; each measured newcomer joins as a participant.
  let boards = new Boards(server)
  const boardUrl = await boards.facilitatorUrl(room)
  const seeder = new BenchClient(boardUrl, room, 1, false, quietEvents)
  await seeder.connect()
  // One update per sticky, as a person adds them, then (full run) one move of each: 2,000 updates, paced
  // under the default rate limit of 300 messages a second.
  const rounds = settings.quick ? 1 : 2
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < stickies; i += 5) {
      for (let k = i; k < i + 5; k++)
        seeder.edit((k % 40) * 220 + round * 10, Math.floor(k / 40) * 220, k, `Sticky ${k}: een idee`)
      await sleep(20)
    }
  }
  // Wait (bounded) until a fresh client receives all of them: the seeder's updates are paced, not acknowledged.
  const deadline = nowMs() + 30_000
  let docBytes: number
  for (let attempt = 0; ; attempt++) {
    const probe = new BenchClient(boardUrl, room, 100 + attempt, true, quietEvents)
    await probe.connect()
    docBytes = probe.lastStep2Bytes
    const have = probe.records.size
    probe.destroy()
    if (have >= stickies || nowMs() > deadline) break
    await sleep(500)
  }
  const warm: number[] = []
  const joins = settings.quick ? 5 : 20
  for (let i = 0; i < joins; i++) {
    warm.push(await providerJoin(boards, room, stickies, i))
    await sleep(100)
  }
  const serverRss = memory(server.pid).rss
  seeder.destroy()
  let cold: LatencySummary | null = null
  if (kind === 'werkplaats') {
    const samples: number[] = []
    const dataDir = server.dataDir ?? undefined
    for (let i = 0; i < (settings.quick ? 1 : 3); i++) {
      await server.stop()
      const session = await boards.session(room)
      server = await startServer(kind, { logFile: settings.logFile, ...(dataDir ? { dataDir } : {}) })
      servers.current = server
      // Same data, same session: its tokens were stored with it.
      boards = new Boards(server, new Map([[room, session]]))
      samples.push(await providerJoin(boards, room, stickies, 1000 + i))
    }
    cold = summarizeSamples(samples)
  }
  await server.stop()
  removeDataDir(server)
  servers.current = null
  return { stickies, docBytes, warm: summarizeSamples(warm), cold, serverRss }
}

// ---------------------------------------------------------------------------------------------------------
// Scenario 6: one sticky dragged for a long time.

export interface DragSummary {
  updates: number
  simulatedMinutes: number
  durationMs: number
  seenByObserver: number
  latency: LatencySummary
  bytesPerUpdate: number
  disconnects: number
  checkpoints: Array<DragCheckpoint & { rss: number; storedBytes: number; storedDetail: string }>
  serverCpuPercent: number
  serverHwm: number
  rssAfterSettle: number
}

export async function runDrag(server: RunningServer, settings: Settings): Promise<DragSummary> {
  const updates = settings.quick ? 6000 : 36_000
  const worker = new WorkerHandle()
  try {
    worker.send({
      type: 'job',
      // The dragger, the observer and the size probes all use the facilitator's token.
      job: {
        kind: 'drag',
        url: await new Boards(server).facilitatorUrl('bench-drag-0'),
        room: 'bench-drag-0',
        updates,
        ratePerSecond: 2000,
        checkpoints: 10,
        timeoutMs: 150_000,
      },
    })
    await worker.receive('ready', 30_000)
    const monitor = new ProcessMonitor(server.pid)
    monitor.start()
    worker.send({
      type: 'start',
      timing: { startAt: nowMs(), measureFrom: nowMs(), measureTo: nowMs(), drainMs: 0, storms: [] },
    })
    const checkpoints: DragSummary['checkpoints'] = []
    const deadline = nowMs() + 240_000
    for (;;) {
      const message = await worker.receive('checkpoint', deadline - nowMs())
      checkpoints.push({
        ...message.checkpoint,
        rss: memory(server.pid).rss,
        storedBytes: server.storedBytes(),
        storedDetail: server.storedDetail(),
      })
      worker.send({ type: 'checkpoint-done' })
      if (message.checkpoint.final) break
    }
    const result = await worker.receive('drag-result', 60_000)
    const use = monitor.stop()
    await sleep(5000)
    return {
      updates: result.sent,
      simulatedMinutes: result.sent / 60 / 60,
      durationMs: result.durationMs,
      seenByObserver: result.seen,
      latency: summarize(result.latency),
      bytesPerUpdate: result.frameBytes,
      disconnects: result.disconnects,
      checkpoints,
      serverCpuPercent: use.cpuPercent,
      serverHwm: use.hwm,
      rssAfterSettle: memory(server.pid).rss,
    }
  } finally {
    worker.close()
  }
}

// ---------------------------------------------------------------------------------------------------------
// Memory per idle board and per idle participant.

export interface MemorySummary {
  boards: number
  participants: number
  baselineRss: number
  boardsRss: number
  crowdRss: number
  perBoard: number
  perParticipant: number
  failures: number
}

function steadyRss(pid: number): Promise<number> {
  return (async () => {
    const samples: number[] = []
    for (let i = 0; i < 5; i++) {
      samples.push(memory(pid).rss)
      await sleep(200)
    }
    samples.sort((a, b) => a - b)
    return samples[2] ?? Number.NaN
  })()
}

export async function runMemory(server: RunningServer, settings: Settings): Promise<MemorySummary> {
  const boards = settings.quick ? 50 : 200
  const crowd = settings.quick ? 100 : 400
  // For ours, every session and participant is created through the API before the baseline, and the control
  // rooms those calls load are left to unload (ROOM_UNLOAD_AFTER_MS, 10 s by default): the deltas below are the
  // idle board rooms and their connections, as for the reference, not the API's warm-up or session rows.
  const directory = new Boards(server)
  const boardEntries = Array.from({ length: boards }, (_, b) => ({ participant: b + 1, room: `bench-idle-${b}` }))
  const crowdEntries = Array.from({ length: crowd }, (_, p) => ({ participant: 10_000 + p, room: 'bench-idle-0' }))
  const boardUrls = await directory.participantUrls(boardEntries)
  const crowdUrls = await directory.participantUrls(crowdEntries)
  await sleep(directory.sessionsNeeded ? 11_500 : 1000)
  const baselineRss = await steadyRss(server.pid)
  const handles: WorkerHandle[] = []
  try {
    const lanes: Array<Array<Participant & { seedStickies: number }>> = Array.from(
      { length: settings.workers },
      () => [],
    )
    boardEntries.forEach((entry, b) =>
      lanes[b % settings.workers]?.push({ ...entry, url: boardUrls[b] as string, seedStickies: 20 }),
    )
    let failures = 0
    for (const lane of lanes.filter((l) => l.length > 0)) {
      const w = new WorkerHandle()
      handles.push(w)
      w.send({ type: 'job', job: { kind: 'idle', participants: lane, connectConcurrency: 20 } })
    }
    for (const w of handles) failures += (await w.receive('ready', 120_000)).failures
    await sleep(3000)
    const boardsRss = await steadyRss(server.pid)
    const crowdLanes: Array<Array<Participant & { seedStickies: number }>> = Array.from(
      { length: settings.workers },
      () => [],
    )
    crowdEntries.forEach((entry, p) =>
      crowdLanes[p % settings.workers]?.push({ ...entry, url: crowdUrls[p] as string, seedStickies: 0 }),
    )
    const crowdHandles: WorkerHandle[] = []
    for (const lane of crowdLanes.filter((l) => l.length > 0)) {
      const w = new WorkerHandle()
      crowdHandles.push(w)
      handles.push(w)
      w.send({ type: 'job', job: { kind: 'idle', participants: lane, connectConcurrency: 20 } })
    }
    for (const w of crowdHandles) failures += (await w.receive('ready', 120_000)).failures
    await sleep(3000)
    const crowdRss = await steadyRss(server.pid)
    for (const w of handles) w.send({ type: 'release' })
    await Promise.all(handles.map((w) => w.receive('result', 30_000).catch(() => null)))
    return {
      boards,
      participants: crowd,
      baselineRss,
      boardsRss,
      crowdRss,
      perBoard: (boardsRss - baselineRss) / boards,
      perParticipant: (crowdRss - boardsRss) / crowd,
      failures,
    }
  } finally {
    for (const w of handles) w.close()
  }
}

// ---------------------------------------------------------------------------------------------------------
// Scenario 10: a vote round of 300 participants on one board (ours only: the reference has no voting).

export interface VoteSummary {
  participants: number
  cards: number
  votesEach: number
  windowMs: number
  votesPlanned: number
  /** `POST …/votes`: from sending until the answer was read. */
  latency: LatencySummary
  statuses: Record<string, number>
  votesAccepted: number
  /** Control-room update frames one screen received, on average, while the votes were cast. */
  controlUpdatesPerScreen: number
  /** `POST …/reveal`: until the facilitator's answer. */
  revealAnsweredMs: number
  /** From sending the reveal until each participant's control-room connection had the revealed tallies. */
  revealSeen: LatencySummary
  revealNeverSeen: number
  /** Votes in the tallies as the screens got them; must equal votesAccepted. */
  tallyVotes: number
  connectFailures: number
  disconnects: number
  serverCpuPercent: number
  serverWaitedForCpuPercent: number
  serverBlockedOnDiskPercent: number
  serverPeakRss: number
  generatorCpuPercent: number
  generatorSendLagMs: number
  otherCpuPercent: number
  serverErrorLines: number
}

const OECD_TEMPLATE = 'oecd-innovatie-playbook'

export async function runVoteRound(server: RunningServer, settings: Settings): Promise<VoteSummary> {
  const participants = 300
  const votesEach = 3
  const windowMs = 10_000
  // The Kaderen stage of the OECD template: a round on the first principle's assessment questions, as the
  // facilitator opens it there ("We moeten dit verbeteren!").
  const template = await api<{ principles: Array<{ assessmentQuestions: Array<{ id: string }> }> }>(
    server,
    'GET',
    `/api/templates/${OECD_TEMPLATE}`,
  )
  const cardIds = (template.principles[0]?.assessmentQuestions ?? []).map((q) => q.id)
  if (cardIds.length < votesEach)
    throw new Error(`vote round: the template's first principle has ${cardIds.length} assessment questions`)
  const session = await createSession(server, 'Bench stemronde', OECD_TEMPLATE)
  const joined = await inParallel(
    Array.from({ length: participants }, (_, i) => i + 1),
    16,
    (n) => joinSession(server, session, `Deelnemer ${n}`),
  )
  const voters = joined.map(({ token }, i) => ({
    participant: i + 1,
    token,
    controlUrl: roomUrl(server, sessionRoomName(session.id, 'control'), token),
  }))
  const lanes: Array<typeof voters> = Array.from({ length: settings.workers }, () => [])
  voters.forEach((v, i) => lanes[i % settings.workers]?.push(v))
  const active = lanes.filter((lane) => lane.length > 0)
  const workers = active.map(() => new WorkerHandle())
  try {
    const sessionApi = `http://127.0.0.1:${server.port}/api/sessions/${session.id}`
    active.forEach((lane, i) =>
      workers[i]?.send({ type: 'job', job: { kind: 'vote', voters: lane, sessionApi, connectConcurrency: 20 } }),
    )
    const ready = await Promise.all(workers.map((w) => w.receive('ready', 120_000)))
    const { roundId } = await api<{ roundId: string }>(
      server,
      'POST',
      `/api/sessions/${session.id}/rounds`,
      { stageId: 'kaderen', cardIds, votesPerParticipant: votesEach, maxVotesPerCard: 1 },
      session.facilitatorToken,
    )
    await sleep(1000)
    const monitors = watchWindow(server, workers)
    const startAt = nowMs() + 300
    for (const w of workers) w.send({ type: 'vote-start', roundId, cardIds, votesEach, startAt, windowMs })
    const cast = (await Promise.all(workers.map((w) => w.receive('votes-cast', windowMs + 60_000)))).map(
      (m) => m.result,
    )
    await sleep(500)
    const revealTimeoutMs = 10_000
    const revealAt = nowMs()
    for (const w of workers) w.send({ type: 'reveal-sent', at: revealAt, timeoutMs: revealTimeoutMs })
    await api(
      server,
      'POST',
      `/api/sessions/${session.id}/rounds/${roundId}/reveal`,
      undefined,
      session.facilitatorToken,
    )
    const revealAnsweredMs = nowMs() - revealAt
    const seen = (await Promise.all(workers.map((w) => w.receive('reveal-seen', revealTimeoutMs + 30_000)))).map(
      (m) => m.result,
    )
    const { serverUse, workerUse, machineUse } = monitors.stop()

    const latency = createHistogram()
    const statuses: Record<string, number> = {}
    for (const r of cast) {
      merge(latency, r.latency)
      for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n
    }
    const seenMs = seen
      .flatMap((r) => r.seenAt)
      .filter((t) => Number.isFinite(t))
      .map((t) => t - revealAt)
    const generatorCpuPercent = workerUse.reduce((n, w) => n + w.cpuPercent, 0)
    return {
      participants,
      cards: cardIds.length,
      votesEach,
      windowMs,
      votesPlanned: participants * votesEach,
      latency: summarize(latency),
      statuses,
      votesAccepted: statuses['201'] ?? 0,
      controlUpdatesPerScreen: cast.reduce((n, r) => n + r.controlUpdates, 0) / participants,
      revealAnsweredMs,
      revealSeen: summarizeSamples(seenMs),
      revealNeverSeen: participants - seenMs.length,
      tallyVotes: seen.map((r) => r.tallyVotes).find((n) => Number.isFinite(n)) ?? Number.NaN,
      connectFailures: ready.reduce((n, r) => n + r.failures, 0),
      disconnects: seen.reduce((n, r) => n + r.disconnects, 0),
      serverCpuPercent: serverUse.cpuPercent,
      serverWaitedForCpuPercent: serverUse.waitedForCpuPercent,
      serverBlockedOnDiskPercent: serverUse.blockedOnDiskPercent,
      serverPeakRss: serverUse.peakRss,
      generatorCpuPercent,
      generatorSendLagMs: Math.max(...cast.map((r) => r.sendLagMs)),
      otherCpuPercent: Math.max(
        0,
        machineUse.machinePercent - machineUse.mainPercent - serverUse.cpuPercent - generatorCpuPercent,
      ),
      serverErrorLines: server.stderrLines(),
    }
  } finally {
    for (const w of workers) w.close()
  }
}
