import { describe, expect, it } from 'vitest'
import { displayNameSchema, joinRequestSchema, sessionTitleSchema, updateSessionRequestSchema } from './api.ts'
import {
  inviteFromFragment,
  participantLink,
  sessionIdFromPath,
  handoverLink,
  handoverFromFragment,
  observerInvitationLink,
  observerInviteFromFragment,
  tokenFromFragment,
} from './links.ts'
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
  it("carry a handover's and the observers' invitation's secret in the fragment only, each under its own key", () => {
    const handover = new URL(handoverLink('https://werkplaats.example', id, 'hand_over-123456789012'))
    expect(handover.pathname).toBe(`/s/${id}`)
    expect(handover.search).toBe('')
    expect(handoverFromFragment(handover.hash)).toBe('hand_over-123456789012')
    expect(tokenFromFragment(handover.hash)).toBeNull()
    expect(observerInviteFromFragment(handover.hash)).toBeNull()
    const observers = new URL(observerInvitationLink('https://werkplaats.example', id, 'watch_ers-123456789012'))
    expect(observerInviteFromFragment(observers.hash)).toBe('watch_ers-123456789012')
    expect(handoverFromFragment(observers.hash)).toBeNull()
    expect(inviteFromFragment(observers.hash)).toBeNull()
    expect(sessionIdFromPath(observers.pathname)).toBe(id)
  })
  it('still read a token from links made before (#t=)', () => {
    expect(tokenFromFragment('#t=tok_en-123456789012')).toBe('tok_en-123456789012')
  })
  it("carry the invitation of the participants' link in the fragment only, apart from any token", () => {
    const link = new URL(participantLink('https://werkplaats.example', id, 'Invite_secret-0123456789'))
    expect(link.pathname).toBe(`/s/${id}`)
    expect(link.search).toBe('')
    expect(inviteFromFragment(link.hash)).toBe('Invite_secret-0123456789')
    expect(tokenFromFragment(link.hash)).toBeNull()
    expect(inviteFromFragment('#t=abcdefabcdefabcdefabcdef')).toBeNull()
    expect(inviteFromFragment('#i=<script>')).toBeNull()
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

describe('the door in requests', () => {
  it('a join without an invitation parses, with an empty one, for the server to refuse with 403', () => {
    expect(joinRequestSchema.parse({ name: 'Anna' })).toEqual({ name: 'Anna', invite: '' })
    expect(joinRequestSchema.parse({ name: 'Anna', invite: ' abc-def ' }).invite).toBe('abc-def')
    expect(joinRequestSchema.safeParse({ name: 'Anna', invite: 'x'.repeat(129) }).success).toBe(false)
  })
  it('a change to the session names a title, the door, or both', () => {
    expect(updateSessionRequestSchema.safeParse({}).success).toBe(false)
    expect(updateSessionRequestSchema.parse({ joinOpen: false })).toEqual({ joinOpen: false })
    expect(updateSessionRequestSchema.safeParse({ joinOpen: 'no' }).success).toBe(false)
  })
})
