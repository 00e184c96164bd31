import { describe, expect, it } from 'vitest'
import { startServerClock } from './serverClock.ts'

describe('the server clock of a screen', () => {
  it('learns the offset from the quickest of its samples, however far off its own clock is', async () => {
    let client = 1_000_000
    const serverAhead = 7 * 60_000
    const delays = [400, 20, 300, 900]
    let i = 0
    const read = async () => {
      const delay = delays[i++] ?? 10
      client += delay / 2
      const server = client + serverAhead
      client += delay / 2
      return server
    }
    const clock = startServerClock(read, () => client)
    // One turn of the event loop: the clock's samples, answered at once, are taken before the offset is read.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(clock.offsetMs.get()).toBe(serverAhead)
    expect(clock.now()).toBe(client + serverAhead)
    clock.dispose()
  })

  it('keeps an offset of 0 when the server does not answer', async () => {
    const clock = startServerClock(
      () => Promise.reject(new Error('404')),
      () => 5,
    )
    // One turn of the event loop: the clock's samples, answered at once, are taken before the offset is read.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(clock.offsetMs.get()).toBe(0)
    clock.dispose()
  })
})
