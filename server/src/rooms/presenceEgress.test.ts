import type { Identity } from '@werkplaats/shared'
import { simulatedPresence } from '@werkplaats/shared/board/presenceFixture'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RecordingPeer } from '../../test/support/recordingPeer.ts'
import type { Peer } from './peer.ts'
import { presenceInterestDefaults, RoomPresence } from './roomPresence.ts'

/**
 * What presence costs each screen with 500 on one board, in simulated time (bench scenario 8's geometry: each
 * participant near its own spot of a 30-column grid 250 page units apart, a 1280×800 view around its cursor,
 * the cursor moving at 10 Hz). The figures are the server's alone, so unlike the bench they do not depend on
 * how busy the machine is.
 */
const people = 500
const seconds = presenceInterestDefaults.presenceFarIntervalMs / 1000

function update(clientId: number, clock: number, participant: number, x: number, y: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify(simulatedPresence(participant, { x, y })))
  return encoding.toUint8Array(encoder)
}

describe('presence egress with 500 on one board', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  // A saturated server (slowdown 16, see LoadGauge) stretches the far frames, never the cursors in view.
  it.for([1, 16])(
    'each screen gets its nearby cursors at least 5 times a second for under 20 KB/s (server slowdown %i)',
    { timeout: 180_000 },
    (slowdown) => {
      const peers = new Set<Peer>()
      const presence = new RoomPresence(peers, {
        awarenessTickMs: 50,
        awarenessBytesPerSecond: 16 * 1024 * 1024,
        slowdown: () => slowdown,
      })
      const everyone = Array.from({ length: people }, (_, i) => {
        const identity: Identity = { participantId: `p${i}`, name: `Deelnemer ${i}`, role: 'participant' }
        const peer = new RecordingPeer({ role: 'participant', room: 'board', identity })
        peers.add(peer)
        presence.join(peer)
        return { peer, home: { x: (i % 30) * 250, y: Math.floor(i / 30) * 250 }, clock: 0 }
      })
      // Each person moves ten times a second at a phase of their own: a tenth of the crowd every 10 ms.
      const move = (step: number) =>
        everyone.forEach((person, i) => {
          if (i % 10 !== step % 10) return
          person.clock++
          const x = person.home.x + Math.round(Math.random() * 100)
          const y = person.home.y + Math.round(Math.random() * 100)
          presence.receive(person.peer, update(i + 1, person.clock, i, x, y))
        })
      const run = (ms: number) => {
        for (let step = 0; step < ms / 10; step++) {
          move(step)
          vi.advanceTimersByTime(10)
        }
      }
      // Warm-up: everyone known everywhere once.
      run(2000)
      vi.advanceTimersByTime(presenceInterestDefaults.presenceFarIntervalMs)
      const before = everyone.map(({ peer }) => ({ frames: peer.frames.length }))

      run(seconds * 1000)
      const received = everyone.map(({ peer }, i) => {
        const frames = peer.frames.slice(before[i]?.frames ?? 0)
        return { frames: frames.length, bytes: frames.reduce((sum, frame) => sum + frame.byteLength, 0) }
      })
      const bytesPerSecond = received.map((r) => r.bytes / seconds).sort((a, b) => a - b)
      const framesPerSecond = received.map((r) => r.frames / seconds).sort((a, b) => a - b)
      const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? Number.NaN
      console.log(
        `presence per participant at ${people} on one board: ${(median(bytesPerSecond) / 1024).toFixed(1)} KiB/s median, ` +
          `${((bytesPerSecond.at(-1) ?? 0) / 1024).toFixed(1)} KiB/s max; ${median(framesPerSecond).toFixed(1)} frames/s median, ` +
          `${(framesPerSecond[0] ?? 0).toFixed(1)} min`,
      )
      expect(framesPerSecond[0]).toBeGreaterThanOrEqual(5)
      expect(bytesPerSecond.at(-1)).toBeLessThan(20_000)
      presence.destroy()
    },
  )
})
