/**
 * Where a server's CPU time went, from a V8 `.cpuprofile` (`BENCH_SERVER_NODE_OPTIONS="--cpu-prof
 * --cpu-prof-dir=/tmp/prof" pnpm bench --scenario 3 --server werkplaats`):
 *
 *   node bench/src/profileSummary.ts /tmp/prof/CPU.*.cpuprofile [--from <s>] [--to <s>] [--top 40] [--seconds]
 *
 * Prints self time by function and by package/file, and inclusive ("total") time of the functions that
 * matter most, each as a share of the samples. `--from` skips the first seconds (start-up, the joins), `--to`
 * the rest after a second. `--seconds` prints the busy milliseconds of each second instead, to find a phase
 * (scenario 12's exports with nothing else running are a short busy stretch after a quiet one).
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  startTime: number
  endTime: number
  samples: number[]
  timeDeltas: number[]
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string', default: '0' },
    to: { type: 'string', default: 'Infinity' },
    top: { type: 'string', default: '40' },
    seconds: { type: 'boolean', default: false },
  },
})
const file = positionals[0]
if (!file) {
  console.error('usage: node bench/src/profileSummary.ts <file.cpuprofile> [--from s] [--to s] [--top n] [--seconds]')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const fromUs = Number(values.from) * 1e6
const toUs = Number(values.to) * 1e6
const top = Number(values.top)

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

function where(n: ProfileNode): string {
  const url = n.callFrame.url
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)'
  if (url.startsWith('node:')) return url
  const nm = url.lastIndexOf('node_modules/')
  if (nm !== -1) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url)
  }
  const src = url.indexOf('/server/src/')
  if (src !== -1) return url.slice(src + 1)
  const shared = url.indexOf('/shared/src/')
  return shared !== -1 ? url.slice(shared + 1) : url
}
function label(n: ProfileNode): string {
  return `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`
}

const self = new Map<number, number>()
let t = profile.startTime
let total = 0
const busyBySecond: number[] = []
for (let i = 0; i < profile.samples.length; i++) {
  t += profile.timeDeltas[i] ?? 0
  const id = profile.samples[i] as number
  const dt = profile.timeDeltas[i + 1] ?? 0
  const second = Math.floor((t - profile.startTime) / 1e6)
  if (byId.get(id)?.callFrame.functionName !== '(idle)') busyBySecond[second] = (busyBySecond[second] ?? 0) + dt
  if (t - profile.startTime < fromUs || t - profile.startTime >= toUs) continue
  self.set(id, (self.get(id) ?? 0) + dt)
  total += dt
}

const selfByFunction = new Map<string, number>()
const selfByPlace = new Map<string, number>()
const inclusive = new Map<string, number>()
for (const [id, us] of self) {
  const n = byId.get(id)
  if (!n) continue
  selfByFunction.set(label(n), (selfByFunction.get(label(n)) ?? 0) + us)
  selfByPlace.set(where(n), (selfByPlace.get(where(n)) ?? 0) + us)
  // Inclusive: every distinct function on the stack gets the sample once.
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const node = byId.get(cur)
    if (!node) break
    const key = label(node)
    if (seen.has(key)) continue
    seen.add(key)
    inclusive.set(key, (inclusive.get(key) ?? 0) + us)
  }
}

function print(title: string, map: Map<string, number>, n: number): void {
  console.log(`\n${title}`)
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`)
  }
}

if (values.seconds) {
  console.log('busy ms in each second of the profile:')
  console.log(busyBySecond.map((us, second) => `${second}: ${(us / 1000).toFixed(0)}`).join('  '))
  process.exit(0)
}

const idle = [...self]
  .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
  .reduce((s, [, us]) => s + us, 0)
console.log(
  `${file}: ${(total / 1e6).toFixed(1)} s sampled from ${values.from} s to ${values.to} s; idle ${((idle / total) * 100).toFixed(1)} %`,
)
print('self time by package or file', selfByPlace, top)
print('self time by function', selfByFunction, top)
print('inclusive time by function', inclusive, top)
