import { describe, expect, it } from 'vitest'
import { PendingChanges, SyncReceipts } from './pendingChanges.ts'

describe('pending changes', () => {
  it('counts each thing changed once, however often it changed', () => {
    const pending = new PendingChanges()
    pending.note(['records/shape:a'])
    pending.note(['records/shape:a', 'records/shape:b'])
    expect(pending.count).toBe(2)
  })

  it('a confirmation covers what changed before its mark; a later change stays pending', () => {
    const pending = new PendingChanges(['records/shape:a', 'records/shape:b'])
    const mark = pending.mark()
    pending.note(['records/shape:b'])
    expect(pending.confirm(mark)).toBe(true)
    expect(pending.keys()).toEqual(['records/shape:b'])
    expect(pending.confirm(pending.mark())).toBe(true)
    expect(pending.count).toBe(0)
    expect(pending.confirm(pending.mark())).toBe(false)
  })
})

describe('sync receipts', () => {
  it('passes over the answer to the provider’s own step 1 and confirms ours in order', () => {
    const receipts = new SyncReceipts()
    receipts.opened()
    receipts.asked(3)
    receipts.asked(7)
    expect(receipts.covers(5)).toBe(true)
    expect(receipts.answered()).toBeNull() // the provider's own
    expect(receipts.answered()).toBe(3)
    expect(receipts.covers(8)).toBe(false)
    expect(receipts.answered()).toBe(7)
    expect(receipts.answered()).toBeNull() // nothing asked: not ours
  })

  it('forgets what it asked on a closed connection: a new one starts with the provider’s step 1 again', () => {
    const receipts = new SyncReceipts()
    receipts.opened()
    receipts.asked(3)
    receipts.closed()
    expect(receipts.answered()).toBeNull()
    receipts.opened()
    receipts.asked(4)
    expect(receipts.answered()).toBeNull()
    expect(receipts.answered()).toBe(4)
  })
})
