import { describe, expect, it } from 'vitest'
import { mayDo, mayEnterPrivateRoom, type MessageIntent, type RoomKind } from './rights.ts'
import type { Role } from './role.ts'

describe('the rights table (role × room × message intent)', () => {
  // Written out in full, so a change to who may do what shows up here as a changed line.
  const table: Array<[Role, RoomKind, MessageIntent, boolean]> = [
    ['facilitator', 'board', 'read', true],
    ['facilitator', 'board', 'write', true],
    ['facilitator', 'board', 'presence', true],
    ['facilitator', 'control', 'read', true],
    ['facilitator', 'control', 'write', true],
    ['facilitator', 'control', 'presence', true],
    ['participant', 'board', 'read', true],
    ['participant', 'board', 'write', true],
    ['participant', 'board', 'presence', true],
    ['participant', 'control', 'read', true],
    ['participant', 'control', 'write', false],
    ['participant', 'control', 'presence', true],
    ['observer', 'board', 'read', true],
    ['observer', 'board', 'write', false],
    ['observer', 'board', 'presence', true],
    ['observer', 'control', 'read', true],
    ['observer', 'control', 'write', false],
    ['observer', 'control', 'presence', true],
    ['facilitator', 'private', 'write', true],
    ['participant', 'private', 'write', true],
    ['observer', 'private', 'write', false],
  ]
  it.each(table)('%s in the %s room, %s → %s', (role, room, intent, allowed) => {
    expect(mayDo(role, room, intent)).toBe(allowed)
  })
})

describe('private rooms', () => {
  it('admit their owner and the facilitator, nobody else', () => {
    expect(mayEnterPrivateRoom('participant', 'anna', 'anna')).toBe(true)
    expect(mayEnterPrivateRoom('facilitator', 'fac', 'anna')).toBe(true)
    expect(mayEnterPrivateRoom('participant', 'bram', 'anna')).toBe(false)
    expect(mayEnterPrivateRoom('observer', null, 'anna')).toBe(false)
  })
})
