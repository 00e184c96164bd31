import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { freePort, serverCommand } from '@werkplaats/server/testing'
import { HOCUSPOCUS_PATH } from './client.ts'
import { nowMs, sleep } from './clock.ts'
import { pinning, pinToCpus } from './procfs.ts'

/** Ours, the reference y-websocket server, and Hocuspocus (only in the memory comparison, see `peerMemory.ts`). */
export type ServerKind = 'werkplaats' | 'reference' | 'hocuspocus'

export interface RunningServer {
  kind: ServerKind
  pid: number
  port: number
  /** WebSocket address up to the room name. */
  urlPrefix: string
  /** y-websocket `serverUrl` for the stock WebsocketProvider (it appends `/<room>`). */
  providerUrl: string
  dataDir: string | null
  /** Lines the server wrote to stderr so far. */
  stderrLines(): number
  /** Bytes of the SQLite files in DATA_DIR (0 for the reference server). */
  storedBytes(): number
  /** The same, file by file: `werkplaats.sqlite 1.2 MiB, -wal 4.0 MiB`. */
  storedDetail(): string
  stop(): Promise<void>
}

const repoRoot = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const referenceEntry = join(dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js')

/** Every server started and not yet stopped, killed on any exit of the bench. */
const live = new Set<ChildProcess>()
export function killAllServers(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
  live.clear()
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = nowMs() + timeoutMs
  while (nowMs() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before it answered`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
      if (response.ok) return
    } catch {
      // not yet
    }
    await sleep(100)
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms`)
}

export interface StartOptions {
  /** Extra environment for our server (e.g. a raised rate limit for the drag scenario). */
  env?: Record<string, string>
  /** Reuse this DATA_DIR (a restart on the same data); otherwise a fresh temporary one. */
  dataDir?: string
  logFile: string
}

/**
 * Every simulated person joins and connects from this one loopback address, which the per-address limits exist to
 * stop (they are meant for one office, not for a whole benchmark): every bench that starts our server lifts them.
 */
export const ONE_ADDRESS = {
  JOIN_BURST_PER_ADDRESS: '1000000',
  SESSION_CREATION_BURST_PER_ADDRESS: '1000000',
  RECONNECTS_PER_MINUTE_PER_ADDRESS: '1000000',
}

export async function startServer(kind: ServerKind, options: StartOptions): Promise<RunningServer> {
  const port = await freePort()
  const base = process.env.BENCH_DATA_BASE ?? tmpdir()
  const dataDir = kind === 'werkplaats' ? (options.dataDir ?? mkdtempSync(join(base, 'werkplaats-bench-'))) : null
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    PORT: String(port),
  }
  delete env.YPERSISTENCE
  let command = process.execPath
  let args: string[]
  if (kind === 'werkplaats') {
    // Built, as production runs it (`server/start.sh`; `pnpm bench` builds it first): what is measured is what runs.
    const built = serverCommand('built')
    command = built.command
    args = built.args
    Object.assign(env, built.env)
    Object.assign(env, { DATA_DIR: dataDir ?? '', NODE_ENV: 'production' }, ONE_ADDRESS, options.env ?? {})
    // For diagnosis only, e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof"; added to what a
    // scenario asks for (scenario 12's event-loop probe).
    const nodeOptions = [options.env?.NODE_OPTIONS, process.env.BENCH_SERVER_NODE_OPTIONS].filter(Boolean).join(' ')
    if (nodeOptions) env.NODE_OPTIONS = nodeOptions
  } else if (kind === 'hocuspocus') {
    args = [join(import.meta.dirname, 'hocuspocusServer.ts')]
  } else {
    // In memory: YPERSISTENCE unset. Its callback feature stays off (CALLBACK_URL unset).
    args = [referenceEntry]
    delete env.CALLBACK_URL
  }
  const child = spawn(command, args, { env, cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  live.add(child)
  child.once('exit', () => live.delete(child))
  const log = createWriteStream(options.logFile, { flags: 'a' })
  log.write(`--- ${kind} on port ${port} (${new Date().toISOString()})\n`)
  child.stdout?.pipe(log, { end: false })
  let errLines = 0
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 0x0a) errLines += 1
    log.write(chunk)
  })
  const healthUrl = kind === 'werkplaats' ? `http://127.0.0.1:${port}/healthz` : `http://127.0.0.1:${port}/`
  try {
    await waitForHttp(healthUrl, child, 20_000)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  const pid = child.pid
  if (pid === undefined) throw new Error('server has no pid')
  if (pinning.server) pinToCpus(pid, pinning.server)
  return {
    kind,
    pid,
    port,
    urlPrefix: {
      werkplaats: `ws://127.0.0.1:${port}/yjs/`,
      reference: `ws://127.0.0.1:${port}/`,
      // Hocuspocus names the document in every message, not in the URL; the bench client reads its framing from
      // this path (see `client.ts`).
      hocuspocus: `ws://127.0.0.1:${port}/${HOCUSPOCUS_PATH}/`,
    }[kind],
    providerUrl: kind === 'werkplaats' ? `ws://127.0.0.1:${port}/yjs` : `ws://127.0.0.1:${port}`,
    dataDir,
    stderrLines: () => errLines,
    storedBytes: () => {
      if (!dataDir) return 0
      let total = 0
      try {
        for (const name of readdirSync(dataDir)) total += statSync(join(dataDir, name)).size
      } catch {
        // gone
      }
      return total
    },
    storedDetail: () => {
      if (!dataDir) return ''
      try {
        return readdirSync(dataDir)
          .map(
            (name) =>
              `${name.replace('werkplaats.sqlite', 'db')} ${(statSync(join(dataDir, name)).size / 1048576).toFixed(2)} MiB`,
          )
          .join(', ')
      } catch {
        return ''
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 8000)
        await exited
        clearTimeout(timer)
      }
      live.delete(child)
      log.end()
    },
  }
}

export function removeDataDir(server: RunningServer): void {
  if (server.dataDir) rmSync(server.dataDir, { recursive: true, force: true })
}
