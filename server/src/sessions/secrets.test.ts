import { JOIN_CODE_ALPHABET } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { hashToken, invitationSecret, newId, newJoinCode, newToken, sameSecret } from './secrets.ts'

describe('secrets', () => {
  it('ids carry 128 bits and tokens 256, in URL-safe characters', () => {
    expect(Buffer.from(newId(), 'base64url')).toHaveLength(16)
    expect(Buffer.from(newToken(), 'base64url')).toHaveLength(32)
    expect(newToken()).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('never repeat', () => {
    const tokens = new Set(Array.from({ length: 10_000 }, newToken))
    expect(tokens.size).toBe(10_000)
  })

  it('tokens are stored as a SHA-256 hash that does not contain the token', () => {
    const token = newToken()
    const hash = hashToken(token)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(hashToken(token))
    expect(hash).not.toBe(hashToken(newToken()))
    expect(hash).not.toContain(token)
  })

  it('join codes are six characters of the alphabet without look-alikes', () => {
    for (let i = 0; i < 1000; i++) {
      const code = newJoinCode()
      expect(code).toHaveLength(6)
      for (const char of code) expect(JOIN_CODE_ALPHABET).toContain(char)
    }
  })

  it("the participants' link secret follows from the facilitator's token, the session and the code, and changes with each", () => {
    const token = newToken()
    const secret = invitationSecret(token, 'session-a', 'ABCDEF')
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(invitationSecret(token, 'session-a', 'ABCDEF')).toBe(secret)
    expect(invitationSecret(token, 'session-a', 'GHJKMN')).not.toBe(secret)
    expect(invitationSecret(token, 'session-b', 'ABCDEF')).not.toBe(secret)
    expect(invitationSecret(newToken(), 'session-a', 'ABCDEF')).not.toBe(secret)
  })

  it('secrets compare equal only when they are', () => {
    expect(sameSecret('abc', 'abc')).toBe(true)
    expect(sameSecret('abc', 'abd')).toBe(false)
    expect(sameSecret('abc', 'abcd')).toBe(false)
  })
})
