import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startServerClock } from './serverClock.ts'

/** Every sample's answer, taken as soon as the fake clock lets promises run. */
const answered = () => vi.advanceTimersByTimeAsync(0)

describe('the server clock of a screen', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

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
    await answered()
    expect(clock.offsetMs.get()).toBe(serverAhead)
    expect(clock.now()).toBe(client + serverAhead)
    clock.dispose()
  })

  it('keeps an offset of 0 when the server does not answer', async () => {
    const clock = startServerClock(
      () => Promise.reject(new Error('404')),
      () => 5,
    )
    await answered()
    expect(clock.offsetMs.get()).toBe(0)
    expect(clock.now()).toBe(5)
    clock.dispose()
  })

  it('keeps what it had when a later measurement gets no answer', async () => {
    let serverAhead: number | null = 2_000
    const clock = startServerClock(
      async () => (serverAhead === null ? Promise.reject(new Error('offline')) : 1_000 + serverAhead),
      () => 1_000,
    )
    await answered()
    expect(clock.offsetMs.get()).toBe(2_000)
    serverAhead = null
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(clock.offsetMs.get()).toBe(2_000)
    clock.dispose()
  })

  it('measures again every five minutes, since laptops sleep and clocks get corrected', async () => {
    let serverAhead = 1_000
    let reads = 0
    const clock = startServerClock(
      async () => {
        reads++
        return 50_000 + serverAhead
      },
      () => 50_000,
    )
    await answered()
    expect([reads, clock.offsetMs.get()]).toEqual([4, 1_000])
    // This screen's clock was corrected by a minute.
    serverAhead = 61_000
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1)
    expect([reads, clock.offsetMs.get()]).toEqual([4, 1_000])
    await vi.advanceTimersByTimeAsync(1)
    expect([reads, clock.offsetMs.get()]).toEqual([8, 61_000])
    clock.dispose()
  })

  it('once disposed, aborts the request under way, ignores its answer and measures no more', async () => {
    const answers: ((serverTime: number) => void)[] = []
    const signals: AbortSignal[] = []
    const clock = startServerClock(
      (signal) => {
        signals.push(signal)
        return new Promise<number>((resolve) => {
          answers.push(resolve)
        })
      },
      () => 0,
    )
    clock.dispose()
    expect(signals[0]?.aborted).toBe(true)
    for (const answer of answers) answer(9_000)
    await vi.advanceTimersByTimeAsync(15 * 60_000)
    expect(clock.offsetMs.get()).toBe(0)
    expect(signals).toHaveLength(1)
  })
})
