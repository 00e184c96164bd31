import { sessionRoomName } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { ACTIVITY_WRITE_INTERVAL_MS, SessionActivity } from './sessionActivity.ts'

/** The activity an instance writes, with the clock in the test's hand. */
function recorder() {
  let now = 1_000_000
  const writes: Array<[string, number]> = []
  const activity = new SessionActivity(
    {
      touchSession: async (id, at) => {
        writes.push([id, at])
      },
    },
    () => now,
  )
  return { activity, writes, advance: (ms: number) => (now += ms), now: () => now }
}

describe('SessionActivity', () => {
  it('writes a busy session at most once per interval', () => {
    const { activity, writes, advance } = recorder()
    for (let i = 0; i < 100; i++) {
      activity.touch('s1')
      advance(1000)
    }
    expect(writes).toEqual([['s1', 1_000_000]])
    advance(ACTIVITY_WRITE_INTERVAL_MS)
    activity.touch('s1')
    expect(writes.map(([id]) => id)).toEqual(['s1', 's1'])
  })

  it('names a room by its session, and ignores names that are no session room', () => {
    const { activity, writes } = recorder()
    const sessionId = 'AAAAAAAAAAAAAAAAAAAAAA'
    activity.touchRoom(sessionRoomName(sessionId, 'board'))
    activity.touchRoom('anything')
    expect(writes).toEqual([[sessionId, 1_000_000]])
  })

  it('remembers only the sessions of the last interval', () => {
    const { activity, advance } = recorder()
    for (let i = 0; i < 1000; i++) activity.touch(`s${i}`)
    expect(activity.remembered).toBe(1000)
    advance(ACTIVITY_WRITE_INTERVAL_MS)
    activity.touch('late')
    expect(activity.remembered).toBe(1)
  })

  it('tries again after a failed write', async () => {
    let fail = true
    const written: string[] = []
    const activity = new SessionActivity({
      touchSession: async (id) => {
        if (fail) throw new Error('database down')
        written.push(id)
      },
    })
    const quiet = console.error
    console.error = () => {}
    try {
      activity.touch('s1')
      await new Promise((resolve) => setImmediate(resolve))
      fail = false
      activity.touch('s1')
      expect(written).toEqual(['s1'])
    } finally {
      console.error = quiet
    }
  })
})
