import { Worker } from 'node:worker_threads'
import type { SessionSummary } from '@werkplaats/shared'
import { UnavailableError } from '../domainErrors.ts'
import type { Rendered, RenderRequest } from './renderers.ts'
import type { RenderReply } from './renderWorker.ts'

/**
 * Exports are rendered in worker threads, never on the event loop: a PDF of a large board takes a second or
 * more of CPU, and every board and request on the instance would wait that long. The pool has a fixed number of
 * workers and a bounded queue, and each render a size limit (checked before it starts) and a time limit (past
 * it the worker is terminated and replaced). Whatever is refused gets a 503 that says why.
 *
 * @example
 * const pool = new RenderPool({ workers: 1, maxQueued: 8, timeoutMs: 30_000, maxInputBytes: 32 * 1024 * 1024 })
 * const markdown = await pool.render({ format: 'md', summary, language: 'nl' })
 * await pool.close()
 */
export interface RenderPoolOptions {
  workers: number
  /** Renders that may wait for a worker; one more is refused. */
  maxQueued: number
  timeoutMs: number
  /** Largest summary rendered, measured by `summaryBytes`. */
  maxInputBytes: number
}

/** An export that cannot be rendered now or at all, and why. */
export class ExportUnavailableError extends UnavailableError {
  override name = 'ExportUnavailableError'
}

const workerScript = new URL('./renderWorker.ts', import.meta.url)

/**
 * The size of a summary as the worker receives it: every string at two bytes a character (how V8 holds text
 * outside Latin-1; an upper bound of what is copied). Counted without building anything: `length` is free.
 */
export function summaryBytes(summary: SessionSummary): number {
  let bytes = 0
  const stack: unknown[] = [summary]
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value === 'string') bytes += 2 * value.length
    else if (typeof value === 'number' || typeof value === 'boolean') bytes += 8
    else if (Array.isArray(value)) for (const item of value) stack.push(item)
    else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stack.push(item)
  }
  return bytes
}

const MiB = 1024 * 1024
const sizeText = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`)

interface Task {
  request: RenderRequest
  resolve(body: Rendered): void
  reject(error: Error): void
}

export class RenderPool {
  readonly #options: RenderPoolOptions
  readonly #idle: Worker[] = []
  readonly #busy = new Set<Worker>()
  readonly #queue: Task[] = []
  #closed = false

  constructor(options: RenderPoolOptions) {
    this.#options = options
  }

  /** Renders on a free worker (started on first use), after waiting in the queue if none is free. */
  render(request: RenderRequest): Promise<Rendered> {
    if (this.#closed) return Promise.reject(new ExportUnavailableError('the server is shutting down'))
    const bytes = summaryBytes(request.summary)
    if (bytes > this.#options.maxInputBytes) {
      return Promise.reject(
        new ExportUnavailableError(`this session's summary is too large to export (${sizeText(bytes)}; the limit is ${sizeText(this.#options.maxInputBytes)})`),
      )
    }
    return new Promise<Rendered>((resolve, reject) => {
      const task = { request, resolve, reject }
      const worker = this.#freeWorker()
      if (worker) this.#run(worker, task)
      else if (this.#queue.length < this.#options.maxQueued) this.#queue.push(task)
      else reject(new ExportUnavailableError(`too many exports at once (${this.#options.workers} rendering, ${this.#options.maxQueued} waiting); try again in a moment`))
    })
  }

  /** Refuses what waits, stops every worker (a render in progress ends with a 503). */
  async close(): Promise<void> {
    this.#closed = true
    for (const task of this.#queue.splice(0)) task.reject(new ExportUnavailableError('the server is shutting down'))
    const workers = [...this.#idle.splice(0), ...this.#busy]
    this.#busy.clear()
    await Promise.all(workers.map((worker) => worker.terminate()))
  }

  #freeWorker(): Worker | undefined {
    const idle = this.#idle.pop()
    if (idle) return idle
    if (this.#busy.size >= this.#options.workers) return undefined
    const worker = new Worker(workerScript)
    // A worker waiting for work does not keep the process alive; `close` ends it anyway.
    worker.unref()
    // Without a listener an error event would end the process; a failed worker is logged and left.
    worker.on('error', (error) => console.error('a render worker failed', error))
    worker.once('exit', () => {
      const index = this.#idle.indexOf(worker)
      if (index !== -1) this.#idle.splice(index, 1)
    })
    return worker
  }

  #run(worker: Worker, task: Task): void {
    this.#busy.add(worker)
    let settled = false
    const finish = (outcome: { body: Rendered } | { error: Error }, keep: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      this.#busy.delete(worker)
      if (keep && !this.#closed) this.#idle.push(worker)
      else void worker.terminate()
      if ('body' in outcome) task.resolve(outcome.body)
      else task.reject(outcome.error)
      this.#next()
    }
    const onMessage = (reply: RenderReply) => {
      if (reply.ok) finish({ body: reply.body }, true)
      else finish({ error: new Error(`rendering the ${task.request.format} export failed: ${reply.error}`) }, true)
    }
    const onError = (error: Error) => finish({ error }, false)
    const onExit = () =>
      finish({ error: this.#closed ? new ExportUnavailableError('the server is shutting down') : new Error('the render worker exited unexpectedly') }, false)
    const timer = setTimeout(() => {
      finish({ error: new ExportUnavailableError(`the export took longer than ${this.#options.timeoutMs / 1000} s and was stopped`) }, false)
    }, this.#options.timeoutMs)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage(task.request)
  }

  #next(): void {
    if (this.#closed || this.#queue.length === 0) return
    const worker = this.#freeWorker()
    const task = worker ? this.#queue.shift() : undefined
    if (worker && task) this.#run(worker, task)
  }
}
