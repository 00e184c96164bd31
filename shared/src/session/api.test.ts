import { describe, expect, it } from 'vitest'
import { displayNameSchema, sessionTitleSchema } from './api.ts'
import { sessionIdFromPath, sessionLinkWithToken, tokenFromFragment } from './links.ts'
import { parseSessionRoomName, privateRoomName, sessionRoomName } from './rooms.ts'

describe('display names', () => {
  it('are trimmed, inner runs of spaces folded', () => {
    expect(displayNameSchema.parse('  Anna   de Vries ')).toBe('Anna de Vries')
  })
  it('are 1–64 characters after trimming', () => {
    expect(displayNameSchema.safeParse('   ').success).toBe(false)
    expect(displayNameSchema.safeParse('a'.repeat(64)).success).toBe(true)
    expect(displayNameSchema.safeParse(`${'a'.repeat(65)}`).success).toBe(false)
    expect(displayNameSchema.safeParse(`  ${'a'.repeat(64)}  `).success).toBe(true)
  })
  it('refuse control characters and direction overrides', () => {
    for (const bad of ['An\u0000na', 'An\nna', 'Anna\u202Erotcaf', 'a\u0085b', 'tab\there']) {
      expect(displayNameSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
  })
  it('keep diacritics and emoji', () => {
    expect(displayNameSchema.parse('Zoë Ünal 🙂')).toBe('Zoë Ünal 🙂')
  })
  it('titles follow the same rules, up to 120 characters', () => {
    expect(sessionTitleSchema.safeParse('x'.repeat(120)).success).toBe(true)
    expect(sessionTitleSchema.safeParse('x'.repeat(121)).success).toBe(false)
  })
})

describe('links and rooms', () => {
  const id = 'AbCdEfGhIjKlMnOpQrStUv'
  it('carry the token in the fragment only', () => {
    const link = new URL(sessionLinkWithToken('https://werkplaats.example', id, 'tok_en-123456789012'))
    expect(link.pathname).toBe(`/s/${id}`)
    expect(link.search).toBe('')
    expect(tokenFromFragment(link.hash)).toBe('tok_en-123456789012')
    expect(sessionIdFromPath(link.pathname)).toBe(id)
  })
  it('ignore fragments without a plausible token', () => {
    expect(tokenFromFragment('')).toBeNull()
    expect(tokenFromFragment('#t=<script>')).toBeNull()
    expect(tokenFromFragment('#x=abcdefabcdefabcdefabcdef')).toBeNull()
  })
  it('name each session its two rooms, and read them back', () => {
    expect(parseSessionRoomName(sessionRoomName(id, 'board'))).toEqual({ sessionId: id, kind: 'board' })
    expect(parseSessionRoomName(sessionRoomName(id, 'control'))).toEqual({ sessionId: id, kind: 'control' })
    expect(parseSessionRoomName(`${id}-other`)).toBeNull()
    expect(parseSessionRoomName('short-board')).toBeNull()
    const owner = 'ZyXwVuTsRqPoNmLkJiHgFe'
    expect(parseSessionRoomName(privateRoomName(id, owner))).toEqual({ sessionId: id, kind: 'private', ownerId: owner })
    expect(privateRoomName(id, owner).length).toBeLessThanOrEqual(64)
  })
})
