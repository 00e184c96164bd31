/**
 * Part of the memory scenario: scenario 1's load (50 people on one board) on our server, the reference server and
 * Hocuspocus in turn, each on a fresh process after waiting for a quiet machine: the peak resident memory each
 * needs to serve it, side by side. Target: ours at most 1.25× the leaner of the two peers.
 */
import type { LoadPlan, LoadSummary } from './scenarios.ts'
import type { ServerKind } from './servers.ts'

export const PEER_MEMORY_TARGET = 1.25

export type PeerMemory = Record<ServerKind, LoadSummary>

const MiB = 1024 * 1024

export async function runPeerMemory(
  plan: LoadPlan,
  run: (kind: ServerKind, plan: LoadPlan) => Promise<LoadSummary>,
): Promise<PeerMemory> {
  return {
    werkplaats: await run('werkplaats', plan),
    reference: await run('reference', plan),
    hocuspocus: await run('hocuspocus', plan),
  }
}

export function peerMemoryTable(peers: PeerMemory): string {
  const kinds: ServerKind[] = ['werkplaats', 'reference', 'hocuspocus']
  const row = (label: string, value: (summary: LoadSummary) => string) =>
    `| ${label} | ${kinds.map((kind) => value(peers[kind])).join(' | ')} |`
  const leaner = Math.min(peers.reference.serverPeakRss, peers.hocuspocus.serverPeakRss)
  const ratio = peers.werkplaats.serverPeakRss / leaner
  return [
    '| 50 on one board (scenario 1) | Werkplaats | reference | Hocuspocus |',
    '| --- | --: | --: | --: |',
    row('peak RSS in the window', (s) => `${(s.serverPeakRss / MiB).toFixed(1)} MiB`),
    row('VmHWM (since start)', (s) => `${(s.serverHwm / MiB).toFixed(1)} MiB`),
    row('server CPU (% of one core)', (s) => `${s.serverCpuPercent.toFixed(0)} %`),
    row('fan-out p50 / p99 (ms)', (s) => `${s.latency.p50.toFixed(1)} / ${s.latency.p99.toFixed(1)}`),
    row('reach', (s) => `${(s.reach * 100).toFixed(2)} %`),
    row('other processes (% of one core)', (s) => `${s.otherCpuPercent.toFixed(0)} %`),
    '',
    `Peak RSS, ours against the leaner peer: ${ratio.toFixed(2)}× (target: at most ${PEER_MEMORY_TARGET}×; ${ratio <= PEER_MEMORY_TARGET ? 'met' : 'not met'}).`,
  ].join('\n')
}
