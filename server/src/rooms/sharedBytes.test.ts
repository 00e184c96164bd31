import { describe, expect, it } from 'vitest'
import { isShared, sharedCopies, sharedCopy } from './sharedBytes.ts'

describe('shared bytes', () => {
  it('copies updates into one shared buffer, each view holding its update, in order', () => {
    const updates = [Uint8Array.of(1, 2, 3), Uint8Array.of(), Uint8Array.of(250, 251)]
    const shared = sharedCopies(updates)
    expect(shared.map((view) => [...view])).toEqual([[1, 2, 3], [], [250, 251]])
    expect(shared.every(isShared)).toBe(true)
    expect(new Set(shared.map((view) => view.buffer)).size).toBe(1)
  })

  it('leaves what it copied from alone: the copy is the shared reader’s own', () => {
    const original = Uint8Array.of(7, 8)
    const copy = sharedCopy(original)
    original[0] = 0
    expect([...copy]).toEqual([7, 8])
    expect(isShared(copy)).toBe(true)
    expect(isShared(original)).toBe(false)
  })
})
