import { privateRoomName, sessionRoomName } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import type { RefusalReason } from '../connection/roomConnection.ts'
import { keepsRoomLocally, refusalClearsLocalCopy, roomsKeptLocally } from './keepRules.ts'

const session = 's'.repeat(22)
const me = 'p'.repeat(22)
const other = 'q'.repeat(22)
const board = sessionRoomName(session, 'board')
const control = sessionRoomName(session, 'control')

describe('what a device keeps of a session', () => {
  it('keeps the board and their own private room for a participant', () => {
    expect(roomsKeptLocally(session, 'participant', me)).toEqual([board, privateRoomName(session, me)])
    expect(keepsRoomLocally(session, 'participant', me, privateRoomName(session, other))).toBe(false)
    expect(keepsRoomLocally(session, 'participant', me, control)).toBe(false)
  })

  it('keeps the board for the facilitator, not the private rooms they look into', () => {
    expect(roomsKeptLocally(session, 'facilitator', me)).toEqual([board])
    expect(keepsRoomLocally(session, 'facilitator', me, privateRoomName(session, other))).toBe(false)
  })

  it('keeps nothing for an observer', () => {
    expect(roomsKeptLocally(session, 'observer', me)).toEqual([])
    expect(keepsRoomLocally(session, 'observer', me, board)).toBe(false)
  })
})

describe('when a device lets go of a session', () => {
  it('clears on a deleted session and on removal, and on nothing else the server says', () => {
    const clears: Record<RefusalReason, boolean> = {
      'session-gone': true,
      removed: true,
      // A closed session may be reopened: what this device keeps of it stays.
      'session-closed': false,
      unauthorized: false,
      'read-only': false,
      'board-full': false,
      'too-many': false,
      other: false,
    }
    for (const [reason, expected] of Object.entries(clears)) {
      expect(refusalClearsLocalCopy(reason as RefusalReason), reason).toBe(expected)
    }
  })
})
