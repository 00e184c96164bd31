import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CompactionQueue } from './compactionQueue.ts'

// The queue is about time (gaps, deadlines), so the tests hold the clock.
describe('CompactionQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs the first at once, then one at a time with the gap between, each room once however often it asks', async () => {
    const queue = new CompactionQueue(30)
    const ran: Array<{ room: string; at: number }> = []
    const start = performance.now()
    const compact = (room: string) => async () => {
      ran.push({ room, at: performance.now() - start })
    }
    const [a, b, c] = [{}, {}, {}]
    queue.enqueue(a, compact('a'))
    await vi.advanceTimersByTimeAsync(0)
    expect(ran.map((r) => r.room)).toEqual(['a'])
    queue.enqueue(b, compact('b'))
    queue.enqueue(c, compact('c'))
    queue.enqueue(b, compact('b again'))
    expect(queue.waiting).toBe(2)
    await vi.advanceTimersByTimeAsync(29)
    expect(ran.map((r) => r.room)).toEqual(['a'])
    await vi.advanceTimersByTimeAsync(1)
    expect(ran.map((r) => r.room)).toEqual(['a', 'b'])
    await vi.advanceTimersByTimeAsync(30)
    expect(ran.map((r) => r.room)).toEqual(['a', 'b', 'c'])
    // The gap is what keeps two compactions out of one turn.
    expect((ran[1]?.at ?? 0) - (ran[0]?.at ?? 0)).toBeGreaterThanOrEqual(25)
    expect((ran[2]?.at ?? 0) - (ran[1]?.at ?? 0)).toBeGreaterThanOrEqual(25)
    expect(queue.waiting).toBe(0)
  })

  it('carries on after a compaction that fails', async () => {
    const queue = new CompactionQueue(1)
    const ran: string[] = []
    queue.enqueue({}, () => Promise.reject(new Error('disk full')))
    queue.enqueue({}, async () => {
      ran.push('next')
    })
    await vi.advanceTimersByTimeAsync(1)
    expect(ran).toEqual(['next'])
  })

  it('moves on from a compaction that never settles, and from one that throws at once', async () => {
    const queue = new CompactionQueue(1, 20)
    const ran: string[] = []
    queue.enqueue({}, () => new Promise<void>(() => {}))
    queue.enqueue({}, () => {
      throw new Error('thrown before any promise')
    })
    queue.enqueue({}, async () => {
      ran.push('last')
    })
    await vi.advanceTimersByTimeAsync(19)
    expect(ran).toEqual([])
    // The deadline lets the queue move on, then one gap for the one that throws, one for the last.
    await vi.advanceTimersByTimeAsync(1 + 1 + 1)
    expect(ran).toEqual(['last'])
  })
})
