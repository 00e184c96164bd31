import { describe, expect, it } from 'vitest'
import { JOIN_CODE_ALPHABET, joinCodeFromBytes, joinCodeSchema, normalizeJoinCode } from './joinCode.ts'

describe('join codes', () => {
  it('use no look-alikes', () => {
    for (const lookAlike of ['0', 'O', '1', 'I', 'L']) expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike)
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length)
  })

  it('are six characters of the alphabet, made from random bytes', () => {
    const code = joinCodeFromBytes(new Uint8Array([0, 1, 2, 3, 4, 30]))
    expect(code).toBe('ABCDE9')
  })

  it('skip bytes that would favour the first characters, and say when the bytes ran out', () => {
    // 248…255 would map onto the first eight characters a second time.
    expect(joinCodeFromBytes(new Uint8Array([255, 248, 0, 1, 2, 3, 4, 5]))).toBe('ABCDEF')
    expect(joinCodeFromBytes(new Uint8Array([250, 251, 0, 1, 2, 3, 4]))).toBeNull()
  })

  it('spread evenly over the alphabet', () => {
    const counts = new Map<string, number>()
    for (let byte = 0; byte < 248; byte++) {
      const char = joinCodeFromBytes(new Uint8Array([byte, 0, 0, 0, 0, 0]))?.[0] ?? ''
      counts.set(char, (counts.get(char) ?? 0) + 1)
    }
    expect(new Set(counts.values())).toEqual(new Set([8]))
  })

  it('accept what people type: lower case, spaces, a dash', () => {
    expect(normalizeJoinCode(' abc-def ')).toBe('ABCDEF')
    expect(joinCodeSchema.parse('k7m 2pq')).toBe('K7M2PQ')
  })

  it('refuse look-alikes and wrong lengths', () => {
    for (const bad of ['ABCDE0', 'ABCDEI', 'ABCDE', 'ABCDEFG', '', 'ABC!EF']) {
      expect(joinCodeSchema.safeParse(bad).success, bad).toBe(false)
    }
  })
})
