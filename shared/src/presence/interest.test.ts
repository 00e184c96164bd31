import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inInterest, interestArea, interestKey } from './interest.ts'

describe('interest areas', () => {
  it('a view and half a view around it are of interest; another page or far away is not', () => {
    const area = interestArea('page:a', { x: 0, y: 0, w: 1000, h: 1000 })
    expect(inInterest(area, 'page:a', { x: 500, y: 500 })).toBe(true)
    expect(inInterest(area, 'page:a', { x: -450, y: 1450 })).toBe(true)
    expect(inInterest(area, 'page:b', { x: 500, y: 500 })).toBe(false)
    expect(inInterest(area, 'page:a', { x: 5000, y: 500 })).toBe(false)
  })

  it('screens looking at about the same place share one key', () => {
    const a = interestArea('page:a', { x: 10, y: 20, w: 1440, h: 900 })
    const b = interestArea('page:a', { x: 30, y: 40, w: 1440, h: 900 })
    expect(interestKey(a)).toBe(interestKey(b))
    expect(interestKey(a)).not.toBe(interestKey(interestArea('page:a', { x: 3000, y: 20, w: 1440, h: 900 })))
  })

  it('everything in view is always of interest', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true })
    const size = fc.double({ min: 1, max: 1e5, noNaN: true })
    fc.assert(
      fc.property(
        n,
        n,
        size,
        size,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y, w, h, fx, fy) => {
          const area = interestArea('page:a', { x, y, w, h })
          expect(inInterest(area, 'page:a', { x: x + fx * w, y: y + fy * h })).toBe(true)
        },
      ),
    )
  })
})
