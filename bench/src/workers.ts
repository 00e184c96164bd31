import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import { nowMs } from './clock.ts'
import type { MainMessage, WorkerMessage } from './ipc.ts'
import { pinning, pinToCpus } from './procfs.ts'

const workerPath = join(import.meta.dirname, 'worker.ts')
const live = new Set<ChildProcess>()

export function killAllWorkers(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL')
    } catch {
      // already gone
    }
  }
  live.clear()
}

/** One forked load-generator process and its message queue. */
export class WorkerHandle {
  readonly child: ChildProcess
  readonly #inbox: WorkerMessage[] = []
  #waiting: ((message: WorkerMessage) => void) | undefined
  #exit: Error | undefined

  constructor() {
    // 'advanced' serialization carries the histograms' typed arrays as they are.
    this.child = fork(workerPath, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    live.add(this.child)
    if (pinning.generator && this.child.pid !== undefined) pinToCpus(this.child.pid, pinning.generator)
    this.child.on('message', (message: WorkerMessage) => {
      const waiting = this.#waiting
      if (waiting) {
        this.#waiting = undefined
        waiting(message)
      } else this.#inbox.push(message)
    })
    this.child.once('exit', (code, signal) => {
      live.delete(this.child)
      this.#exit = new Error(`load worker exited (code ${code}, signal ${signal})`)
    })
  }

  get pid(): number {
    return this.child.pid ?? -1
  }

  send(message: MainMessage): void {
    this.child.send(message)
  }

  /** The next message of `type` (an `error` message from the worker rejects), within `timeoutMs`. */
  async receive<T extends WorkerMessage['type']>(
    type: T,
    timeoutMs: number,
  ): Promise<Extract<WorkerMessage, { type: T }>> {
    const deadline = nowMs() + timeoutMs
    for (;;) {
      const message = await this.#next(deadline - nowMs())
      if (message.type === 'error') throw new Error(`load worker failed: ${message.message}`)
      if (message.type === type) return message as Extract<WorkerMessage, { type: T }>
    }
  }

  #next(timeoutMs: number): Promise<WorkerMessage> {
    const queued = this.#inbox.shift()
    if (queued) return Promise.resolve(queued)
    if (this.#exit) return Promise.reject(this.#exit)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.#waiting = undefined
          reject(new Error(`load worker ${this.pid}: no answer within ${Math.round(timeoutMs)} ms`))
        },
        Math.max(0, timeoutMs),
      )
      const onExit = (): void => {
        clearTimeout(timer)
        reject(this.#exit ?? new Error('load worker exited'))
      }
      this.child.once('exit', onExit)
      this.#waiting = (message) => {
        clearTimeout(timer)
        this.child.off('exit', onExit)
        resolve(message)
      }
    })
  }

  close(): void {
    if (this.child.connected) this.child.disconnect()
    const child = this.child
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    }, 3000).unref()
  }
}
