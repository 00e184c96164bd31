import type { LatencySummary } from './histogram.ts'
import type { MachineInfo } from './procfs.ts'
import type { DragSummary, JoinSummary, LoadSummary, MemorySummary, VoteSummary } from './scenarios.ts'
import { type InstancesSummary, instancesSetups } from './instances.ts'

export type Pair<T> = { werkplaats: T | null; reference: T | null }

export interface RunResults {
  load: Record<number, Pair<LoadSummary>>
  join: Pair<JoinSummary> | null
  drag: Pair<DragSummary> | null
  memory: Pair<MemorySummary> | null
  /** Scenario 10, ours only. */
  vote: VoteSummary | null
  /** Scenario 11, ours only. */
  instances: InstancesSummary | null
}

export interface Target {
  scenario: string
  target: string
  ours: string
  theirs: string
  met: boolean | null
}

const MiB = 1024 * 1024

export function ms(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–'
  return v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0)
}

export function mib(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–'
  return `${(v / MiB).toFixed(1)} MiB`
}

export function kib(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–'
  return v < 10_240 ? `${Math.round(v)} B` : `${(v / 1024).toFixed(1)} KiB`
}

function pct(v: number | undefined, digits = 0): string {
  if (v === undefined || !Number.isFinite(v)) return '–'
  return `${v.toFixed(digits)} %`
}

function num(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '–'
  return Math.round(v).toLocaleString('en-US')
}

/** ours / theirs, for figures where lower is better. */
function ratio(ours: number | undefined, theirs: number | undefined): string {
  if (ours === undefined || theirs === undefined || !Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0)
    return '–'
  return `${(ours / theirs).toFixed(2)}×`
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

type Row = [label: string, pick: (s: LoadSummary) => number, format: (v: number) => string, compare: boolean]

const loadRows: Row[] = [
  ['fan-out latency p50 (ms)', (s) => s.latency.p50, ms, true],
  ['fan-out latency p95 (ms)', (s) => s.latency.p95, ms, true],
  ['fan-out latency p99 (ms)', (s) => s.latency.p99, ms, true],
  ['fan-out latency max (ms)', (s) => s.latency.max, ms, true],
  ['deliveries measured', (s) => s.latency.count, num, false],
  ['reach (received / expected)', (s) => s.reach * 100, (v) => pct(v, 2), false],
  ['boards fully served', (s) => s.roomsServed, num, false],
  ['connect failures', (s) => s.connectFailures, num, false],
  ['disconnects', (s) => s.disconnects, num, false],
  ['connect + sync p99 at ramp-up (ms)', (s) => s.connect.p99, ms, true],
  ['server CPU (% of one core)', (s) => s.serverCpuPercent, (v) => pct(v), true],
  [
    'server ready to run but without a CPU (other processes on its core, % of the window)',
    (s) => s.serverWaitedForCpuPercent,
    (v) => pct(v),
    false,
  ],
  ['server peak RSS in window', (s) => s.serverPeakRss, mib, true],
  ['server VmHWM (since start)', (s) => s.serverHwm, mib, true],
  ['server blocked on disk (D state, % of samples)', (s) => s.serverBlockedOnDiskPercent, (v) => pct(v), false],
  ['server disk writes in window', (s) => s.serverDiskWrites, mib, false],
  ['bytes per edit, client → server', (s) => s.editBytes, kib, true],
  ['bytes per relayed update, server → client', (s) => s.updateBytesReceived, kib, true],
  ['bytes per awareness frame, client → server', (s) => s.awarenessBytesSent, kib, true],
  ['bytes per awareness frame, server → client', (s) => s.awarenessBytesReceived, kib, true],
  ['awareness frames received / s (all clients)', (s) => s.awarenessFramesReceivedPerSecond, num, true],
  [
    'presence frames received / s per participant',
    (s) => s.awarenessFramesReceivedPerSecond / s.participants,
    (v) => v.toFixed(1),
    true,
  ],
  [
    'presence bytes received / s per participant',
    (s) => (s.awarenessBytesReceived * s.awarenessFramesReceivedPerSecond) / s.participants,
    kib,
    true,
  ],
  ['server egress (MB/s of payload)', (s) => s.egressMBps, (v) => v.toFixed(1), true],
  ['generator CPU (% of one core, all workers)', (s) => s.generatorCpuPercent, (v) => pct(v), false],
  ['generator busiest worker CPU', (s) => s.generatorMaxWorkerCpuPercent, (v) => pct(v), false],
  ['generator scheduler lag max (ms)', (s) => s.schedulerLagMs, ms, false],
  ['other processes on the machine (% of one core)', (s) => s.otherCpuPercent, (v) => pct(v), false],
  ['server stderr lines', (s) => s.serverErrorLines, num, false],
]

/**
 * True when the load generator, not the server, was the bottleneck: its busiest worker had no CPU left, or its
 * own timers ran late. Latencies measured then include the generator's queueing.
 */
export function generatorLimited(s: LoadSummary | null): boolean {
  return s !== null && (s.generatorMaxWorkerCpuPercent >= 90 || s.schedulerLagMs > 100)
}

export function loadTable(pair: Pair<LoadSummary>): string {
  const rows = loadRows.map(([label, pick, format, compare]) => {
    const ours = pair.werkplaats ? pick(pair.werkplaats) : undefined
    const theirs = pair.reference ? pick(pair.reference) : undefined
    return [
      label,
      ours === undefined ? '–' : format(ours),
      theirs === undefined ? '–' : format(theirs),
      compare ? ratio(ours, theirs) : '',
    ]
  })
  const storms = pair.werkplaats?.resync ?? pair.reference?.resync ?? []
  storms.forEach((_, i) => {
    const o = pair.werkplaats?.resync[i]
    const t = pair.reference?.resync[i]
    rows.push([`storm ${i + 1}: all resynced after (ms)`, ms(o?.max), ms(t?.max), ratio(o?.max, t?.max)])
    rows.push([`storm ${i + 1}: resync p50 (ms)`, ms(o?.p50), ms(t?.p50), ratio(o?.p50, t?.p50)])
    rows.push([`storm ${i + 1}: never resynced`, num(o?.failures), num(t?.failures), ''])
  })
  const churn = pair.werkplaats?.largeBoard
  if (churn) {
    rows.push([
      'second board: size / loaded and compacted in the window',
      `${kib(churn.boardBytes)} / ${churn.cycles}×`,
      '–',
      '',
    ])
  }
  if (generatorLimited(pair.werkplaats) || generatorLimited(pair.reference)) {
    const says = (s: LoadSummary | null) =>
      s === null ? '–' : generatorLimited(s) ? 'yes: the generator is the limit' : 'no'
    rows.push([
      'load generator saturated (busiest worker ≥ 90 % or lag > 100 ms)',
      says(pair.werkplaats),
      says(pair.reference),
      '',
    ])
  }
  const codes = (s: LoadSummary | null): string =>
    s && Object.keys(s.closeCodes).length > 0
      ? Object.entries(s.closeCodes)
          .map(([c, n]) => `${c}×${n}`)
          .join(', ')
      : '–'
  if (pair.werkplaats?.disconnects || pair.reference?.disconnects)
    rows.push(['close codes', codes(pair.werkplaats), codes(pair.reference), ''])
  return table(['', 'Werkplaats', 'reference', 'ratio'], rows)
}

function lat(s: LatencySummary | null | undefined): string {
  if (!s) return '–'
  return `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`
}

export function joinTable(pair: Pair<JoinSummary>): string {
  const o = pair.werkplaats
  const t = pair.reference
  return table(
    ['', 'Werkplaats', 'reference', 'ratio (p95)'],
    [
      ['stickies on the board', num(o?.stickies), num(t?.stickies), ''],
      ['document (sync step 2 for a new client)', kib(o?.docBytes), kib(t?.docBytes), ratio(o?.docBytes, t?.docBytes)],
      [
        'time to synced, board loaded: p50 / p95 / max (ms)',
        lat(o?.warm),
        lat(t?.warm),
        ratio(o?.warm.p95, t?.warm.p95),
      ],
      ['time to synced, right after a server restart: p50 / p95 / max (ms)', lat(o?.cold), 'n/a (in memory)', ''],
      [
        'joins measured (loaded / after restart)',
        `${o?.warm.count ?? 0} / ${o?.cold?.count ?? 0}`,
        `${t?.warm.count ?? 0} / –`,
        '',
      ],
      ['server RSS', mib(o?.serverRss), mib(t?.serverRss), ratio(o?.serverRss, t?.serverRss)],
    ],
  )
}

export function dragTable(pair: Pair<DragSummary>): string {
  const one = (s: DragSummary | null): string[] => {
    if (!s) return ['–', '–', '–', '–', '–', '–', '–', '–', '–', '–', '–']
    const first = s.checkpoints[0]
    const last = s.checkpoints.at(-1)
    return [
      `${num(s.updates)} (${s.simulatedMinutes.toFixed(1)} min at 60 Hz) in ${(s.durationMs / 1000).toFixed(1)} s`,
      `${num(s.seenByObserver)}`,
      lat(s.latency),
      kib(s.bytesPerUpdate),
      `${kib(first?.docBytes)} → ${kib(last?.docBytes)}`,
      `${mib(first?.rss)} → ${mib(last?.rss)}`,
      s.checkpoints.map((c) => (c.rss / MiB).toFixed(0)).join(', '),
      s.checkpoints.map((c) => Math.round(c.docBytes)).join(', '),
      last && last.storedBytes > 0
        ? `${kib(first?.storedBytes)} → ${kib(last.storedBytes)} (${last.storedDetail})`
        : 'in memory',
      pct(s.serverCpuPercent),
      `${num(s.disconnects)}`,
    ]
  }
  const o = one(pair.werkplaats)
  const t = one(pair.reference)
  const labels = [
    'updates (simulated drag)',
    'updates seen by an observer',
    'observer latency p50 / p95 / max (ms)',
    'bytes per drag update, client → server',
    'document size, start → end',
    'server RSS, start → end',
    'server RSS at each tenth (MiB)',
    'document bytes at each tenth',
    'SQLite files, start → end',
    'server CPU during the drag (% of one core)',
    'disconnects',
  ]
  return table(
    ['', 'Werkplaats', 'reference'],
    labels.map((label, i) => [label, o[i] ?? '–', t[i] ?? '–']),
  )
}

export function memoryTable(pair: Pair<MemorySummary>): string {
  const o = pair.werkplaats
  const t = pair.reference
  return table(
    ['', 'Werkplaats', 'reference', 'ratio'],
    [
      [
        'RSS, no board connected (ours: the sessions and participants already created)',
        mib(o?.baselineRss),
        mib(t?.baselineRss),
        ratio(o?.baselineRss, t?.baselineRss),
      ],
      [
        `RSS with ${o?.boards ?? t?.boards ?? '?'} idle boards (20 stickies, 1 silent participant each)`,
        mib(o?.boardsRss),
        mib(t?.boardsRss),
        ratio(o?.boardsRss, t?.boardsRss),
      ],
      [
        `RSS with ${o?.participants ?? t?.participants ?? '?'} more idle participants on one board`,
        mib(o?.crowdRss),
        mib(t?.crowdRss),
        ratio(o?.crowdRss, t?.crowdRss),
      ],
      [
        'memory per idle board (incl. its one participant)',
        kib(o?.perBoard),
        kib(t?.perBoard),
        ratio(o?.perBoard, t?.perBoard),
      ],
      [
        'memory per idle participant',
        kib(o?.perParticipant),
        kib(t?.perParticipant),
        ratio(o?.perParticipant, t?.perParticipant),
      ],
      ['connect failures', num(o?.failures), num(t?.failures), ''],
    ],
  )
}

/** The vote answered p99 and the reveal on every screen; the generator is the limit when its timers ran late. */
export function voteGeneratorLimited(v: VoteSummary): boolean {
  return v.generatorSendLagMs > 100
}

export function voteTable(v: VoteSummary): string {
  const statuses = Object.entries(v.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(', ')
  const p = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`
  const rows: string[][] = [
    ['participants (each: own token, own control-room connection)', num(v.participants)],
    [
      'round',
      `${v.cards} cards (assessment questions of the first principle, stage kaderen), ${v.votesEach} votes each, at most 1 per card`,
    ],
    ['votes planned / answered 201', `${num(v.votesPlanned)} in ${v.windowMs / 1000} s / ${num(v.votesAccepted)}`],
    ['answers by status', statuses || '–'],
    ['vote answered (`POST …/votes`): p50 / p95 / p99 / max (ms)', p(v.latency)],
    [
      'control-room updates each screen received while the votes were cast (voter count)',
      ms(v.controlUpdatesPerScreen),
    ],
    ['reveal answered (`POST …/reveal`, facilitator) (ms)', ms(v.revealAnsweredMs)],
    ['revealed tallies on each screen, from sending the reveal: p50 / p95 / p99 / max (ms)', p(v.revealSeen)],
    ['screens that never got the tallies (within 10 s)', num(v.revealNeverSeen)],
    ['votes in the tallies the screens got / votes accepted', `${num(v.tallyVotes)} / ${num(v.votesAccepted)}`],
    ['connect failures / disconnects', `${num(v.connectFailures)} / ${num(v.disconnects)}`],
    ['server CPU over the round (% of one core)', pct(v.serverCpuPercent)],
    [
      'server ready to run but without a CPU (other processes on its core, % of the time)',
      pct(v.serverWaitedForCpuPercent),
    ],
    ['server blocked on disk (D state, % of samples)', pct(v.serverBlockedOnDiskPercent)],
    ['server peak RSS', mib(v.serverPeakRss)],
    ['generator CPU (% of one core, all workers)', pct(v.generatorCpuPercent)],
    ['generator: latest vote sent after its planned time (ms)', ms(v.generatorSendLagMs)],
    ['other processes on the machine (% of one core)', pct(v.otherCpuPercent)],
    ['server stderr lines', num(v.serverErrorLines)],
  ]
  if (voteGeneratorLimited(v))
    rows.push(['load generator saturated (votes sent > 100 ms late)', 'yes: the generator is the limit'])
  return table(['', 'Werkplaats'], rows)
}

/** Scenario 11: one column per setup measured, then the cost of the Redis hop. */
export function instancesTable(result: InstancesSummary): string {
  if (result.runs.length === 0) return `Not run: ${result.skipped ?? 'no setup selected'}`
  const runs = result.runs
  const pick = (f: (s: LoadSummary) => string): string[] => runs.map((r) => f(r.summary))
  const instance =
    (i: number) =>
    (s: LoadSummary): string => {
      const use = s.instances?.[i] ?? (i === 0 ? { cpuPercent: s.serverCpuPercent } : undefined)
      return use ? pct(use.cpuPercent) : '–'
    }
  const service =
    (name: string) =>
    (s: LoadSummary): string => {
      const use = s.services?.find((x) => x.name === name)
      return use ? `${pct(use.cpuPercent)} (${use.processes} ${use.processes === 1 ? 'process' : 'processes'})` : '–'
    }
  const serverSide = (s: LoadSummary): number =>
    s.serverCpuPercent + (s.services ?? []).reduce((n, x) => n + x.cpuPercent, 0)
  const split =
    (which: 'latencySame' | 'latencyCross') =>
    (s: LoadSummary): string => {
      const l = s[which]
      return l && l.count > 0 ? `${ms(l.p50)} / ${ms(l.p99)} (${num(l.count)})` : '–'
    }
  const rows: string[][] = [
    ['fan-out latency p50 (ms)', ...pick((s) => ms(s.latency.p50))],
    ['fan-out latency p95 (ms)', ...pick((s) => ms(s.latency.p95))],
    ['fan-out latency p99 (ms)', ...pick((s) => ms(s.latency.p99))],
    ['fan-out latency max (ms)', ...pick((s) => ms(s.latency.max))],
    ['sender on the same instance: p50 / p99 (ms) (deliveries)', ...pick(split('latencySame'))],
    ['sender on the other instance, through Redis: p50 / p99 (ms) (deliveries)', ...pick(split('latencyCross'))],
    ['deliveries measured', ...pick((s) => num(s.latency.count))],
    ['reach (received / expected)', ...pick((s) => pct(s.reach * 100, 2))],
    ['connect failures / disconnects', ...pick((s) => `${num(s.connectFailures)} / ${num(s.disconnects)}`)],
    ['connect + sync p99 at ramp-up (ms)', ...pick((s) => ms(s.connect.p99))],
    ['CPU instance A (% of one core)', ...pick(instance(0))],
    ['CPU instance B', ...pick(instance(1))],
    ['CPU PostgreSQL (postmaster and every backend)', ...pick(service('PostgreSQL'))],
    ['CPU Redis', ...pick(service('Redis'))],
    [
      'CPU of the server side in all (instances + PostgreSQL + Redis, all on CPU 0 when pinned)',
      ...pick((s) => pct(serverSide(s))),
    ],
    [
      'an instance ready to run but without a CPU (most of the instances, % of the window)',
      ...pick((s) => pct(s.serverWaitedForCpuPercent)),
    ],
    [
      'peak RSS per instance',
      ...pick((s) => (s.instances ?? [{ peakRss: s.serverPeakRss }]).map((i) => mib(i.peakRss)).join(' + ')),
    ],
    [
      'generator CPU (all workers) / busiest worker',
      ...pick((s) => `${pct(s.generatorCpuPercent)} / ${pct(s.generatorMaxWorkerCpuPercent)}`),
    ],
    ['generator scheduler lag max (ms)', ...pick((s) => ms(s.schedulerLagMs))],
    [
      'load generator saturated (busiest worker ≥ 90 % or lag > 100 ms)',
      ...pick((s) => (generatorLimited(s) ? 'yes: the generator is the limit' : 'no')),
    ],
    ['other processes on the machine (% of one core)', ...pick((s) => pct(s.otherCpuPercent))],
    ['load average (1/5/15 min) before → after', ...runs.map((r) => `${r.loadBefore} → ${r.loadAfter}`)],
    ['server stderr lines', ...pick((s) => num(s.serverErrorLines))],
  ]
  const out = [table(['', ...runs.map((r) => instancesSetups[r.setup])], rows)]
  const hop = redisHop(result)
  if (hop) out.push('', hop)
  return out.join('\n')
}

/** The added cost of the Redis hop, in words: cross- minus same-instance deliveries of the two-instance run. */
function redisHop(result: InstancesSummary): string | null {
  const two = result.runs.find((r) => r.setup === 'shared-2')?.summary
  const one = result.runs.find((r) => r.setup === 'shared-1')?.summary
  const same = two?.latencySame
  const cross = two?.latencyCross
  if (!two || !same || !cross || same.count === 0 || cross.count === 0) return null
  const lines = [
    `Added cost of the Redis hop (two instances, the same run): p50 ${ms(cross.p50 - same.p50)} ms, p99 ${ms(cross.p99 - same.p99)} ms ` +
      `(an edit from the other instance against one from the receiver's own).`,
  ]
  if (one) {
    lines.push(
      `Two instances against one (PostgreSQL + Redis): p50 ${ms(two.latency.p50)} vs ${ms(one.latency.p50)} ms, ` +
        `p99 ${ms(two.latency.p99)} vs ${ms(one.latency.p99)} ms (${(two.latency.p99 / one.latency.p99).toFixed(2)}×).`,
    )
  }
  return lines.join(' ')
}

export function targets(results: RunResults): Target[] {
  const out: Target[] = []
  const s1 = results.load[1]
  if (s1?.werkplaats) {
    const o = s1.werkplaats.latency.p99
    const t = s1.reference?.latency.p99
    out.push({
      scenario: '1: 50 on one board',
      target: 'p99 < 50 ms and ≤ reference p99',
      ours: `p99 ${ms(o)} ms`,
      theirs: t === undefined ? '–' : `p99 ${ms(t)} ms`,
      met: o < 50 && (t === undefined || o <= t),
    })
  }
  const s2 = results.load[2]
  if (s2?.werkplaats) {
    const o = s2.werkplaats
    const t = s2.reference
    out.push({
      scenario: '2: 300 on one board',
      target: 'p99 < 150 ms, no disconnects',
      ours: `p99 ${ms(o.latency.p99)} ms, ${o.disconnects} disconnects, reach ${pct(o.reach * 100, 2)}${generatorLimited(o) ? ' (generator-bound)' : ''}`,
      theirs: t ? `p99 ${ms(t.latency.p99)} ms, ${t.disconnects} disconnects, reach ${pct(t.reach * 100, 2)}` : '–',
      met: o.latency.p99 < 150 && o.disconnects === 0 && o.connectFailures === 0,
    })
  }
  const s8 = results.load[8]
  if (s8?.werkplaats) {
    const o = s8.werkplaats
    const t = s8.reference
    const limit = (s: LoadSummary) => (generatorLimited(s) ? ' (generator-bound)' : '')
    out.push({
      scenario: '8: 500 on one board',
      target: 'p99 < 150 ms, reach 100 %',
      ours: `p99 ${ms(o.latency.p99)} ms, reach ${pct(o.reach * 100, 2)}, ${o.disconnects} disconnects${limit(o)}`,
      theirs: t ? `p99 ${ms(t.latency.p99)} ms, reach ${pct(t.reach * 100, 2)}${limit(t)}` : '–',
      met: o.latency.p99 < 150 && o.reach >= 1 && o.disconnects === 0 && o.connectFailures === 0,
    })
  }
  const s3 = results.load[3]
  if (s3?.werkplaats) {
    const o = s3.werkplaats
    const t = s3.reference
    out.push({
      scenario: '3: 100 boards × 20',
      target: 'all boards served, p99 < 100 ms',
      ours: `${o.roomsServed}/${o.rooms} served, p99 ${ms(o.latency.p99)} ms${generatorLimited(o) ? ' (generator-bound)' : ''}`,
      theirs: t ? `${t.roomsServed}/${t.rooms} served, p99 ${ms(t.latency.p99)} ms` : '–',
      met: o.roomsServed === o.rooms && o.latency.p99 < 100,
    })
  }
  const j = results.join
  if (j?.werkplaats) {
    const o = j.werkplaats
    out.push({
      scenario: '4: join a board of 1,000 stickies',
      target: '< 300 ms to synced',
      ours: `p95 ${ms(o.warm.p95)} ms loaded, max ${ms(o.cold?.max)} ms after restart`,
      theirs: j.reference ? `p95 ${ms(j.reference.warm.p95)} ms` : '–',
      met: o.warm.p95 < 300 && o.warm.max < 300 && (o.cold === null || o.cold.max < 300),
    })
  }
  const s5 = results.load[5]
  if (s5?.werkplaats) {
    const worst = (s: LoadSummary | null): number =>
      Math.max(...(s?.resync.map((r) => (r.failures > 0 ? Infinity : r.max)) ?? [Number.NaN]))
    out.push({
      scenario: '5: reconnect storm (50)',
      target: '(no target) all resynced',
      ours: `all resynced within ${ms(worst(s5.werkplaats))} ms`,
      theirs: s5.reference ? `within ${ms(worst(s5.reference))} ms` : '–',
      met: null,
    })
  }
  const d = results.drag
  if (d?.werkplaats) {
    const bounded = (s: DragSummary): boolean => {
      const early = s.checkpoints[1] ?? s.checkpoints[0]
      const last = s.checkpoints.at(-1)
      if (!early || !last) return false
      return last.docBytes <= 2 * Math.max(early.docBytes, 1024) && last.rss <= 1.25 * early.rss + 16 * MiB
    }
    const desc = (s: DragSummary): string => {
      const first = s.checkpoints[0]
      const last = s.checkpoints.at(-1)
      return `doc ${kib(first?.docBytes)} → ${kib(last?.docBytes)}, RSS ${mib(first?.rss)} → ${mib(last?.rss)}`
    }
    out.push({
      scenario: '6: long drag',
      target: 'document size and memory bounded',
      ours: desc(d.werkplaats),
      theirs: d.reference ? desc(d.reference) : '–',
      met: bounded(d.werkplaats),
    })
  }
  const v = results.vote
  if (v) {
    const limit = voteGeneratorLimited(v) ? ' (generator-bound)' : ''
    out.push({
      scenario: '10: vote round, 300 voting in 10 s',
      target: 'vote answered p99 < 100 ms',
      ours: `p99 ${ms(v.latency.p99)} ms, ${num(v.votesAccepted)}/${num(v.votesPlanned)} accepted${limit}`,
      theirs: '–',
      met: v.latency.p99 < 100 && v.votesAccepted === v.votesPlanned,
    })
    out.push({
      scenario: '10: revealed tallies on every screen',
      target: '< 500 ms',
      ours: `all ${num(v.participants - v.revealNeverSeen)}/${num(v.participants)} within ${ms(v.revealSeen.max)} ms${v.tallyVotes === v.votesAccepted ? '' : ', tallies wrong'}`,
      theirs: '–',
      met: v.revealNeverSeen === 0 && v.revealSeen.max < 500 && v.tallyVotes === v.votesAccepted,
    })
  }
  const several = results.instances
  const two = several?.runs.find((r) => r.setup === 'shared-2')?.summary
  const one = several?.runs.find((r) => r.setup === 'shared-1')?.summary
  if (two && one) {
    const sqlite = several?.runs.find((r) => r.setup === 'sqlite-1')?.summary
    const limit = (s: LoadSummary) => (generatorLimited(s) ? ' (generator-bound)' : '')
    out.push({
      scenario: '11: 300 split over two instances',
      target: 'p99 ≤ 1.5 × one instance (PostgreSQL + Redis), reach 100 %, no disconnects',
      ours: `two: p99 ${ms(two.latency.p99)} ms, reach ${pct(two.reach * 100, 2)}, ${two.disconnects} disconnects${limit(two)}`,
      theirs: `one: p99 ${ms(one.latency.p99)} ms${limit(one)}${sqlite ? `; SQLite: p99 ${ms(sqlite.latency.p99)} ms` : ''}`,
      met:
        two.latency.p99 <= 1.5 * one.latency.p99 &&
        two.reach >= 1 &&
        two.disconnects === 0 &&
        two.connectFailures === 0,
    })
  }
  const m = results.memory
  if (m?.werkplaats && m.reference) {
    const o = m.werkplaats
    const t = m.reference
    out.push({
      scenario: 'memory per idle board',
      target: '≤ reference',
      ours: kib(o.perBoard),
      theirs: kib(t.perBoard),
      met: o.perBoard <= t.perBoard,
    })
    out.push({
      scenario: 'memory per idle participant',
      target: '≤ reference',
      ours: kib(o.perParticipant),
      theirs: kib(t.perParticipant),
      met: o.perParticipant <= t.perParticipant,
    })
  }
  return out
}

export function targetsTable(list: Target[]): string {
  return table(
    ['scenario', 'target', 'Werkplaats', 'reference', 'met'],
    list.map((t) => [t.scenario, t.target, t.ours, t.theirs, t.met === null ? '–' : t.met ? '**met**' : '**not met**']),
  )
}

export function machineLine(m: MachineInfo): string {
  return `${m.cores} cores (${m.model}), ${m.memoryGiB} GiB RAM, Linux ${m.kernel}, Node ${m.node}`
}
