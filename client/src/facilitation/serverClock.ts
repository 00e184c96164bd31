import { bestClockOffset, type ClockSample } from '@werkplaats/shared'
import { atom, type Signal } from 'tldraw'
import { fetchServerTime } from '../api/apiClient.ts'

/**
 * This screen's offset to the server's clock (server − client, ms), which the timer adds to `Date.now()` so
 * every screen shows the same remaining time however wrong its own clock is. A few samples at start-up,
 * the one with the shortest round trip kept (see `timer/clock.ts`), and again now and then, since laptops
 * sleep and clocks get corrected. Until the first answer the offset is 0: a clock that is right needs none.
 */
export interface ServerClock {
  readonly offsetMs: Signal<number>
  /** The server's time now, as well as this screen knows it. */
  now(): number
  dispose(): void
}

const SAMPLES = 4
const RESAMPLE_MS = 5 * 60_000

export function startServerClock(
  read: (signal: AbortSignal) => Promise<number> = fetchServerTime,
  clientNow: () => number = () => Date.now(),
): ServerClock {
  const offsetMs = atom('server clock offset', 0)
  const abort = new AbortController()
  const measure = async () => {
    const samples: ClockSample[] = []
    for (let i = 0; i < SAMPLES && !abort.signal.aborted; i++) {
      const sentAt = clientNow()
      try {
        const serverTime = await read(abort.signal)
        samples.push({ sentAt, serverTime, receivedAt: clientNow() })
      } catch {
        // An older server without /api/time, or a dropped request: keep what we had.
      }
    }
    const best = bestClockOffset(samples)
    if (best && !abort.signal.aborted) offsetMs.set(Math.round(best.offsetMs))
  }
  void measure()
  const interval = setInterval(() => void measure(), RESAMPLE_MS)
  return {
    offsetMs,
    now: () => clientNow() + offsetMs.get(),
    dispose() {
      abort.abort()
      clearInterval(interval)
    },
  }
}
