import { REMOVED_FROM_SESSION_REASON, SESSION_CLOSED_REASON } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { refusalReason } from './roomConnection.ts'

describe('why the server closed a connection for good', () => {
  it('is read from the close code, one reason per code the server uses', () => {
    expect([4401, 4403, 4404, 4413, 4429, 4400].map((code) => refusalReason(code))).toEqual([
      'unauthorized',
      'read-only',
      'session-gone',
      'board-full',
      'too-many',
      'other',
    ])
  })

  it('tells a removal by the facilitator from a token that is not valid', () => {
    expect(refusalReason(4401, REMOVED_FROM_SESSION_REASON)).toBe('removed')
    expect(refusalReason(4401, 'a valid token is needed (?token=)')).toBe('unauthorized')
    expect(refusalReason(4403, REMOVED_FROM_SESSION_REASON)).toBe('read-only')
  })

  it('tells a write to a closed session from a connection that may only read', () => {
    expect(refusalReason(4403, SESSION_CLOSED_REASON)).toBe('session-closed')
    expect(refusalReason(4403, 'read-only')).toBe('read-only')
  })
})
