/** The parts of a V8 CPU profile (CDP `Profiler.stop`) that a self-time summary needs. */
export interface CpuProfile {
  nodes: Array<{
    id: number
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  }>
  samples?: number[]
  timeDeltas?: number[]
  startTime: number
  endTime: number
}

export interface HotSpot {
  name: string
  selfMs: number
  share: number
}

/**
 * Self time per function, heaviest first. Functions of a minified bundle are told apart by their position
 * (`index-….js:1:12345`), since their names are often one letter; V8's pseudo-frames ((program), (garbage
 * collector), (idle)) keep their names.
 */
export function hotSpots(profile: CpuProfile, top = 20): HotSpot[] {
  const nameOf = new Map<number, string>()
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const file = url ? url.slice(url.lastIndexOf('/') + 1) : ''
    nameOf.set(
      node.id,
      file
        ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`
        : functionName || '(anonymous)',
    )
  }
  const self = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  let total = 0
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the time a sample stands for is the delta that follows it.
    const ms = (deltas[i + 1] ?? 0) / 1000
    const name = nameOf.get(samples[i] ?? -1) ?? '?'
    self.set(name, (self.get(name) ?? 0) + ms)
    total += ms
  }
  return [...self.entries()]
    .map(([name, selfMs]) => ({ name, selfMs, share: total > 0 ? selfMs / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top)
}
