import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { eventually } from './eventually.ts'

const serverRoot = resolve(import.meta.dirname, '../..')

/**
 * Which server a process runs: its TypeScript sources (`node server/src/main.ts`, what the tests run, so they need
 * no build), or the built JavaScript as production runs it (`server/start.sh`, after `pnpm build`: what the
 * benchmarks measure, and one test that shows the build works).
 */
export type ServerBuild = 'sources' | 'built'

/** The command and environment that start the server `build` names, with the Node running this process. */
export function serverCommand(build: ServerBuild): { command: string; args: string[]; env: Record<string, string> } {
  if (build === 'sources') return { command: process.execPath, args: [join(serverRoot, 'src/main.ts')], env: {} }
  if (!existsSync(join(serverRoot, 'dist/main.js'))) {
    throw new Error(
      'the built server is missing (server/dist/main.js): run `pnpm build` (or `pnpm build:server`) first',
    )
  }
  return { command: join(serverRoot, 'start.sh'), args: [], env: { NODE: process.execPath } }
}

/**
 * Tests make many sessions and join many people from one loopback address, which the API's per-address limits
 * are there to stop; they are raised here unless a test sets them itself (the rate-limit tests do).
 */
const generousAddressLimits = { JOIN_BURST_PER_ADDRESS: '100000', SESSION_CREATION_BURST_PER_ADDRESS: '100000' }

/** A free TCP port on loopback, so a restarted server can come back on the same one. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => done(port))
    })
  })
}

export function temporaryDataDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'werkplaats-test-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/**
 * The real server as its own process (from its sources unless `build` says `built`), so tests can SIGKILL and
 * restart it.
 * Shared by the server's integration tests and the end-to-end tests (`@werkplaats/server/testing`).
 */
export class ServerProcess {
  /** A server on a free port with a fresh data directory; `destroy()` stops it and removes the directory. */
  static async launch(env: Record<string, string> = {}, build: ServerBuild = 'sources'): Promise<ServerProcess> {
    const data = temporaryDataDir()
    const server = new ServerProcess(await freePort(), data.path, env, build)
    server.#removeData = data.remove
    try {
      await server.start()
    } catch (error) {
      await server.destroy()
      throw error
    }
    return server
  }

  #removeData: (() => void) | undefined
  readonly port: number
  readonly dataDir: string
  readonly env: Record<string, string>
  readonly build: ServerBuild
  #child: ChildProcess | undefined
  output = ''
  /** How the process last exited when `stop` stopped it: its status, or null when a signal ended it. */
  exitCode: number | null = null

  constructor(port: number, dataDir: string, env: Record<string, string> = {}, build: ServerBuild = 'sources') {
    this.port = port
    this.dataDir = dataDir
    this.env = env
    this.build = build
  }

  /** The running process's id (for /proc readings in the benchmarks), or null when stopped. */
  get pid(): number | null {
    return this.#child?.pid ?? null
  }

  /** Whether the process is running: false once it has exited, whether stopped or crashed. */
  get alive(): boolean {
    const child = this.#child
    return child !== undefined && child.exitCode === null && child.signalCode === null
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** `host:port` as a browser's request URL shows it. */
  get host(): string {
    return `127.0.0.1:${this.port}`
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/yjs`
  }

  async start(): Promise<void> {
    const { command, args, env } = serverCommand(this.build)
    const child = spawn(command, args, {
      env: {
        ...process.env,
        ...env,
        ...generousAddressLimits,
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.#child = child
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    let ready = false
    const exited = new Promise<never>((_, fail) =>
      child.once('exit', (code) => {
        if (!ready) fail(new Error(`server exited with ${code} before it was ready:\n${this.output}`))
      }),
    )
    exited.catch(() => {})
    try {
      await Promise.race([this.#waitForHealth(), exited])
    } catch (error) {
      // A server that never became healthy is not left running behind the failed test.
      await this.stop('SIGKILL')
      throw error
    }
    ready = true
  }

  async #waitForHealth(): Promise<void> {
    const healthy = () =>
      fetch(`${this.url}/healthz`).then(
        (response) => response.ok,
        () => false, // not listening yet
      )
    // A bound, not a wait: on a machine shared by many test runs a cold start of Node can take this long.
    await eventually(healthy, 'the server becomes healthy', 90_000).catch(() => {
      throw new Error(`server did not become healthy:\n${this.output}`)
    })
  }

  /** Stops the process with `signal` and waits until it has exited (its status is then in `exitCode`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.#child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    child.kill(signal)
    await exited
    this.exitCode = child.exitCode
    this.#child = undefined
  }

  async destroy(): Promise<void> {
    await this.stop('SIGKILL')
    this.#removeData?.()
  }
}
