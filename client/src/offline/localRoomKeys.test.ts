import { privateRoomName, sessionRoomName } from '@werkplaats/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { localKeysOfSession, localRoomKey, parseLocalRoomKey } from './localRoomKeys.ts'

const idChars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'.split('')
const id = fc.array(fc.constantFrom(...idChars), { minLength: 22, maxLength: 22 }).map((chars) => chars.join(''))
const roomOf = (sessionId: string, kind: 'board' | 'control' | 'private', owner: string) =>
  kind === 'private' ? privateRoomName(sessionId, owner) : sessionRoomName(sessionId, kind)

describe('the key scheme of what a device keeps', () => {
  it('names a session and room, and reads the same back, for any session and room', () => {
    fc.assert(
      fc.property(id, fc.constantFrom('board' as const, 'control' as const, 'private' as const), id, (s, kind, o) => {
        const room = roomOf(s, kind, o)
        expect(parseLocalRoomKey(localRoomKey(s, room))).toEqual({ sessionId: s, room })
      }),
    )
  })

  it('keeps sessions apart: the keys of one session never include another’s', () => {
    fc.assert(
      fc.property(id, id, id, (a, b, owner) => {
        fc.pre(a !== b)
        const names = [
          localRoomKey(a, sessionRoomName(a, 'board')),
          localRoomKey(a, privateRoomName(a, owner)),
          localRoomKey(b, sessionRoomName(b, 'board')),
        ]
        expect(localKeysOfSession(names, a)).toEqual(names.slice(0, 2))
        expect(localKeysOfSession(names, b)).toEqual(names.slice(2))
      }),
    )
  })

  it('refuses a room of another session rather than file it under the wrong one', () => {
    const a = 'a'.repeat(22)
    const b = 'b'.repeat(22)
    expect(() => localRoomKey(a, sessionRoomName(b, 'board'))).toThrow(/not a room of session/)
  })

  it('reads names it did not make as nothing', () => {
    const s = 's'.repeat(22)
    for (const name of [
      '',
      'werkplaats',
      `werkplaats/${s}`,
      `other/${s}/${s}-board`,
      `werkplaats/${s}/${'t'.repeat(22)}-board`,
      `werkplaats/${s}/${s}-board/extra`,
      `werkplaats/${s}/${s}-kitchen`,
    ]) {
      expect(parseLocalRoomKey(name)).toBeNull()
    }
  })
})
