/**
 * CPU per awareness update (a cursor move) through the server's presence table, as every board connection of a
 * session has it (the server-known identity written into the state):
 *
 *   node bench/src/presenceCost.ts
 *
 * In scenario 3 (2,000 people moving cursors at 10 Hz) this runs 20,000 times a second. Two figures, because a
 * state is checked and stamped only when a tick first sends it (server/src/rooms/presence.ts):
 * - receiving a cursor move (what every one of the 20,000 costs);
 * - receiving one and sending it on at the next tick (what each costs when every move is sent, as on an
 *   unhurried server; a busy one sends only the newest state of each client per tick).
 * It measures one internal class on purpose, so it imports it by path; CPU time (process.cpuUsage), best of 7
 * rounds of 50,000 updates, so other processes on the machine move it little.
 */
import * as encoding from 'lib0/encoding'
import { PresenceTable } from '../../server/src/rooms/presence.ts'
import { presenceState } from './records.ts'

const identity = { participantId: 'abcdefghijklmnopqrstuv', name: 'Deelnemer 17', role: 'participant' }
const clientId = 12345
const perRound = 50_000

function update(clock: number, x: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify(presenceState(17, x, x * 2)))
  return encoding.toUint8Array(encoder)
}

// Every update a newer clock than the one before, as a moving cursor sends them.
const updates = Array.from({ length: perRound }, (_, i) => update(i + 1, i % 1000))

function best(run: (table: PresenceTable) => void): number {
  let fastest = Number.POSITIVE_INFINITY
  for (let round = 0; round < 7; round++) {
    const table = new PresenceTable()
    const start = process.cpuUsage()
    run(table)
    const used = process.cpuUsage(start)
    fastest = Math.min(fastest, (used.user + used.system) / perRound)
  }
  return fastest
}

const received = best((table) => {
  for (const u of updates) table.apply(u, 0, () => true, identity)
})
const receivedAndSent = best((table) => {
  for (const u of updates) {
    table.apply(u, 0, () => true, identity)
    table.encode([clientId])
  }
})
console.log(`receiving a cursor move                  ${received.toFixed(2)} µs CPU`)
console.log(`receiving one and sending it at a tick   ${receivedAndSent.toFixed(2)} µs CPU`)
