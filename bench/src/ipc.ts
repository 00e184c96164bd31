import type { HistogramData } from './histogram.ts'
import type { CrowdFigures, CrowdPlan } from './template/crowd.ts'

/**
 * One participant: a global number (in its edit markers), the logical board it joins (results are counted per
 * logical board) and the full WebSocket address it connects to (for ours: `<sessionId>-board?token=…`).
 */
export interface Participant {
  participant: number
  room: string
  url: string
  /** Scenario 11: which server instance this participant is connected to (0 = A, 1 = B). */
  instance?: number
}

/** Participants that edit their sticky every `editEveryMs` and move their cursor every `cursorEveryMs`. */
export interface LoadJob {
  kind: 'load'
  participants: Participant[]
  /** Integrate received updates into each client's Y.Doc (as a browser does). */
  apply: boolean
  editEveryMs: number
  cursorEveryMs: number
  connectConcurrency: number
  /**
   * Scenario 11: the instance of every participant, indexed by participant number, so that a receiver can tell
   * an edit that crossed Redis (sender on the other instance) from one relayed by its own instance.
   */
  instanceOf?: number[]
}

/** Participants that join, announce themselves once, optionally create stickies, and then stay silent. */
export interface IdleJob {
  kind: 'idle'
  participants: Array<Participant & { seedStickies: number }>
  connectConcurrency: number
}

/** One client dragging one sticky `updates` times, one observer measuring, checkpoints of the document size. */
export interface DragJob {
  kind: 'drag'
  /** The board's full WebSocket address (with a token for ours). */
  url: string
  room: string
  updates: number
  ratePerSecond: number
  checkpoints: number
  timeoutMs: number
}

/**
 * Scenario 10: participants with their control-room connection (own token) who vote through the API when told,
 * and report when the revealed tallies reached each of their screens.
 */
export interface VoteJob {
  kind: 'vote'
  voters: Array<{ participant: number; controlUrl: string; token: string }>
  /** `http://127.0.0.1:<port>/api/sessions/<id>` */
  sessionApi: string
  connectConcurrency: number
}

/**
 * The template bench's crowd (template/crowd.ts), or this process's share of it: connect, report `ready`, move
 * cursors and edit stickies from `crowd-start` until `release`, then report what was sent and timed.
 */
export interface CrowdJob {
  kind: 'crowd'
  plan: CrowdPlan
}

export type Job = LoadJob | IdleJob | DragJob | VoteJob | CrowdJob

/** Absolute times on the shared monotonic clock (clock.ts). */
export interface Timing {
  startAt: number
  measureFrom: number
  measureTo: number
  /** Receivers keep listening this long after `measureTo` before they report. */
  drainMs: number
  /** Times at which every participant drops its connection and reconnects at once. */
  storms: number[]
}

export type MainMessage =
  | { type: 'job'; job: Job }
  | { type: 'start'; timing: Timing }
  | { type: 'release' }
  | { type: 'crowd-start' }
  | { type: 'checkpoint-done' }
  /** Scenario 10: cast `votesEach` votes per voter on distinct cards, at random times in [startAt, startAt + windowMs). */
  | { type: 'vote-start'; roundId: string; cardIds: string[]; votesEach: number; startAt: number; windowMs: number }
  /** Scenario 10: the facilitator's reveal is being sent now (`at`); report when every screen has the tallies. */
  | { type: 'reveal-sent'; at: number; timeoutMs: number }

/** The counts a worker reports and the bench sums over workers: frames and payload bytes inside the window, etc. */
export function emptyCounters() {
  return {
    editFramesSent: 0,
    editBytesSent: 0,
    updateFramesReceived: 0,
    updateBytesReceived: 0,
    awarenessFramesSent: 0,
    awarenessBytesSent: 0,
    awarenessFramesReceived: 0,
    awarenessBytesReceived: 0,
    disconnects: 0,
    participantsSyncedAtEnd: 0,
  }
}

export type LoadCounters = ReturnType<typeof emptyCounters>

export interface LoadResult extends LoadCounters {
  latency: HistogramData
  /** Scenario 11 only: the same deliveries split by whether sender and receiver share an instance. */
  latencySame?: HistogramData
  latencyCross?: HistogramData
  /** Edits stamped inside the window, by room: sent by participants, and received by others. */
  sentByRoom: Record<string, number>
  receivedByRoom: Record<string, number>
  closeCodes: Record<string, number>
  /** Milliseconds from the start of each storm until each participant had synced again (NaN: never). */
  resyncMs: number[][]
  /** Largest delay of the generator's own scheduler: a large figure means the generator fell behind. */
  schedulerLagMs: number
}

export interface VoteCastResult {
  /** From sending `POST …/votes` until its answer was read. */
  latency: HistogramData
  /** Answers by HTTP status (`201`, `409`, …; `error` when the request itself failed). */
  statuses: Record<string, number>
  /** Largest delay between a vote's planned time and its sending: the generator's own lateness. */
  sendLagMs: number
  /** Control-room connections the server closed, or the network lost. */
  disconnects: number
  /** Control-room update frames all this worker's screens received while the votes were cast (the voter count). */
  controlUpdates: number
}

export interface RevealSeenResult {
  /** For each voter's control-room connection, when (shared monotonic clock) the revealed tallies arrived; NaN: never. */
  seenAt: number[]
  /** The sum of votes in the tallies as the first screen saw them. */
  tallyVotes: number
  disconnects: number
}

export interface DragCheckpoint {
  updatesSent: number
  updatesSeenByObserver: number
  /** Payload of sync step 2 for a new client: the whole document as the server encodes it. */
  docBytes: number
  /** The last one: the drag is over and the observer has caught up (or gave up waiting). */
  final: boolean
}

export type WorkerMessage =
  | { type: 'ready'; connectMs: number[]; failures: number; failureReasons: string[] }
  | { type: 'result'; result: LoadResult }
  | { type: 'checkpoint'; checkpoint: DragCheckpoint }
  | {
      type: 'drag-result'
      latency: HistogramData
      sent: number
      seen: number
      durationMs: number
      disconnects: number
      frameBytes: number
    }
  | { type: 'votes-cast'; result: VoteCastResult }
  | { type: 'crowd-result'; figures: CrowdFigures }
  | { type: 'reveal-seen'; result: RevealSeenResult }
  | { type: 'error'; message: string }
