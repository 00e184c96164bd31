import { readFileSync } from 'node:fs'
import { getTemplate } from '@werkplaats/playbook-data'
import { ServerProcess, temporaryDataDir, freePort } from '@werkplaats/server/testing'
import { addActionPlanItem, boardRecords, layoutTemplate, sessionRoomName, writeFacilitation } from '@werkplaats/shared'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/**
 * `pnpm --filter @werkplaats/bench export`: how long each summary format takes, and how much memory it needs,
 * for a big session: 300 participants, 2,000 stickies, 5 passes through the journey with a revealed vote round
 * each, marks and an action plan. Each format is measured in a freshly started server process (the built server,
 * `server/start.sh`, after `pnpm build:server`, on the same data): the first export loads both rooms (cold), then
 * five more run warm; peak memory is the process's VmHWM from /proc before and after.
 */
const PARTICIPANTS = 300
const STICKIES = 2000
const PASSES = 5
const WARM_RUNS = 5
const TEMPLATE_ID = 'oecd-innovatie-playbook'
const formats = ['json', 'md', 'csv', 'pdf'] as const

const template = getTemplate(TEMPLATE_ID)
if (!template) throw new Error(`no template ${TEMPLATE_ID}`)

async function api(
  base: string,
  path: string,
  token: string | null,
  method = 'GET',
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++
        await task(items[index] as T, index)
      }
    }),
  )
}

async function writeRoom(wsUrl: string, room: string, token: string, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  await new Promise<void>((resolve) => provider.on('sync', (synced: boolean) => synced && resolve()))
  change(doc)
  // Wait until the server has acknowledged everything: a second client sees the same state.
  const expected = Y.encodeStateVector(doc)
  const check = new Y.Doc()
  const checker = new WebsocketProvider(wsUrl, room, check, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 100))
    if (Buffer.compare(Buffer.from(Y.encodeStateVector(check)), Buffer.from(expected)) === 0) break
  }
  checker.destroy()
  provider.destroy()
}

function vmHwmMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return kib / 1024
}

async function seed(server: ServerProcess): Promise<{ sessionId: string; token: string }> {
  const base = server.url
  const t0 = Date.now()
  const created = await api(base, '/api/sessions', null, 'POST', {
    templateId: TEMPLATE_ID,
    title: 'Grote sessie: export-benchmark',
  })
  const sessionId = String(created.id)
  const token = String(created.facilitatorToken)
  const people: string[] = []
  await pool(
    Array.from({ length: PARTICIPANTS }, (_, i) => i),
    8,
    async (i) => {
      const joined = await api(base, `/api/sessions/${sessionId}/participants`, null, 'POST', {
        name: `Deelnemer ${i + 1}`,
        invite: String(created.code),
      })
      people[i] = String(joined.token)
    },
  )
  const principles = template!.principles
  const assess = template!.agenda.find((s) => s.kind === 'assess')!
  const rounds = Array.from({ length: PASSES }, (_, pass) => {
    const principle = principles[pass % principles.length]!
    return { principleIds: [principle.id], playIds: principle.plays.slice(0, 2).map((p) => p.id) }
  })
  // One revealed vote round per pass, on its principle's questions; every participant casts two votes.
  for (let pass = 0; pass < PASSES; pass++) {
    const principle = principles[pass % principles.length]!
    const cardIds = principle.assessmentQuestions.map((q) => q.id)
    const round = await api(base, `/api/sessions/${sessionId}/rounds`, token, 'POST', {
      stageId: assess.id,
      cardIds,
      votesPerParticipant: 2,
      maxVotesPerCard: 1,
    })
    await pool(people, 8, async (participant, i) => {
      for (const offset of [0, 1]) {
        await api(base, `/api/sessions/${sessionId}/rounds/${round.roundId}/votes`, participant, 'POST', {
          cardId: cardIds[(i + offset + pass) % cardIds.length],
        })
      }
    })
    await api(base, `/api/sessions/${sessionId}/rounds/${round.roundId}/reveal`, token, 'POST')
    const action = principle.plays[0]?.actions[0]
    if (action)
      await pool(
        people.slice(0, 60),
        8,
        async (p, i) =>
          void (await api(base, `/api/sessions/${sessionId}/marks/${action.id}`, p, 'PUT', {
            mark: (['geprobeerd', 'willen-we-proberen', 'niet-relevant'] as const)[i % 3],
          })),
      )
  }
  const start = Date.now() - 4 * 3_600_000
  const stageHistory = rounds.flatMap((_, pass) =>
    template!.agenda.map((stage, i) => ({ stageId: stage.id, round: pass, at: start + (pass * 10 + i) * 5 * 60_000 })),
  )
  await writeRoom(server.wsUrl, sessionRoomName(sessionId, 'control'), token, (doc) =>
    writeFacilitation(doc, { rounds, stageHistory }),
  )
  const frames = layoutTemplate(template!, { rounds, layoutOverrides: {} }).frames.filter((f) => f.kind === 'stage')
  await writeRoom(server.wsUrl, sessionRoomName(sessionId, 'board'), token, (doc) => {
    doc.transact(() => {
      for (let i = 0; i < STICKIES; i++) {
        const frame = frames[i % frames.length]!
        const slot = Math.floor(i / frames.length)
        const id = `shape:sticky-${i}`
        const text = `Sticky ${i + 1} van ${people.length > 0 ? 'deelnemer' : ''} ${(i % PARTICIPANTS) + 1}: een idee over samenwerken, meten en leren — café, coördinatie, één`
        boardRecords(doc).set(
          id,
          noteRecord(id, text, frame.x + 100 + (slot % 8) * 220, frame.y + 150 + Math.floor(slot / 8) * 220),
        )
      }
      for (let i = 0; i < 20; i++) {
        addActionPlanItem(doc, {
          id: `plan-${i}`,
          text: `Actie ${i + 1}: een dag meelopen`,
          owner: `Deelnemer ${i + 1}`,
          firstStep: 'Agenda’s naast elkaar leggen',
          date: '2030-06-01',
          source: null,
          createdAt: start + i,
        })
      }
    })
  })
  console.log(
    `seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${PARTICIPANTS} participants, ${STICKIES} stickies, ${PASSES} passes with a revealed vote round each`,
  )
  return { sessionId, token }
}

async function timed(url: string, token: string): Promise<{ ms: number; bytes: number }> {
  const t = performance.now()
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`)
  const bytes = (await response.arrayBuffer()).byteLength
  return { ms: performance.now() - t, bytes }
}

const data = temporaryDataDir()
const server = new ServerProcess(await freePort(), data.path, {}, 'built')
try {
  await server.start()
  const { sessionId, token } = await seed(server)
  const rows: string[] = []
  for (const format of formats) {
    await server.stop()
    await server.start()
    const pid = server.pid ?? 0
    const before = vmHwmMiB(pid)
    const url = `${server.url}/api/sessions/${sessionId}/export.${format}`
    const cold = await timed(url, token)
    const warm: number[] = []
    for (let i = 0; i < WARM_RUNS; i++) warm.push((await timed(url, token)).ms)
    warm.sort((a, b) => a - b)
    const after = vmHwmMiB(pid)
    rows.push(
      `| ${format} | ${(cold.bytes / 1024).toFixed(0)} KiB | ${cold.ms.toFixed(0)} | ${warm[Math.floor(warm.length / 2)]?.toFixed(0)} | ${warm.at(-1)?.toFixed(0)} | ${before.toFixed(0)} | ${after.toFixed(0)} | +${(after - before).toFixed(0)} |`,
    )
  }
  console.log(
    '\n| format | size | cold ms (rooms load) | warm median ms | warm max ms | VmHWM before MiB | VmHWM after MiB | peak growth MiB |',
  )
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|')
  for (const row of rows) console.log(row)
} finally {
  await server.stop()
  data.remove()
}
// Something left behind (a provider's reconnect timer or fetch's keep-alive pool) can keep the event loop
// alive after the results are out; the benchmark is done, so it ends here rather than hang.
process.exit(0)
