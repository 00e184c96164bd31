import fc from 'fast-check'
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

describe('pending changes, for any order of edits and receipts', () => {
  type Step = { kind: 'edit'; keys: string[] } | { kind: 'ask' } | { kind: 'receipt'; of: number }
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('edit' as const),
      keys: fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }),
    }),
    fc.constant({ kind: 'ask' as const }),
    fc.record({ kind: fc.constant('receipt' as const), of: fc.nat(9) }),
  )

  it('keeps pending exactly what changed after the last receipt that covers it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const pending = new PendingChanges()
        // The model: when each thing last changed, and which edits the server has confirmed stored.
        const lastEdit = new Map<string, number>()
        let edits = 0
        let stored = 0
        const marks: number[] = []
        for (const s of steps) {
          if (s.kind === 'edit') {
            edits += 1
            for (const key of s.keys) lastEdit.set(key, edits)
            pending.note(s.keys)
          } else if (s.kind === 'ask') {
            marks.push(pending.mark())
          } else if (marks.length > 0) {
            const mark = marks[s.of % marks.length] ?? 0
            pending.confirm(mark)
            stored = Math.max(stored, editsUpTo(mark))
          }
        }
        const expected = [...lastEdit].filter(([, at]) => at > stored).map(([key]) => key)
        expect(pending.keys().sort()).toEqual(expected.sort())
        expect(pending.count).toBe(expected.length)

        /** The marks count keys noted; an edit of n keys moves the mark by n. */
        function editsUpTo(mark: number): number {
          let noted = 0
          let edit = 0
          for (const s of steps) {
            if (s.kind !== 'edit') continue
            if (noted + s.keys.length > mark) break
            noted += s.keys.length
            edit += 1
          }
          return edit
        }
      }),
    )
  })
})
