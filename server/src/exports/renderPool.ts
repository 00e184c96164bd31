import { extname } from 'node:path'
import { Worker } from 'node:worker_threads'
import { UnavailableError } from '../domainErrors.ts'
import type { RenderRequest } from './renderers.ts'
import type { EncodedExport, RenderReply } from './renderWorker.ts'
import { isShared } from '../rooms/sharedBytes.ts'
import { sourceBytes } from './summarySource.ts'
import { log } from '../observability/log.ts'

/**
 * Exports are built and rendered in worker threads, never on the event loop: reading a large board's records,
 * building its summary and laying out its PDF take from tens of milliseconds to seconds of CPU, and every board
 * and request on the instance would wait that long. The event loop hands a worker the rooms' documents as
 * encoded bytes (see `summarySource.ts`) in shared memory, so handing them over copies nothing. The pool has a fixed number of workers
 * and a bounded queue, and each export a size limit (checked before it starts) and a time limit (past it the
 * worker is terminated and replaced). Whatever is refused gets a 503 that says why.
 *
 * @example
 * const pool = new RenderPool({ workers: 1, maxQueued: 8, timeoutMs: 30_000, maxInputBytes: 68 * 1024 * 1024 })
 * const { body: markdown } = await pool.render({ format: 'md', source, language: 'nl' })
 * await pool.close()
 */
export interface RenderPoolOptions {
  workers: number
  /** Renders that may wait for a worker; one more is refused. */
  maxQueued: number
  timeoutMs: number
  /** Largest export, measured by `sourceBytes`: the encoded bytes of the board and control rooms' documents. */
  maxInputBytes: number
}

/** An export that cannot be rendered now or at all, and why. */
export class ExportUnavailableError extends UnavailableError {
  override name = 'ExportUnavailableError'
}

// Started by file path, which the build's rewriting of import specifiers does not reach: the worker is the sibling
// with this module's own extension (`.ts` from the sources, `.js` from the built server).
const workerScript = new URL(`./renderWorker${extname(import.meta.url)}`, import.meta.url)

const MiB = 1024 * 1024
const sizeText = (bytes: number) =>
  bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`

/**
 * The request as posted to a worker, with what to transfer. The rooms' documents come in shared memory (see
 * `RoomManager.readUpdates`) and are shared as they are: nothing of the board is copied on the event loop. Bytes
 * not in shared memory may be views into what their owner keeps: the worker gets copies, transferred rather than
 * cloned a second time.
 */
function handOver(request: RenderRequest): [RenderRequest, ArrayBuffer[]] {
  const transfer: ArrayBuffer[] = []
  const hand = (update: Uint8Array): Uint8Array => {
    if (isShared(update)) return update
    const own = update.slice()
    transfer.push(own.buffer)
    return own
  }
  const { board, control } = request.source
  return [{ ...request, source: { ...request.source, board: board.map(hand), control: control.map(hand) } }, transfer]
}

interface Task {
  request: RenderRequest
  resolve(rendered: EncodedExport): void
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
  render(request: RenderRequest): Promise<EncodedExport> {
    if (this.#closed) return Promise.reject(new ExportUnavailableError('the server is shutting down'))
    const bytes = sourceBytes(request.source)
    if (bytes > this.#options.maxInputBytes) {
      return Promise.reject(
        new ExportUnavailableError(
          `this session's board is too large to export (${sizeText(bytes)} encoded; the limit is ${sizeText(this.#options.maxInputBytes)})`,
        ),
      )
    }
    return new Promise<EncodedExport>((resolve, reject) => {
      const task = { request, resolve, reject }
      const worker = this.#freeWorker()
      if (worker) this.#run(worker, task)
      else if (this.#queue.length < this.#options.maxQueued) this.#queue.push(task)
      else
        reject(
          new ExportUnavailableError(
            `too many exports at once (${this.#options.workers} rendering, ${this.#options.maxQueued} waiting); try again in a moment`,
          ),
        )
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
    worker.on('error', (error) => log.error({ part: 'exports', err: error }, 'a render worker failed'))
    worker.once('exit', () => {
      const index = this.#idle.indexOf(worker)
      if (index !== -1) this.#idle.splice(index, 1)
    })
    return worker
  }

  #run(worker: Worker, task: Task): void {
    this.#busy.add(worker)
    let settled = false
    const finish = (outcome: { rendered: EncodedExport } | { error: Error }, keep: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      this.#busy.delete(worker)
      if (keep && !this.#closed) this.#idle.push(worker)
      else void worker.terminate()
      if ('rendered' in outcome) task.resolve(outcome.rendered)
      else task.reject(outcome.error)
      this.#next()
    }
    const onMessage = (reply: RenderReply) => {
      if (reply.ok)
        finish({ rendered: { body: reply.body, session: reply.session, contentEncoding: reply.contentEncoding } }, true)
      else finish({ error: new Error(`rendering the ${task.request.format} export failed: ${reply.error}`) }, true)
    }
    const onError = (error: Error) => finish({ error }, false)
    const onExit = () =>
      finish(
        {
          error: this.#closed
            ? new ExportUnavailableError('the server is shutting down')
            : new Error('the render worker exited unexpectedly'),
        },
        false,
      )
    const timer = setTimeout(() => {
      finish(
        {
          error: new ExportUnavailableError(
            `the export took longer than ${this.#options.timeoutMs / 1000} s and was stopped`,
          ),
        },
        false,
      )
    }, this.#options.timeoutMs)
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    worker.postMessage(...handOver(task.request))
  }

  #next(): void {
    if (this.#closed || this.#queue.length === 0) return
    const worker = this.#freeWorker()
    const task = worker ? this.#queue.shift() : undefined
    if (worker && task) this.#run(worker, task)
  }
}
