import { describe, expect, it } from 'vitest'
import { participantOnBoard } from '../../test/support/recordingPeer.ts'
import type { PeerAccess } from './peer.ts'
import { PersonBudget, PersonBudgets } from './personBudgets.ts'
import { RestingTable, TokenBucket } from '../limits/tokenBucket.ts'

const limits = {
  messagesPerSecond: 10,
  messageBurst: 20,
  bytesPerSecond: 1000,
  byteBurst: 1000,
  maxBufferedBytes: 1 << 20,
}
const observer = (name: string): PeerAccess => ({
  role: 'observer',
  room: 'board',
  identity: { participantId: null, name, role: 'observer' },
})

describe('a table that forgets what has rested', () => {
  it('keeps an entry until it is no different from a new one, then drops it at the next sweep', () => {
    const table = new RestingTable(
      (_, now) => new TokenBucket(1, 2, now),
      (bucket, now) => bucket.isFull(now),
      60_000,
    )
    table.get('a', 0).take(2, 0)
    table.get('b', 0)
    table.sweep(1000)
    // 'b' was never used; 'a' has refilled one of its two tokens.
    expect(table.size).toBe(1)
    expect(table.get('a', 1000).take(2, 1000)).toBe(false)
    table.sweep(3000)
    expect(table.size).toBe(0)
    table.stop()
  })
})

describe("a person's budget", () => {
  it('is not rested while a connection holds it, nor while in debt after it was released', () => {
    const budget = new PersonBudget(limits, 1, 0)
    budget.holders = 1
    expect(budget.isRested(0)).toBe(false)
    budget.holders = 0
    budget.answerBytes.spend(5000, 0)
    expect(budget.isRested(1000)).toBe(false)
    expect(budget.isRested(5000)).toBe(true)
  })

  it('is one per person and board, whatever the connection; the observers of a board share theirs', () => {
    const budgets = new PersonBudgets(limits, 60_000)
    const first = budgets.hold('s-board', participantOnBoard)
    const second = budgets.hold('s-board', participantOnBoard)
    expect(second.budget).toBe(first.budget)
    expect(budgets.hold('s-control', participantOnBoard).budget).not.toBe(first.budget)
    expect(budgets.hold('s-board', observer('Beamer')).budget).toBe(budgets.hold('s-board', observer('Manager')).budget)
    first.release()
    first.release()
    expect(first.budget.holders).toBe(1)
    budgets.stop()
  })

  it('outlives its connections until it has refilled, so a reconnect starts where the last one left off', () => {
    const budgets = new PersonBudgets(limits, 60_000)
    const held = budgets.hold('s-board', participantOnBoard)
    held.budget.answerBytes.spend(1_000_000)
    held.release()
    budgets.sweep()
    expect(budgets.hold('s-board', participantOnBoard).budget).toBe(held.budget)
    budgets.stop()
  })
})
