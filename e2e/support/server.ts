import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const mainScript = resolve(import.meta.dirname, '../../server/src/main.ts')

/** The real product server (`node server/src/main.ts`) on a free port with its own data directory. */
export class ServerUnderTest {
  private child: ChildProcess | null = null
  private output = ''

  readonly port: number
  readonly dataDir: string
  private readonly extraEnv: Record<string, string>

  private constructor(port: number, dataDir: string, extraEnv: Record<string, string>) {
    this.port = port
    this.dataDir = dataDir
    this.extraEnv = extraEnv
  }

  /** `env` adds to or overrides the server's environment, e.g. `{ TLDRAW_LICENSE_KEY: '…' }`. */
  static async start(env: Record<string, string> = {}): Promise<ServerUnderTest> {
    const dataDir = mkdtempSync(join(tmpdir(), 'werkplaats-e2e-'))
    const server = new ServerUnderTest(await freePort(), dataDir, env)
    await server.start()
    return server
  }

  /** 127.0.0.1 rather than localhost: one exact host the request check can compare against. */
  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get host(): string {
    return `127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    if (this.child) throw new Error('server already running')
    const child = spawn(process.execPath, [mainScript], {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        TLDRAW_LICENSE_KEY: '',
        ...this.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()))
    await this.waitForHealth(child)
  }

  /** Ends the process the hard way, as a crash or a pulled plug would. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child) return
    this.child = null
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    child.kill('SIGKILL')
    await exited
  }

  async stop(): Promise<void> {
    await this.kill()
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  get log(): string {
    return this.output
  }

  private async waitForHealth(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 20_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.output}`)
      try {
        const response = await fetch(`${this.origin}/healthz`)
        if (response.ok) return
      } catch {
        // Not listening yet.
      }
      await new Promise((done) => setTimeout(done, 100))
    }
    throw new Error(`server did not become healthy on port ${this.port}:\n${this.output}`)
  }
}

async function freePort(): Promise<number> {
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
