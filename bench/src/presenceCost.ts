/**
 * CPU per awareness update (a cursor move) through the server's presence table, with and without the
 * server-known identity written into the state, as every board connection of a session has it:
 *
 *   node bench/src/presenceCost.ts
 *
 * In scenario 3 (2,000 people moving cursors at 10 Hz) this runs 20,000 times a second. It measures one
 * internal function on purpose, so it imports it by path; CPU time (process.cpuUsage), best of 7 rounds of
 * 50,000 updates, so other processes on the machine move it little.
 */
import * as encoding from 'lib0/encoding'
import { PresenceTable } from '../../server/src/rooms/presence.ts'
import { presenceState } from './records.ts'

const identity = { participantId: 'abcdefghijklmnopqrstuv', name: 'Deelnemer 17', role: 'participant' }

function update(clock: number, x: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, 12345)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify(presenceState(17, x, x * 2)))
  return encoding.toUint8Array(encoder)
}

const updates = Array.from({ length: 1000 }, (_, i) => update(i + 1, i))
for (const withIdentity of [false, true]) {
  let best = Number.POSITIVE_INFINITY
  for (let round = 0; round < 7; round++) {
    const table = new PresenceTable()
    const start = process.cpuUsage()
    // After the first pass the clocks are old, but every update is still read, validated and stamped.
    for (let rep = 0; rep < 50; rep++) for (const u of updates) table.apply(u, 0, () => true, withIdentity ? identity : undefined)
    const used = process.cpuUsage(start)
    best = Math.min(best, (used.user + used.system) / (50 * updates.length))
  }
  console.log(`${withIdentity ? 'with the identity stamp   ' : 'without (plain y-protocols)'}  ${best.toFixed(2)} µs CPU per update`)
}
