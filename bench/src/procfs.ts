import { readdirSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { cpus, totalmem } from 'node:os'

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (100 on every usual Linux). */
let clockTicks = 100
try {
  clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
} catch {
  // keep 100
}

let tasksetMissing = false

/** Which CPUs the server and the load generator run on; null: wherever the kernel puts them. */
export const pinning: { server: string | null; generator: string | null } = { server: null, generator: null }

/**
 * Restricts a process and all its threads to the given CPUs (`taskset -a -p -c`), so that the server under test
 * and the load generator do not take each other's core. Returns false where taskset is not available.
 */
export function pinToCpus(pid: number, cpuList: string): boolean {
  if (tasksetMissing) return false
  try {
    execFileSync('taskset', ['-a', '-p', '-c', cpuList, String(pid)], { stdio: 'ignore' })
    return true
  } catch {
    tasksetMissing = true
    return false
  }
}

/**
 * Moves the threads of process `pid` that run at a lower priority than normal (niceness above 0: our render
 * workers lower their own) to `cpuList`, each once; `moved` remembers which. A thread inherits the CPUs of the
 * thread that starts it, so a render worker started by a pinned event loop would otherwise share its one core.
 */
export function pinNicedThreads(pid: number, cpuList: string, moved: Set<number>): void {
  placeThreads(pid, moved, (stat) => {
    // Fields after the command's closing parenthesis; niceness is field 19 of the whole line.
    const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
    return nice > 0 ? cpuList : null
  })
}

/**
 * Lets V8's platform threads of process `pid` ("V8Worker": concurrent garbage collection and compilation, shared by
 * every isolate of the process, the render workers' included) run on `cpuList`, each once. Pinned with the event
 * loop, a render worker's garbage collection ran on the event loop's one core (about a quarter of it during back to
 * back exports, seen in /proc per thread), which no deployment with a second core does: there the scheduler puts
 * them wherever a core is free. The event loop itself stays where it is.
 */
export function spreadV8Helpers(pid: number, cpuList: string, moved: Set<number>): void {
  placeThreads(pid, moved, (_stat, comm) => (comm.startsWith('V8Worker') ? cpuList : null))
}

/** Moves each thread of `pid` not yet in `moved` to the CPUs `where` answers for it (null: leaves it). */
function placeThreads(pid: number, moved: Set<number>, where: (stat: string, comm: string) => string | null): void {
  let threads: string[]
  try {
    threads = readdirSync(`/proc/${pid}/task`)
  } catch {
    return
  }
  for (const name of threads) {
    const thread = Number(name)
    if (moved.has(thread)) continue
    try {
      const stat = readFileSync(`/proc/${pid}/task/${name}/stat`, 'utf8')
      const comm = readFileSync(`/proc/${pid}/task/${name}/comm`, 'utf8').trim()
      const cpus = where(stat, comm)
      if (cpus === null) continue
      // One thread (no -a): the event loop and its other threads stay where they are.
      execFileSync('taskset', ['-p', '-c', cpus, name], { stdio: 'ignore' })
      moved.add(thread)
    } catch {
      // the thread ended meanwhile, or taskset is missing (then nothing is pinned anywhere)
    }
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const utime = Number(fields[11])
    const stime = Number(fields[12])
    return (utime + stime) / clockTicks
  } catch {
    return Number.NaN
  }
}

/** CPU seconds the whole machine has been busy (all cores, everything but idle and iowait), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? ''
    const ticks = line.trim().split(/\s+/).slice(1).map(Number)
    const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0)
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0)
    return (total - idle) / clockTicks
  } catch {
    return Number.NaN
  }
}

/**
 * Measures, over a window, how much CPU the whole machine used, so that what other processes took (a test run,
 * a browser) can be told apart from what the bench and the server used.
 */
export class MachineMonitor {
  #busyStart = Number.NaN
  #wallStart = 0
  #selfStart = process.cpuUsage()

  start(): void {
    this.#busyStart = machineBusySeconds()
    this.#wallStart = performance.now()
    this.#selfStart = process.cpuUsage()
  }

  /** Percent of one core: the machine in all, and the bench's main process itself. */
  stop(): { machinePercent: number; mainPercent: number } {
    const seconds = (performance.now() - this.#wallStart) / 1000
    const self = process.cpuUsage(this.#selfStart)
    return {
      machinePercent: ((machineBusySeconds() - this.#busyStart) / seconds) * 100,
      mainPercent: ((self.user + self.system) / 1e6 / seconds) * 100,
    }
  }
}

export interface MemoryReading {
  /** Resident set size now, bytes. */
  rss: number
  /** Peak resident set size since the process started (VmHWM), bytes. */
  hwm: number
}

export function memory(pid: number): MemoryReading {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name: string): number => {
      const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)
      return match?.[1] ? Number(match[1]) * 1024 : Number.NaN
    }
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return { rss: Number.NaN, hwm: Number.NaN }
  }
}

/** Scheduler state of a process: R running, S sleeping, D waiting on disk (uninterruptible), … */
export function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.charAt(stat.lastIndexOf(')') + 2)
  } catch {
    return '?'
  }
}

/** Bytes a process has caused to be written to storage (/proc/<pid>/io write_bytes). */
export function writeBytes(pid: number): number {
  try {
    const io = readFileSync(`/proc/${pid}/io`, 'utf8')
    return Number(/^write_bytes:\s+(\d+)/m.exec(io)?.[1] ?? Number.NaN)
  } catch {
    return Number.NaN
  }
}

/**
 * Seconds the process's main thread (the event loop) has spent runnable but waiting for a CPU so far, from
 * /proc/<pid>/schedstat (its second field, in ns). Other processes on the server's core show up here.
 */
export function runQueueSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/schedstat`, 'utf8').trim().split(/\s+/)
    return Number(fields[1]) / 1e9
  } catch {
    return Number.NaN
  }
}

export interface ProcessUse {
  cpuPercent: number
  /** Time its event loop was ready to run but had no CPU, as % of the window: other work took its core. */
  waitedForCpuPercent: number
  peakRss: number
  rss: number
  hwm: number
  /** Share of 20 Hz samples in which the process was in D state (blocked on storage). */
  blockedOnDiskPercent: number
  /** Bytes written to storage during the window. */
  diskWrites: number
}

/** Tracks one process over a measurement window: CPU used, RSS sampled for its peak, time blocked on disk. */
export class ProcessMonitor {
  readonly pid: number
  #cpuStart = Number.NaN
  #wallStart = 0
  #cpuPercent = Number.NaN
  #peakRss = 0
  #timer: NodeJS.Timeout | undefined
  #stateTimer: NodeJS.Timeout | undefined
  #samples = 0
  #blocked = 0
  #writesStart = 0
  #runQueueStart = Number.NaN

  constructor(pid: number) {
    this.pid = pid
  }

  start(sampleEveryMs = 250): void {
    this.#cpuStart = cpuSeconds(this.pid)
    this.#runQueueStart = runQueueSeconds(this.pid)
    this.#wallStart = performance.now()
    this.#peakRss = memory(this.pid).rss
    this.#writesStart = writeBytes(this.pid)
    this.#timer = setInterval(() => {
      const { rss } = memory(this.pid)
      if (rss > this.#peakRss) this.#peakRss = rss
    }, sampleEveryMs)
    this.#stateTimer = setInterval(() => {
      this.#samples += 1
      if (processState(this.pid) === 'D') this.#blocked += 1
    }, 50)
  }

  stop(): ProcessUse {
    clearInterval(this.#timer)
    clearInterval(this.#stateTimer)
    const seconds = (performance.now() - this.#wallStart) / 1000
    this.#cpuPercent = ((cpuSeconds(this.pid) - this.#cpuStart) / seconds) * 100
    const now = memory(this.pid)
    return {
      cpuPercent: this.#cpuPercent,
      waitedForCpuPercent: ((runQueueSeconds(this.pid) - this.#runQueueStart) / seconds) * 100,
      peakRss: Math.max(this.#peakRss, now.rss),
      rss: now.rss,
      hwm: now.hwm,
      blockedOnDiskPercent: this.#samples ? (this.#blocked / this.#samples) * 100 : Number.NaN,
      diskWrites: writeBytes(this.pid) - this.#writesStart,
    }
  }
}

export interface MachineInfo {
  cores: number
  model: string
  memoryGiB: number
  node: string
  kernel: string
}

export function machineInfo(): MachineInfo {
  let model = cpus()[0]?.model ?? 'unknown'
  try {
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
    model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? model
  } catch {
    // keep os.cpus()
  }
  let kernel = 'unknown'
  try {
    kernel = readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()
  } catch {
    // keep unknown
  }
  return {
    cores: cpus().length,
    model,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    kernel,
  }
}

/** The parent pid of a process (field 4 of /proc/<pid>/stat), NaN when it is gone. */
function parentPid(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return Number.NaN
  }
}

/**
 * A process and all its descendants, by scanning /proc. PostgreSQL is a postmaster plus one process per
 * connection and a few helpers; its CPU is the sum over all of them.
 */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid)) continue
    const parent = parentPid(pid)
    if (!Number.isFinite(parent)) continue
    const list = children.get(parent) ?? []
    list.push(pid)
    children.set(parent, list)
  }
  const out: number[] = []
  const queue = [root]
  while (queue.length > 0) {
    const pid = queue.shift() as number
    out.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return out
}

/** The direct children of `parent` whose command name (/proc/<pid>/comm) is `comm`. */
export function childrenNamed(parent: number, comm: string): number[] {
  return processTree(parent).filter((pid) => {
    if (pid === parent || parentPid(pid) !== parent) return false
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm
    } catch {
      return false
    }
  })
}

/**
 * CPU of a process tree over a window (% of one core). Processes that start during the window count from zero;
 * processes that end during it are lost, so the figure is a lower bound when connections churn (our instances
 * keep their PostgreSQL pool open, so they do not).
 */
export class TreeCpuMonitor {
  readonly #root: number
  #start = new Map<number, number>()
  #wallStart = 0

  constructor(root: number) {
    this.#root = root
  }

  start(): void {
    this.#start = new Map(processTree(this.#root).map((pid) => [pid, cpuSeconds(pid)]))
    this.#wallStart = performance.now()
  }

  stop(): { cpuPercent: number; processes: number } {
    const seconds = (performance.now() - this.#wallStart) / 1000
    const pids = processTree(this.#root)
    let used = 0
    for (const pid of pids) {
      const now = cpuSeconds(pid)
      if (Number.isFinite(now)) used += now - (this.#start.get(pid) ?? 0)
    }
    return { cpuPercent: (used / seconds) * 100, processes: pids.length }
  }
}

/** `uptime`'s load averages (1, 5, 15 min), read from /proc/loadavg: the machine's load before and after each run. */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ')
  } catch {
    return '? ? ?'
  }
}
