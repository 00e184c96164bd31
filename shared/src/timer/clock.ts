import { z } from 'zod'

/**
 * How a client learns the offset of its clock to the server's, NTP-style: it notes when it sent a request
 * (`sentAt`) and when the answer came (`receivedAt`), both on its own clock; the server stamps the answer
 * with its time (`serverTime`). Assuming the answer was stamped halfway through the round trip,
 * offset = serverTime − (sentAt + receivedAt) / 2, wrong by at most half the round trip. Server time is
 * then `clientNow + offset`.
 */
export interface ClockSample {
  /** Client clock (ms) when the request left. */
  sentAt: number
  /** Server clock (ms) when it answered. */
  serverTime: number
  /** Client clock (ms) when the answer arrived. */
  receivedAt: number
}

export interface ClockOffset {
  /** Server time − client time, in ms. */
  offsetMs: number
  /** The round trip the estimate came from: its error is at most half of this. */
  roundTripMs: number
}

export function estimateClockOffset(sample: ClockSample): ClockOffset {
  return {
    offsetMs: sample.serverTime - (sample.sentAt + sample.receivedAt) / 2,
    roundTripMs: Math.max(0, sample.receivedAt - sample.sentAt),
  }
}

/**
 * The best of several samples: the one with the shortest round trip, whose error bound is smallest (a
 * request that waited in a queue says little about the clocks). Null when there are none.
 */
export function bestClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null
  for (const sample of samples) {
    if (sample.receivedAt < sample.sentAt) continue // the client clock jumped back mid-request: no information
    const estimate = estimateClockOffset(sample)
    if (best === null || estimate.roundTripMs < best.roundTripMs) best = estimate
  }
  return best
}

/** `GET /api/time`'s answer: the server's clock, milliseconds since the epoch (the sample's `serverTime`). */
export const serverTimeSchema = z.object({ now: z.int().min(0) })
export type ServerTime = z.infer<typeof serverTimeSchema>
