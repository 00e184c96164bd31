import { describe, expect, it } from 'vitest'
import type { ConnectionState } from '../connection/roomConnection.ts'
import { bannerConnectionState } from './bannerState.ts'

describe('the connection as the banner tells it', () => {
  it('is offline, not connecting, for a board shown from this device before any server answered', () => {
    expect(bannerConnectionState('connecting', true)).toBe('offline')
    expect(bannerConnectionState('connecting', false)).toBe('connecting')
  })

  it('is the connection itself once the server answered or refused', () => {
    for (const state of ['online', 'offline', 'refused'] as ConnectionState[]) {
      expect(bannerConnectionState(state, true)).toBe(state)
      expect(bannerConnectionState(state, false)).toBe(state)
    }
  })
})
