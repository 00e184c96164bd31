/**
 * `pnpm bench`: load benchmarks of our sync server against the reference y-websocket server, same scenarios,
 * same run. See ../README.md for what each scenario does and how to read the figures.
 *
 *   pnpm bench                   every scenario, full length (about 12 minutes); writes docs/benchmarks.md
 *   pnpm bench --quick           every scenario, short windows (about 3 minutes); prints only
 *   pnpm bench --scenario 2      one scenario (repeat or comma-separate for more; 7 = memory per board/participant,
 *                                8 = 500 on one board, 9 = scenario 1 while a 4 MiB board loads and compacts,
 *                                10 = a vote round of 300 participants, ours only,
 *                                11 = 300 on one board over two instances with PostgreSQL + Redis, ours only,
 *                                12 = scenario 1 while another board is exported again and again, ours only)
 *   pnpm bench --server werkplaats|reference|both   (default both)
 *   pnpm bench --workers 2       load-generator processes (default: number of cores)
 *   pnpm bench --write           update docs/benchmarks.md even for a partial or quick run
 *   pnpm bench --rounds 5        scenario 12: rounds of alone / with exports, compared by median (default 3, quick 1, at most 15)
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { nowMs } from './clock.ts'
import { machineBusySeconds, machineInfo, pinning, pinToCpus } from './procfs.ts'
import {
  dragTable,
  joinTable,
  loadTable,
  machineLine,
  instancesTable,
  memoryTable,
  type Pair,
  voteTable,
  type RunResults,
  targets,
  targetsTable,
} from './report.ts'
import {
  type LoadPlan,
  type LoadSummary,
  runDrag,
  runJoin,
  runLoad,
  runMemory,
  runVoteRound,
  type Settings,
} from './scenarios.ts'
import { largeBoardServerEnv } from './largeBoard.ts'
import { EXPORT_BOARD } from './exportLoad.ts'
import { exportScenarioReport, runExportScenario } from './exportScenario.ts'
import { peerMemoryTable, runPeerMemory } from './peerMemory.ts'
import { runInstances } from './instances.ts'
import { killAllServers, removeDataDir, type RunningServer, type ServerKind, startServer } from './servers.ts'
import { killAllWorkers } from './workers.ts'

const repoRoot = resolve(import.meta.dirname, '../..')
const docsPath = join(repoRoot, 'docs/benchmarks.md')
const BEGIN = '<!-- bench:results:begin -->'
const END = '<!-- bench:results:end -->'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string', multiple: true },
    server: { type: 'string', default: 'both' },
    workers: { type: 'string' },
    write: { type: 'boolean', default: false },
    'cursor-hz': { type: 'string', default: '10' },
    'no-pin': { type: 'boolean', default: false },
    rounds: { type: 'string' },
  },
})

const selected = new Set<number>(
  (values.scenario ?? []).flatMap((s) => s.split(',')).map((s) => (s.trim() === 'memory' ? 7 : Number(s))),
)
for (const n of selected) {
  if (!Number.isInteger(n) || n < 1 || n > 12) {
    console.error(
      `--scenario takes 1–12 (7 = memory per idle board and participant, 8 = 500 on one board, 9 = 1 with a 4 MiB board loading and compacting, 10 = a vote round of 300, 11 = 300 over two instances, 12 = 1 while another board is exported), got ${n}`,
    )
    process.exit(2)
  }
}
const all = selected.size === 0
const wants = (n: number): boolean => all || selected.has(n)
const kinds: Array<keyof Pair<unknown>> =
  values.server === 'werkplaats'
    ? ['werkplaats']
    : values.server === 'reference'
      ? ['reference']
      : ['werkplaats', 'reference']
const quick = values.quick ?? false
/** Scenario 12's rounds: alone and with the exports in turn, compared by their medians. */
const rounds = Math.max(1, Math.min(15, Math.trunc(Number(values.rounds ?? (quick ? 1 : 3))) || 1))
const cursorHz = Number(values['cursor-hz'])
if (!Number.isFinite(cursorHz) || cursorHz < 0 || cursorHz > 60) {
  console.error('--cursor-hz takes 0–60 (0: no cursor moves)')
  process.exit(2)
}
const cursorEveryMs = cursorHz === 0 ? 0 : 1000 / cursorHz
const logDir = join(tmpdir(), 'werkplaats-bench')
mkdirSync(logDir, { recursive: true })
const settings: Settings = {
  quick,
  workers: Math.max(1, Number(values.workers ?? cpus().length) || 2),
  warmupMs: quick ? 2000 : 5000,
  windowMs: quick ? 6000 : 25_000,
  drainMs: quick ? 2000 : 3000,
  logFile: join(logDir, `servers-${Date.now()}.log`),
}

// The server gets CPU 0 to itself; the load generator (workers and this process) the others.
const cores = cpus().length
if (cores >= 2 && !values['no-pin']) {
  const generator = cores === 2 ? '1' : `1-${cores - 1}`
  if (pinToCpus(process.pid, generator)) {
    pinning.server = '0'
    pinning.generator = generator
  }
}

// Whatever happens, no server and no load worker outlives the bench.
process.on('exit', () => {
  killAllWorkers()
  killAllServers()
})
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => process.exit(130))
// Scenario 12 takes about 3 minutes a round (two runs, each after waiting for quiet); 4 leave room for a busy machine.
const hardLimitMinutes = Math.max(40, 10 + 4 * rounds)
const hardLimit = setTimeout(() => {
  console.error(`bench: hard time limit (${hardLimitMinutes} min) reached; stopping`)
  process.exit(4)
}, hardLimitMinutes * 60_000)
hardLimit.unref()

const loadPlans: Record<number, { title: string; plan: LoadPlan }> = {
  1: {
    title: `Scenario 1 — 50 participants on one board (sticky edit 1/s each, cursor ${cursorHz} Hz)`,
    plan: {
      participants: 50,
      rooms: 1,
      apply: true,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: [],
      roomPrefix: 'bench-s1-',
    },
  },
  2: {
    title: `Scenario 2 — 300 participants on one board (sticky edit 1/s each, cursor ${cursorHz} Hz)`,
    plan: {
      participants: 300,
      rooms: 1,
      apply: false,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: [],
      roomPrefix: 'bench-s2-',
    },
  },
  8: {
    title: `Scenario 8 — 500 participants on one board (as scenario 2; sticky edit 1/s each, cursor ${cursorHz} Hz)`,
    plan: {
      participants: 500,
      rooms: 1,
      apply: false,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: [],
      roomPrefix: 'bench-s8-',
    },
  },
  9: {
    title: `Scenario 9 — scenario 1 while another board of 4 MiB is loaded from SQLite and compacted, again and again`,
    plan: {
      participants: 50,
      rooms: 1,
      apply: true,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: [],
      roomPrefix: 'bench-s9-',
      largeBoard: true,
    },
  },
  12: {
    title: `Scenario 12 — scenario 1 while another board (${EXPORT_BOARD.stickies.toLocaleString('en')} stickies and one of ${EXPORT_BOARD.longSticky.toLocaleString('en')} characters) is exported again and again, every format in turn`,
    plan: {
      participants: 50,
      rooms: 1,
      apply: true,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: [],
      roomPrefix: 'bench-s12-',
      exportLoad: true,
    },
  },
  3: {
    title: `Scenario 3 — 100 boards × 20 participants (sticky edit 1/s each, cursor ${cursorHz} Hz)`,
    plan: {
      participants: 2000,
      rooms: 100,
      apply: false,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: [],
      roomPrefix: 'bench-s3-',
    },
  },
  5: {
    title: 'Scenario 5 — reconnect storm: the 50 participants of scenario 1 all drop and reconnect at once',
    plan: {
      participants: 50,
      rooms: 1,
      apply: true,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: quick ? [2000] : [5000, 13_000, 21_000],
      roomPrefix: 'bench-s5-',
    },
  },
}

const results: RunResults = { load: {}, join: null, drag: null, memory: null, vote: null, instances: null }
const servers: { current: RunningServer | null } = { current: null }

async function withServer<T>(
  kind: ServerKind,
  env: Record<string, string>,
  run: (server: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await startServer(kind, { logFile: settings.logFile, env })
  servers.current = server
  try {
    return await run(server)
  } finally {
    await server.stop()
    removeDataDir(server)
    servers.current = null
  }
}

/**
 * Other work on the machine (a test run, a browser) distorts every figure here. Before each measurement wait,
 * at most `maxWaitMs`, for a second in which the machine is less than 25 % of one core busy.
 */
async function waitForQuietMachine(maxWaitMs: number): Promise<number> {
  const deadline = nowMs() + maxWaitMs
  let busy: number
  do {
    const before = machineBusySeconds()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    busy = (machineBusySeconds() - before) * 100
    if (busy < 25) break
  } while (nowMs() < deadline)
  return busy
}

/** CPU other processes took during a load scenario's window, if it says. */
function otherCpu(result: unknown): number {
  const value = (result as { otherCpuPercent?: unknown } | null)?.otherCpuPercent
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

async function both<T>(name: string, run: (kind: keyof Pair<T>) => Promise<T>): Promise<Pair<T>> {
  const pair: Pair<T> = { werkplaats: null, reference: null }
  for (const kind of kinds) {
    // A load measurement during which other processes took more than a quarter of a core is taken again once
    // (after waiting for quiet), and the quieter of the two is kept.
    for (let attempt = 0; attempt < (quick ? 1 : 2); attempt++) {
      const busy = await waitForQuietMachine(quick ? 5000 : attempt === 0 ? 20_000 : 60_000)
      if (busy >= 25)
        console.log(`  (the machine is busy with other work: ${busy.toFixed(0)} % of one core; measuring anyway)`)
      const started = nowMs()
      process.stdout.write(`  ${name}: ${kind}${attempt > 0 ? ' (again: other processes were busy)' : ''} … `)
      const result = await run(kind)
      console.log(
        `done in ${((nowMs() - started) / 1000).toFixed(0)} s${otherCpu(result) > 0 ? `; other processes ${otherCpu(result).toFixed(0)} % of a core` : ''}`,
      )
      const previous = pair[kind]
      if (previous === null || otherCpu(result) < otherCpu(previous)) pair[kind] = result
      if (otherCpu(pair[kind]) <= 25) break
    }
  }
  return pair
}

const machine = machineInfo()
/** Which server code was measured: the commit, and whether server/ had uncommitted changes at the start. */
function serverRevision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim()
    return dirty ? `${head} with uncommitted changes in server/` : head
  } catch {
    return 'unknown'
  }
}
const revision = serverRevision()
const command = `pnpm bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`
const runStarted = nowMs()
const startedAt = new Date()
const sections: string[] = []

/** A scenario's results, headed by when and at which commit they were measured and how to measure it again. */
function section(title: string, body: string): void {
  const scenario = /^Scenario (\d+)/.exec(title)?.[1]
  const again = scenario ? `pnpm bench --scenario ${scenario}` : command
  const when = startedAt.toISOString().slice(0, 16).replace('T', ' ')
  const text = `### ${title}\n\n*Measured ${when} UTC at ${revision}; again: \`${again}\`. Target: see Targets above.*\n\n${body}\n`
  sections.push(text)
  console.log(`\n${text}`)
}

console.log(`Werkplaats bench — ${machineLine(machine)}`)
const pinText = pinning.server
  ? `server pinned to CPU ${pinning.server}, load generator to CPU ${pinning.generator}`
  : 'no CPU pinning'
console.log(
  `command: ${command}; ${pinText}; ${settings.workers} load workers; warm-up ${settings.warmupMs / 1000} s, window ${settings.windowMs / 1000} s, drain ${settings.drainMs / 1000} s; server logs: ${settings.logFile}\n`,
)

try {
  for (const n of [1, 2, 8, 3]) {
    const entry = loadPlans[n]
    if (!wants(n) || !entry) continue
    console.log(entry.title)
    const pair = await both(`scenario ${n}`, (kind) =>
      withServer(kind, {}, (server) => runLoad(server, entry.plan, settings)),
    )
    results.load[n] = pair
    section(entry.title, loadTable(pair))
  }
  const churn = loadPlans[9]
  if (wants(9) && churn) {
    console.log(churn.title)
    // Ours only: the reference server keeps boards in memory, there is nothing for it to load or compact.
    const busy = await waitForQuietMachine(quick ? 5000 : 20_000)
    if (busy >= 25)
      console.log(`  (the machine is busy with other work: ${busy.toFixed(0)} % of one core; measuring anyway)`)
    const pair: Pair<LoadSummary> = {
      werkplaats: await withServer('werkplaats', largeBoardServerEnv, (server) =>
        runLoad(server, churn.plan, settings),
      ),
      reference: null,
    }
    results.load[9] = pair
    section(churn.title, loadTable(pair))
  }
  const exporting = loadPlans[12]
  const alone = loadPlans[1]
  if (wants(12) && exporting && alone && kinds.includes('werkplaats')) {
    console.log(exporting.title)
    // Ours only (the reference has no exports): see exportScenario.ts.
    const result = await runExportScenario({
      rounds,
      alone: { ...alone.plan, roomPrefix: 'bench-s12-alone-' },
      withExports: exporting.plan,
      run: (env, plan, watch) =>
        withServer('werkplaats', env, async (server) => {
          const stopWatching = watch(server)
          try {
            return await runLoad(server, plan, settings)
          } finally {
            stopWatching()
          }
        }),
      quiet: async () => {
        const busy = await waitForQuietMachine(quick ? 5000 : 20_000)
        if (busy >= 25)
          console.log(`  (the machine is busy with other work: ${busy.toFixed(0)} % of one core; measuring anyway)`)
      },
      progress: (line) => console.log(line),
    })
    const last = [...result.runs].reverse().find((run) => run.exports)
    if (last) results.load[12] = { werkplaats: last.load, reference: null }
    section(exporting.title, exportScenarioReport(result, revision))
  }
  if (wants(4)) {
    const title = 'Scenario 4 — a new client (stock WebsocketProvider) joins a board of 1,000 stickies'
    console.log(title)
    const pair = await both('scenario 4', (kind) => runJoin(kind, settings, servers))
    results.join = pair
    section(title, joinTable(pair))
  }
  const storm = loadPlans[5]
  if (wants(5) && storm) {
    console.log(storm.title)
    const pair = await both('scenario 5', (kind) =>
      withServer(kind, {}, (server) => runLoad(server, storm.plan, settings)),
    )
    results.load[5] = pair
    section(storm.title, loadTable(pair))
  }
  if (wants(6)) {
    const title = 'Scenario 6 — one sticky dragged: 10 minutes of 60 Hz updates, played fast'
    console.log(title)
    // The drag sends ~2,000 updates a second to play 10 minutes in under 20 s; the per-connection rate limit
    // (300 messages/s by default) is raised for this scenario only, since it is not what is measured here.
    const env = { MESSAGES_PER_SECOND: '10000', MESSAGE_BURST: '10000' }
    const pair = await both('scenario 6', (kind) => withServer(kind, env, (server) => runDrag(server, settings)))
    results.drag = pair
    section(title, dragTable(pair))
  }
  if (wants(10) && kinds.includes('werkplaats')) {
    const title =
      'Scenario 10 — a vote round: 300 participants vote within 10 s on one board, then the facilitator reveals'
    console.log(title)
    // Ours only: the reference server has no sessions and no voting.
    const busy = await waitForQuietMachine(quick ? 5000 : 20_000)
    if (busy >= 25)
      console.log(`  (the machine is busy with other work: ${busy.toFixed(0)} % of one core; measuring anyway)`)
    const vote = await withServer('werkplaats', {}, (server) => runVoteRound(server, settings))
    results.vote = vote
    section(title, voteTable(vote))
  }
  if (wants(11) && kinds.includes('werkplaats')) {
    const title = `Scenario 11 — 300 participants on one board split over two instances (PostgreSQL + Redis), against one instance (sticky edit 1/s each, cursor ${cursorHz} Hz)`
    console.log(title)
    // Ours only: the reference server has no shared store. Scenario 2's plan, with its own board names.
    const plan: LoadPlan = {
      participants: 300,
      rooms: 1,
      apply: false,
      editEveryMs: 1000,
      cursorEveryMs,
      stormsAtMs: [],
      roomPrefix: 'bench-s11-',
    }
    const quiet = async (): Promise<void> => {
      const busy = await waitForQuietMachine(quick ? 5000 : 20_000)
      if (busy >= 25)
        console.log(`  (the machine is busy with other work: ${busy.toFixed(0)} % of one core; measuring anyway)`)
    }
    const instances = await runInstances(plan, settings, quiet)
    results.instances = instances
    section(title, instancesTable(instances))
  }
  if (wants(7)) {
    const title = 'Memory per idle board and per idle participant'
    console.log(title)
    const pair = await both('memory', (kind) => withServer(kind, {}, (server) => runMemory(server, settings)))
    results.memory = pair
    section(title, memoryTable(pair))
    const fifty = loadPlans[1]
    if (fifty && kinds.length === 2) {
      const peersTitle = 'Peak memory at 50 on one board: ours, the reference server and Hocuspocus'
      console.log(peersTitle)
      const peers = await runPeerMemory({ ...fifty.plan, roomPrefix: 'bench-peers-' }, async (kind, plan) => {
        const busy = await waitForQuietMachine(quick ? 5000 : 20_000)
        if (busy >= 25)
          console.log(`  (the machine is busy with other work: ${busy.toFixed(0)} % of one core; measuring anyway)`)
        process.stdout.write(`  ${kind} … `)
        const summary = await withServer(kind, {}, (server) => runLoad(server, plan, settings))
        console.log(`peak RSS ${(summary.serverPeakRss / 1048576).toFixed(0)} MiB`)
        return summary
      })
      section(peersTitle, peerMemoryTable(peers))
    }
  }
} catch (error) {
  console.error('\nbench failed:', error instanceof Error ? (error.stack ?? error.message) : error)
  if (servers.current) await servers.current.stop().catch(() => {})
  process.exit(1)
}

const list = targets(results)
const summary = targetsTable(list)
console.log(`\nTargets\n\n${summary}\n`)
const minutes = (nowMs() - runStarted) / 60_000
console.log(`bench finished in ${minutes.toFixed(1)} min`)

const complete = all && kinds.length === 2 && !quick
if (complete || values.write) {
  const body = [
    BEGIN,
    '## Results',
    '',
    `*Written by the bench on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; do not edit by hand.*`,
    '',
    `- **Command:** \`${command}\` (from the repository root; \`./run bench\` does the same after installing)`,
    `- **Machine:** ${machineLine(machine)}`,
    `- **Server code:** ${revision} at the start of the run (each scenario starts the server from the working tree)`,
    `- **CPU placement:** ${pinText} (taskset)`,
    `- **Load generator:** ${settings.workers} worker processes; warm-up ${settings.warmupMs / 1000} s, measurement window ${settings.windowMs / 1000} s, drain ${settings.drainMs / 1000} s per scenario; whole run ${minutes.toFixed(1)} min${quick ? ' (--quick)' : ''}`,
    `- **Servers:** Werkplaats (built, \`server/start.sh\`, default settings, SQLite in a fresh DATA_DIR, every update persisted before relay) and \`@y/websocket-server@0.1.1\` (\`src/server.js\`, in memory: no YPERSISTENCE)`,
    '',
    '### Targets',
    '',
    summary,
    '',
    ...sections,
    END,
  ].join('\n')
  let doc: string
  try {
    doc = readFileSync(docsPath, 'utf8')
  } catch {
    doc = '# Benchmarks\n\n'
  }
  const begin = doc.indexOf(BEGIN)
  const end = doc.indexOf(END)
  doc =
    begin !== -1 && end > begin
      ? doc.slice(0, begin) + body + doc.slice(end + END.length)
      : `${doc.trimEnd()}\n\n${body}\n`
  writeFileSync(docsPath, doc)
  mkdirSync(join(import.meta.dirname, '../results'), { recursive: true })
  writeFileSync(
    join(import.meta.dirname, '../results/latest.json'),
    `${JSON.stringify({ startedAt, command, machine, settings: { ...settings, logFile: undefined }, results }, null, 1)}\n`,
  )
  console.log(`results written to ${docsPath} and bench/results/latest.json`)
}
process.exit(0)
