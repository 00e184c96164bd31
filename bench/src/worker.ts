/**
 * A load-generator process. The main process forks a few of these (so that generating load is spread over
 * processes and cores) and sends each one job; the worker connects its clients, reports `ready`, runs the
 * behaviour over the times it is given, and reports what it measured. Every loop here is bounded in time.
 */
import { BenchClient, type ClientEvents } from './client.ts'
import { nowMs, sleep, sleepUntil } from './clock.ts'
import { createHistogram, record } from './histogram.ts'
import {
  type CrowdJob,
  type DragJob,
  emptyCounters,
  type IdleJob,
  type Job,
  type LoadJob,
  type LoadResult,
  type MainMessage,
  type Participant,
  type Timing,
  type VoteCastResult,
  type VoteJob,
  type WorkerMessage,
} from './ipc.ts'
import { CONTROL_VOTE_ROUNDS_MAP } from '@werkplaats/shared'
import { presenceState } from './records.ts'
import { Crowd } from './template/crowd.ts'

/** No worker outlives this, whatever happens to the main process. */
const HARD_LIMIT_MS = 20 * 60_000
setTimeout(() => process.exit(3), HARD_LIMIT_MS).unref()
process.on('disconnect', () => process.exit(0))

function post(message: WorkerMessage): void {
  process.send?.(message)
}

const inbox: MainMessage[] = []
let waiting: ((message: MainMessage) => void) | undefined
process.on('message', (message: MainMessage) => {
  if (waiting) {
    const resolve = waiting
    waiting = undefined
    resolve(message)
  } else inbox.push(message)
})

function nextMessage(): Promise<MainMessage> {
  const queued = inbox.shift()
  if (queued) return Promise.resolve(queued)
  return new Promise((resolve) => {
    waiting = resolve
  })
}

async function expect<T extends MainMessage['type']>(type: T): Promise<Extract<MainMessage, { type: T }>> {
  for (;;) {
    const message = await nextMessage()
    if (message.type === type) return message as Extract<MainMessage, { type: T }>
  }
}

/** Connects clients with at most `concurrency` handshakes in flight; returns time to synced of each. */
async function connectAll(
  clients: BenchClient[],
  concurrency: number,
): Promise<{ connectMs: number[]; failures: number; failureReasons: string[] }> {
  const connectMs: number[] = []
  const failureReasons: string[] = []
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < clients.length) {
      const client = clients[next++]
      if (!client) break
      const started = nowMs()
      try {
        await client.connect(30_000)
        connectMs.push(nowMs() - started)
      } catch (error) {
        if (failureReasons.length < 5) failureReasons.push(String(error))
        client.stop()
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane))
  return { connectMs, failures: clients.length - connectMs.length, failureReasons }
}

/** BENCH_DEBUG=1: the worker prints, per second of the run, how many awareness frames arrived. */
const debug = process.env.BENCH_DEBUG === '1'
const debugAwareness: number[] = []

function emptyResult(): LoadResult {
  return {
    latency: createHistogram(),
    sentByRoom: {},
    receivedByRoom: {},
    ...emptyCounters(),
    closeCodes: {},
    resyncMs: [],
    schedulerLagMs: 0,
  }
}

function makeClients(
  participants: Participant[],
  apply: boolean,
  result: LoadResult,
  timing: { current: Timing | null },
  instanceOf?: number[],
): BenchClient[] {
  if (instanceOf) {
    result.latencySame = createHistogram()
    result.latencyCross = createHistogram()
  }
  const inWindow = (t: number): boolean => {
    const w = timing.current
    return w !== null && t >= w.measureFrom && t < w.measureTo
  }
  return participants.map(({ participant, room, url, instance }) => {
    const events: ClientEvents = {
      updateReceived(bytes, marks) {
        const now = nowMs()
        if (inWindow(now)) {
          result.updateFramesReceived += 1
          result.updateBytesReceived += bytes
        }
        for (const mark of marks) {
          if (!inWindow(mark.sentAt)) continue
          record(result.latency, now - mark.sentAt)
          if (instanceOf && result.latencySame && result.latencyCross) {
            record(
              instanceOf[mark.participant] === instance ? result.latencySame : result.latencyCross,
              now - mark.sentAt,
            )
          }
          result.receivedByRoom[room] = (result.receivedByRoom[room] ?? 0) + 1
        }
      },
      awarenessReceived(bytes) {
        if (debug) debugAwareness.push(nowMs())
        if (!inWindow(nowMs())) return
        result.awarenessFramesReceived += 1
        result.awarenessBytesReceived += bytes
      },
      sent(kind, bytes) {
        if (!inWindow(nowMs())) return
        if (kind === 'edit') {
          result.editFramesSent += 1
          result.editBytesSent += bytes
        } else if (kind === 'awareness') {
          result.awarenessFramesSent += 1
          result.awarenessBytesSent += bytes
        }
      },
      unexpectedClose(code) {
        result.disconnects += 1
        result.closeCodes[code] = (result.closeCodes[code] ?? 0) + 1
      },
    }
    return new BenchClient(url, room, participant, apply, events)
  })
}

async function runLoad(job: LoadJob): Promise<void> {
  const result = emptyResult()
  const timing: { current: Timing | null } = { current: null }
  const clients = makeClients(job.participants, job.apply, result, timing, job.instanceOf)
  const connected = await connectAll(clients, job.connectConcurrency)
  post({ type: 'ready', ...connected })
  const { timing: t } = await expect('start')
  timing.current = t
  // Storms: every participant drops its socket at the same instant and reconnects at once.
  const stormTimers = t.storms.map((at, index) => {
    result.resyncMs[index] = []
    return setTimeout(() => {
      const started = nowMs()
      const times = result.resyncMs[index] ?? []
      for (const client of clients) {
        client.dropAndReconnect().then(
          () => times.push(nowMs() - started),
          () => times.push(Number.NaN),
        )
      }
    }, at - nowMs())
  })
  await sleepUntil(t.startAt)
  const nextEdit = clients.map(() => t.startAt + Math.random() * job.editEveryMs)
  const nextCursor = clients.map(() => t.startAt + Math.random() * job.cursorEveryMs)
  const position = clients.map((_, i) => ({ x: (i % 30) * 250, y: Math.floor(i / 30) * 250 }))
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = nowMs()
      if (now >= t.measureTo) {
        clearInterval(tick)
        resolve()
        return
      }
      for (let i = 0; i < clients.length; i++) {
        const client = clients[i]
        const pos = position[i]
        if (!client || !pos) continue
        const editAt = nextEdit[i] ?? now
        if (now >= editAt) {
          if (now >= t.measureFrom) result.schedulerLagMs = Math.max(result.schedulerLagMs, now - editAt)
          pos.x += Math.round(Math.random() * 40 - 20)
          pos.y += Math.round(Math.random() * 40 - 20)
          const sentAt = client.edit(pos.x, pos.y)
          if (sentAt >= t.measureFrom && sentAt < t.measureTo) {
            result.sentByRoom[client.room] = (result.sentByRoom[client.room] ?? 0) + 1
          }
          nextEdit[i] = Math.max(editAt + job.editEveryMs, now)
        }
        const cursorAt = nextCursor[i] ?? now
        if (job.cursorEveryMs > 0 && now >= cursorAt) {
          client.setAwareness(
            presenceState(client.participant, pos.x + Math.random() * 100, pos.y + Math.random() * 100),
          )
          nextCursor[i] = Math.max(cursorAt + job.cursorEveryMs, now)
        }
      }
    }, 5)
  })
  await sleep(t.drainMs)
  for (const timer of stormTimers) clearTimeout(timer)
  result.participantsSyncedAtEnd = clients.filter((c) => c.synced).length
  for (const client of clients) client.stop()
  if (debug) {
    const perSecond = new Map<number, number>()
    for (const at of debugAwareness) {
      const second = Math.floor((at - t.startAt) / 1000)
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1)
    }
    console.error(
      `worker ${process.pid} awareness frames per second from start:`,
      [...perSecond].map(([k, v]) => `${k}:${v}`).join(' '),
    )
  }
  post({ type: 'result', result })
}

async function runIdle(job: IdleJob): Promise<void> {
  const result = emptyResult()
  const clients = makeClients(job.participants, false, result, { current: null })
  const connected = await connectAll(clients, job.connectConcurrency)
  job.participants.forEach(({ seedStickies }, i) => {
    const client = clients[i]
    if (!client?.synced) return
    if (seedStickies > 0) client.seed(seedStickies)
    client.setAwareness(presenceState(client.participant, 0, 0))
  })
  post({ type: 'ready', ...connected })
  await expect('release')
  result.participantsSyncedAtEnd = clients.filter((c) => c.synced).length
  for (const client of clients) client.stop()
  post({ type: 'result', result })
}

async function runDrag(job: DragJob): Promise<void> {
  const latency = createHistogram()
  let seen = 0
  let disconnects = 0
  let frameBytes = 0
  let frames = 0
  const quiet: ClientEvents = {
    updateReceived() {},
    awarenessReceived() {},
    sent(kind, bytes) {
      if (kind !== 'edit') return
      frames += 1
      frameBytes += bytes
    },
    unexpectedClose() {
      disconnects += 1
    },
  }
  const observerEvents: ClientEvents = {
    ...quiet,
    sent() {},
    updateReceived(_bytes, marks) {
      const now = nowMs()
      for (const mark of marks) {
        record(latency, now - mark.sentAt)
        seen += 1
      }
    },
  }
  const url = job.url
  const observer = new BenchClient(url, job.room, 2, true, observerEvents)
  const dragger = new BenchClient(url, job.room, 1, false, quiet)
  const connected = await connectAll([observer, dragger], 2)
  post({ type: 'ready', ...connected })
  await expect('start')

  let probes = 0
  const checkpoint = async (sent: number, final = false): Promise<void> => {
    const probe = new BenchClient(url, job.room, 1000 + probes++, false, { ...quiet, sent() {} })
    let docBytes = Number.NaN
    try {
      await probe.connect(30_000)
      docBytes = probe.lastStep2Bytes
    } catch {
      // reported as NaN
    } finally {
      probe.destroy()
    }
    post({ type: 'checkpoint', checkpoint: { updatesSent: sent, updatesSeenByObserver: seen, docBytes, final } })
    await expect('checkpoint-done')
  }

  dragger.edit(0, 0, 0, 'Sleep mij')
  await sleep(200)
  await checkpoint(1)
  const started = nowMs()
  const deadline = started + job.timeoutMs
  const every = Math.max(1, Math.floor(job.updates / job.checkpoints))
  let sent = 0
  let nextCheckpoint = every
  while (sent < job.updates && nowMs() < deadline) {
    await sleep(5)
    const due = Math.min(job.updates, Math.floor(((nowMs() - started) / 1000) * job.ratePerSecond))
    const backlog = dragger.ws?.bufferedAmount ?? 0
    let burst = 0
    while (sent < due && burst < 200 && backlog < 1_000_000) {
      sent += 1
      burst += 1
      // A drag: the same sticky, new x/y each frame, the rest of the record unchanged.
      dragger.edit(
        Math.round(400 + 300 * Math.cos(sent / 50)),
        Math.round(300 + 200 * Math.sin(sent / 50)),
        0,
        'Sleep mij',
      )
    }
    if (sent >= nextCheckpoint && sent < job.updates) {
      nextCheckpoint += every
      await checkpoint(sent)
    }
  }
  const durationMs = nowMs() - started
  // Let the observer catch up (bounded), then the final size.
  const catchUpDeadline = nowMs() + 15_000
  while (seen < sent && nowMs() < catchUpDeadline) await sleep(50)
  await checkpoint(sent, true)
  observer.destroy()
  dragger.destroy()
  post({
    type: 'drag-result',
    latency,
    sent,
    seen,
    durationMs,
    disconnects,
    frameBytes: frames ? frameBytes / frames : 0,
  })
}

/** The round as a screen has it: the control room's Y.Map `voteRounds`, entry `roundId`. */
function revealedTallies(client: BenchClient, roundId: string): Array<{ votes: number }> | null {
  const round = client.doc.getMap<unknown>(CONTROL_VOTE_ROUNDS_MAP).get(roundId) as
    { status?: unknown; tallies?: unknown } | undefined
  if (!round || round.status !== 'revealed' || !Array.isArray(round.tallies)) return null
  return round.tallies as Array<{ votes: number }>
}

/** One vote through the API: milliseconds until the answer was read, and the status (or `error`). */
async function castVote(
  job: VoteJob,
  token: string,
  roundId: string,
  cardId: string,
): Promise<{ ms: number; status: string }> {
  const started = nowMs()
  try {
    const response = await fetch(`${job.sessionApi}/rounds/${roundId}/votes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ cardId }),
      signal: AbortSignal.timeout(30_000),
    })
    await response.arrayBuffer()
    return { ms: nowMs() - started, status: String(response.status) }
  } catch {
    return { ms: nowMs() - started, status: 'error' }
  }
}

async function runVote(job: VoteJob): Promise<void> {
  let disconnects = 0
  let controlUpdates = 0
  const events: ClientEvents = {
    updateReceived() {
      controlUpdates += 1
    },
    awarenessReceived() {},
    sent() {},
    unexpectedClose() {
      disconnects += 1
    },
  }
  // Screens integrate what they receive, as a browser does: the tallies are read from the document.
  const clients = job.voters.map((v) => new BenchClient(v.controlUrl, 'control', v.participant, true, events))
  const connected = await connectAll(clients, job.connectConcurrency)
  post({ type: 'ready', ...connected })

  const start = await expect('vote-start')
  const seenAt = clients.map(() => Number.NaN)
  let tallyVotes = Number.NaN
  let unseen = clients.length
  let allSeen: (() => void) | undefined
  clients.forEach((client, i) => {
    client.doc.on('update', () => {
      if (!Number.isNaN(seenAt[i] as number)) return
      const tallies = revealedTallies(client, start.roundId)
      if (!tallies) return
      seenAt[i] = nowMs()
      if (Number.isNaN(tallyVotes)) tallyVotes = tallies.reduce((sum, t) => sum + t.votes, 0)
      unseen -= 1
      if (unseen === 0) allSeen?.()
    })
  })

  // Each voter: `votesEach` distinct cards, each vote at its own random moment of the window.
  const plan: Array<{ at: number; voter: number; cardId: string }> = []
  job.voters.forEach((_, voter) => {
    const cards = [...start.cardIds].sort(() => Math.random() - 0.5).slice(0, start.votesEach)
    for (const cardId of cards) plan.push({ at: start.startAt + Math.random() * start.windowMs, voter, cardId })
  })
  plan.sort((a, b) => a.at - b.at)
  const result: VoteCastResult = {
    latency: createHistogram(),
    statuses: {},
    sendLagMs: 0,
    disconnects: 0,
    controlUpdates: 0,
  }
  const inFlight: Array<Promise<void>> = []
  let next = 0
  await sleepUntil(start.startAt)
  controlUpdates = 0
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = nowMs()
      while (next < plan.length && (plan[next] as { at: number }).at <= now) {
        const { at, voter, cardId } = plan[next++] as (typeof plan)[number]
        result.sendLagMs = Math.max(result.sendLagMs, now - at)
        const token = job.voters[voter]?.token ?? ''
        inFlight.push(
          castVote(job, token, start.roundId, cardId).then(({ ms, status }) => {
            record(result.latency, ms)
            result.statuses[status] = (result.statuses[status] ?? 0) + 1
          }),
        )
      }
      if (next >= plan.length) {
        clearInterval(tick)
        resolve()
      }
    }, 2)
  })
  await Promise.all(inFlight)
  result.disconnects = disconnects
  result.controlUpdates = controlUpdates
  post({ type: 'votes-cast', result })

  const reveal = await expect('reveal-sent')
  if (unseen > 0) {
    await new Promise<void>((resolve) => {
      allSeen = resolve
      setTimeout(resolve, Math.max(0, reveal.at + reveal.timeoutMs - nowMs()))
    })
  }
  for (const client of clients) client.destroy()
  post({ type: 'reveal-seen', result: { seenAt, tallyVotes, disconnects } })
}

async function runCrowd(job: CrowdJob): Promise<void> {
  const crowd = new Crowd(job.plan)
  await crowd.join()
  const synced = crowd.clients.filter((c) => c.synced).length
  post({ type: 'ready', connectMs: [], failures: crowd.clients.length - synced, failureReasons: [] })
  await expect('crowd-start')
  crowd.start()
  await expect('release')
  crowd.stop()
  post({ type: 'crowd-result', figures: crowd.figures })
}

async function run(job: Job): Promise<void> {
  if (job.kind === 'load') await runLoad(job)
  else if (job.kind === 'idle') await runIdle(job)
  else if (job.kind === 'vote') await runVote(job)
  else if (job.kind === 'crowd') await runCrowd(job)
  else await runDrag(job)
}

const { job } = await expect('job')
try {
  await run(job)
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
}
// Stay until the main process disconnects us (so the result is surely delivered), bounded by HARD_LIMIT_MS.
