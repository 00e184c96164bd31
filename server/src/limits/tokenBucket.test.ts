import { describe, expect, it } from 'vitest'
import { TokenBucket } from './tokenBucket.ts'

describe('TokenBucket', () => {
  it('allows a burst, then refuses until tokens flow back in', () => {
    const bucket = new TokenBucket(10, 3, 0)
    expect([bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0), bucket.take(1, 0)]).toEqual([
      true,
      true,
      true,
      false,
    ])
    expect(bucket.take(1, 50)).toBe(false)
    expect(bucket.take(1, 100)).toBe(true)
  })

  it('never holds more than the burst', () => {
    const bucket = new TokenBucket(1000, 2, 0)
    expect(bucket.take(3, 60_000)).toBe(false)
    expect(bucket.take(2, 60_000)).toBe(true)
  })

  it('charges by cost, for byte limits', () => {
    const bucket = new TokenBucket(100, 100, 0)
    expect(bucket.take(80, 0)).toBe(true)
    expect(bucket.take(30, 0)).toBe(false)
    expect(bucket.take(30, 100)).toBe(true)
  })

  it('may go into debt for a cost known after the fact, and refuses until it has refilled', () => {
    const bucket = new TokenBucket(100, 100, 0)
    bucket.spend(250, 0)
    expect(bucket.take(1, 1000)).toBe(false)
    expect(bucket.take(1, 1600)).toBe(true)
  })
})
