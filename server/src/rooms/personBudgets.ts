import type { ConnectionLimits } from './connection.ts'
import { connectionOwner, type PeerAccess } from './peer.ts'
import { RestingTable, TokenBucket } from '../limits/tokenBucket.ts'

/**
 * Sync step 1 requests one person may make in one room: the stock client sends one per connect, so as many at once
 * as a person may have connections (tabs), then one every two seconds.
 */
const syncRequestBurst = 8
const syncRequestsPerSecond = 0.5
/** Query-awareness requests ("send me everyone's presence"): the stock client sends none; a few are plenty. */
const presenceQueryBurst = 4
const presenceQueriesPerSecond = 1

/**
 * The observers of a board share one budget (they share one link), as big as this many people's: a projector
 * and a few managers watching must not be throttled as one person would be.
 */
export const observerShare = 10

/**
 * What one person may spend on one board, through however many connections and reconnects: messages and bytes
 * sent, sync step 1 requests, the bytes of their answers, presence queries. A reconnect picks up the budget
 * where the last connection left it, so closing and opening again buys nothing.
 */
export class PersonBudget {
  readonly messages: TokenBucket
  readonly bytes: TokenBucket
  /** Sync step 1 requests: each makes the room encode (and send) everything the client lacks. */
  readonly syncRequests: TokenBucket
  /**
   * Bytes of the sync step 2 answers sent, at the rate the person may send. An answer is sent whenever the budget
   * is not in debt, however large the board; it is charged when sent, and later requests are refused until the
   * budget has refilled.
   */
  readonly answerBytes: TokenBucket
  readonly presenceQueries: TokenBucket
  /** Connections spending this budget now; it is not forgotten while any does. */
  holders = 0

  constructor(limits: ConnectionLimits, share = 1, now = performance.now()) {
    this.messages = new TokenBucket(limits.messagesPerSecond * share, limits.messageBurst * share, now)
    this.bytes = new TokenBucket(limits.bytesPerSecond * share, limits.byteBurst * share, now)
    this.syncRequests = new TokenBucket(syncRequestsPerSecond * share, syncRequestBurst * share, now)
    this.answerBytes = new TokenBucket(limits.bytesPerSecond * share, limits.byteBurst * share, now)
    this.presenceQueries = new TokenBucket(presenceQueriesPerSecond * share, presenceQueryBurst * share, now)
  }

  /** Nobody holds it and every bucket has refilled: a new budget would be the same. */
  isRested(now = performance.now()): boolean {
    return (
      this.holders === 0 &&
      this.messages.isFull(now) &&
      this.bytes.isFull(now) &&
      this.syncRequests.isFull(now) &&
      this.answerBytes.isFull(now) &&
      this.presenceQueries.isFull(now)
    )
  }
}

/** A budget as one connection holds it; `release` it (once is enough) when the connection closes. */
export interface HeldBudget {
  readonly budget: PersonBudget
  release(): void
}

function held(budget: PersonBudget): HeldBudget {
  budget.holders += 1
  let released = false
  return {
    budget,
    release() {
      if (released) return
      released = true
      budget.holders -= 1
    },
  }
}

/** A budget for one connection alone, shared with nobody (for a host that keeps no `PersonBudgets`). */
export function ownBudget(limits: ConnectionLimits): HeldBudget {
  return held(new PersonBudget(limits))
}

/**
 * Every person's budget per board, kept while one of their connections is open and after, until it has refilled
 * (then it is the same as a new one and is dropped: the table holds only the budgets in use or in debt).
 */
export class PersonBudgets {
  readonly #table: RestingTable<PersonBudget>

  constructor(limits: ConnectionLimits, sweepMs?: number) {
    this.#table = new RestingTable(
      (key, now) => new PersonBudget(limits, key.endsWith('|observers') ? observerShare : 1, now),
      (budget, now) => budget.isRested(now),
      sweepMs,
    )
  }

  /** The budget of whoever `access` stands for on `roomName`, held by one connection until it releases it. */
  hold(roomName: string, access: PeerAccess): HeldBudget {
    return held(this.#table.get(personKey(roomName, access)))
  }

  get size(): number {
    return this.#table.size
  }

  sweep(now?: number): void {
    this.#table.sweep(now)
  }

  stop(): void {
    this.#table.stop()
  }
}

/**
 * Whose spending counts together: one person (or a session's observers together) in one room. Per room, because
 * the facilitator's client opens every participant's private room at once, and must not be throttled for it.
 */
export function personKey(roomName: string, access: PeerAccess): string {
  return `${roomName}|${connectionOwner(access)}`
}
