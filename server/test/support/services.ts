import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { eventually } from './eventually.ts'
import { freePort } from './serverProcess.ts'

/**
 * Throw-away PostgreSQL and Redis servers for tests: each on a free loopback port, with its files in a temporary
 * folder, gone when stopped. Tests need no manual set-up beyond Debian's `postgresql` and `redis-server` packages
 * (`./run test` installs them when run as root; see scripts/ensure-services.sh).
 */

/** Where Debian (and most distributions) put PostgreSQL's server programs: newest version first. */
function postgresBinDir(): string {
  const fromEnv = process.env.POSTGRES_BIN_DIR
  if (fromEnv) return fromEnv
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions[0]) return join(root, versions[0], 'bin')
  throw new Error(
    "These tests need PostgreSQL server programs (initdb, postgres): install Debian's postgresql package " +
      '(apt-get install postgresql; ./run test does it when run as root) or set POSTGRES_BIN_DIR.',
  )
}

function redisServerPath(): string {
  const fromEnv = process.env.REDIS_SERVER
  if (fromEnv) return fromEnv
  for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server'])
    if (existsSync(candidate)) return candidate
  throw new Error(
    "These tests need redis-server: install Debian's redis-server package (apt-get install redis-server; " +
      './run test does it when run as root) or set REDIS_SERVER.',
  )
}

/** PostgreSQL refuses to run as root; as root, it runs as the `postgres` user the Debian package creates. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  return { uid, gid }
}

async function waitForPort(port: number, child: ChildProcess, output: () => string, what: string): Promise<void> {
  const open = () => {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`)
    return new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        done(true)
      })
      socket.once('error', () => done(false))
    })
  }
  await eventually(open, `${what} listens on ${port}`, 20_000).catch((error: unknown) => {
    throw new Error(`${what} did not start listening on ${port}:\n${output()}`, { cause: error })
  })
}

export interface TestPostgres {
  /** A connection string to the cluster's `postgres` database. */
  readonly url: string
  /** Creates an empty database and answers its connection string; each test store gets its own. */
  createDatabase(): Promise<string>
  stop(): Promise<void>
}

let databases = 0

/** Starts a PostgreSQL cluster of its own (initdb in a temporary folder); `stop()` removes it. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir()
  const dir = mkdtempSync(join(tmpdir(), 'werkplaats-pg-'))
  const user = runAs()
  if (user) {
    chownSync(dir, user.uid, user.gid)
    chmodSync(dir, 0o700)
  }
  const data = join(dir, 'data')
  // Trust on loopback, no fsync: a test cluster is thrown away, and durability across a killed *server
  // instance* does not depend on PostgreSQL's fsync (PostgreSQL itself keeps running).
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    {
      stdio: 'pipe',
      ...(user ?? {}),
    },
  )
  const port = await freePort()
  let output = ''
  const child = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) },
  )
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  await waitForPort(port, child, () => output, 'postgres')
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  // The port opens a moment before the server accepts sessions.
  const acceptsSessions = async () => {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => {})
    }
  }
  await eventually(acceptsSessions, 'postgres accepts sessions', 20_000)
  return {
    url,
    async createDatabase() {
      const name = `werkplaats_test_${process.pid}_${++databases}`
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${name}`)
      } finally {
        await admin.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((done) => child.once('exit', () => done()))
        // SIGINT: PostgreSQL's fast shutdown, which ends open sessions instead of waiting for them.
        child.kill('SIGINT')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface TestRedis {
  readonly url: string
  readonly port: number
  /** Stops the server as if it crashed (SIGKILL); `start()` brings it back on the same port, empty. */
  kill(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}

/** Starts a Redis server with no persistence on a free port; `kill()` and `start()` let tests take it away. */
export async function startRedis(): Promise<TestRedis> {
  const path = redisServerPath()
  const dir = mkdtempSync(join(tmpdir(), 'werkplaats-redis-'))
  const port = await freePort()
  let child: ChildProcess | undefined
  let output = ''
  const start = async () => {
    output = ''
    const started = spawn(
      path,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    child = started
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    await waitForPort(port, started, () => output, 'redis-server')
  }
  const kill = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise<void>((done) => running.once('exit', () => done()))
    running.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start,
    async stop() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
