import { describe, expect, it } from 'vitest'
import { refusalReason } from './roomConnection.ts'

describe('why the server closed a connection for good', () => {
  it('is read from the close code, one reason per code the server uses', () => {
    expect([4401, 4403, 4404, 4413, 4429, 4400].map(refusalReason)).toEqual([
      'unauthorized',
      'read-only',
      'session-gone',
      'board-full',
      'too-many',
      'other',
    ])
  })
})
