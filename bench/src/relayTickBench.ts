import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { sessionRoomName } from '@werkplaats/shared'
import { ServerProcess } from '@werkplaats/server/testing'
import { sleep } from './clock.ts'
import { summarizeSamples } from './histogram.ts'
import { cpuSeconds } from './procfs.ts'
import type { CrowdFigures } from './template/crowd.ts'
import { CrowdProcesses } from './template/crowdProcesses.ts'
import { createSession, expectedLayout, joinParticipants, oecdTemplate } from './template/session.ts'
import { killAllWorkers } from './workers.ts'

/**
 * `pnpm --filter @werkplaats/bench relay-tick`: what a busy board's relay tick (server `RELAY_TICK_MS`, off by
 * default) saves. The
 * template bench's crowd (cursors at 10 Hz, a sticky edit a second each) on a fresh server with the tick off
 * (0) and on (`--tick`), in turns (off/on, then on/off, …) so that a machine's drift falls on both alike. Per
 * run: the CPU the server and the crowd's processes spend per edit, how many update frames a participant
 * receives a second, and the fan-out a sample of 20 participants sees. No browser: this is about the server
 * and the receivers' per-frame cost, measured in CPU time rather than shares of a busy machine.
 */
const { values: args } = parseArgs({
  options: {
    participants: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '6' },
    tick: { type: 'string', default: '20' },
  },
})
const PARTICIPANTS = Number(args.participants)
const ROUNDS = Number(args.rounds)
const SECONDS = Number(args.seconds)
const TICK = Number(args.tick)
const TIMED = 20

const template = oecdTemplate()
const layout = expectedLayout(template, 'start')
const epochNow = (): number => performance.timeOrigin + performance.now()

interface Run {
  tick: number
  edits: number
  serverUsPerEdit: number
  crowdUsPerEdit: number
  serverPercent: number
  framesPerParticipant: number
  fanOut: ReturnType<typeof summarizeSamples>
  load: string
}

function framesPerParticipant(figures: CrowdFigures, from: number, to: number): number {
  let frames = 0
  let seconds = 0
  for (let second = Math.ceil(from / 1000); (second + 1) * 1000 <= to; second++) {
    frames += figures.updateFramesBySecond[second] ?? 0
    seconds += 1
  }
  return seconds > 0 ? frames / seconds / TIMED : Number.NaN
}

async function measure(tick: number): Promise<Run> {
  const server = await ServerProcess.launch({ TLDRAW_LICENSE_KEY: '', RELAY_TICK_MS: String(tick) })
  try {
    const session = await createSession(server.url, server.wsUrl, template, 'start', 'Relay tick')
    const tokens = await joinParticipants(server.url, session, PARTICIPANTS)
    const room = sessionRoomName(session.id, 'board')
    const crowd = new CrowdProcesses(
      { roomUrl: `${server.wsUrl}/${room}`, room, area: layout.area, cursorHz: 10, editsPerSecond: 1 },
      tokens.map((token, i) => ({ participant: i + 1, token })),
      TIMED,
      1,
    )
    try {
      await crowd.join()
      crowd.start()
      await sleep(3000)
      const from = epochNow()
      const [server0, crowd0] = [cpuSeconds(server.pid ?? -1), crowd.cpuSeconds()]
      await sleep(SECONDS * 1000)
      const [server1, crowd1] = [cpuSeconds(server.pid ?? -1), crowd.cpuSeconds()]
      const to = epochNow()
      const figures = await crowd.stop()
      const edits = figures.sentAtEpoch.filter(([, at]) => at >= from && at < to).length
      return {
        tick,
        edits,
        serverUsPerEdit: ((server1 - server0) * 1e6) / edits,
        crowdUsPerEdit: ((crowd1 - crowd0) * 1e6) / edits,
        serverPercent: ((server1 - server0) / ((to - from) / 1000)) * 100,
        framesPerParticipant: framesPerParticipant(figures, from, to),
        fanOut: summarizeSamples(figures.fanOutMs.filter((_, i) => (figures.fanOutAtEpoch[i] ?? 0) >= from)),
        load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      }
    } finally {
      crowd.close()
    }
  } finally {
    await server.destroy()
  }
}

const command = `pnpm --filter @werkplaats/bench relay-tick ${process.argv.slice(2).join(' ')}`.trim()
console.log(`Command: \`${command}\``)
console.log('')
console.log(
  '| round | RELAY_TICK_MS | edits/s | server CPU µs per edit | crowd CPU µs per edit | server % of a core | update frames / participant / s | fan-out p50 / p99 ms | load average |',
)
console.log('| --: | --: | --: | --: | --: | --: | --: | --: | --- |')
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const tick of round % 2 === 1 ? [0, TICK] : [TICK, 0]) {
      const r = await measure(tick)
      console.log(
        `| ${round} | ${r.tick} | ${(r.edits / SECONDS).toFixed(0)} | ${r.serverUsPerEdit.toFixed(0)} | ${r.crowdUsPerEdit.toFixed(0)} | ${r.serverPercent.toFixed(0)} % | ${r.framesPerParticipant.toFixed(1)} | ${r.fanOut.p50.toFixed(1)} / ${r.fanOut.p99.toFixed(1)} | ${r.load} |`,
      )
    }
  }
} finally {
  killAllWorkers()
}
// Sockets and timers of a finished run must not keep the process alive.
process.exit(0)
