import { simulatedPresence } from '@werkplaats/shared/board/presenceFixture'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { writeUpdate } from 'y-protocols/sync'
import { BenchClient, type ClientEvents } from '../client.ts'
import { nowMs } from '../clock.ts'
import { type JsonValue, marker } from '../records.ts'

export interface Area {
  x: number
  y: number
  w: number
  h: number
}

export interface CrowdFigures {
  /**
   * Fan-out seen by the timing sample of the simulated participants (Node clock, send → frame received): when
   * each delivery arrived (epoch ms, comparable with the page's clock) and how long it took (ms).
   */
  fanOutAtEpoch: number[]
  fanOutMs: number[]
  /** Update frames the timing sample received, per second (epoch seconds → frames over the whole sample). */
  updateFramesBySecond: Record<number, number>
  edits: number
  cursorMoves: number
  disconnects: number
  /** Send times of every edit, as "participant:version" and epoch milliseconds (comparable with the page). */
  sentAtEpoch: Array<[string, number]>
}

/** One simulated participant: its number (in its sticky's text and its edit markers) and its participant token. */
export interface CrowdMember {
  participant: number
  token: string
}

/** What a crowd (or one process's share of it) is told: where to connect, who is in it, how they behave. */
export interface CrowdPlan {
  /** The board room's WebSocket address, without the token. */
  roomUrl: string
  room: string
  area: Area
  members: CrowdMember[]
  /** Participants whose clients time the fan-out (search every update for edit markers); the others do not. */
  timed: number[]
  /** Size of the whole crowd (over every process): the stickies' grid over the board depends on it. */
  crowdSize: number
  cursorHz: number
  editsPerSecond: number
}

/** Figures before anything was sent or timed: what one crowd process starts from, and what the parts add up into. */
export function emptyCrowdFigures(): CrowdFigures {
  return {
    fanOutAtEpoch: [],
    fanOutMs: [],
    updateFramesBySecond: {},
    edits: 0,
    cursorMoves: 0,
    disconnects: 0,
    sentAtEpoch: [],
  }
}

/**
 * Simulated participants of one session: each with its own participant token on the board room, a cursor in the
 * app's presence format (shared/src/board/presence.ts) moving at `cursorHz`, and one sticky of its own, rewritten
 * `editsPerSecond` times a second with the text "Deelnemer N · versie K" that the page's observer recognises.
 *
 * It runs in a forked worker process (see `runCrowd` in worker.ts), not in the bench's own process: hundreds of
 * clients each receiving hundreds of updates a second would otherwise starve the event loop that drives Chromium.
 */
export class Crowd {
  readonly clients: BenchClient[] = []
  readonly figures: CrowdFigures = emptyCrowdFigures()
  #timers: NodeJS.Timeout[] = []
  // The page's clock is epoch-based (performance.timeOrigin + now); ours is CLOCK_MONOTONIC. One offset, read
  // once, maps between them (both advance at the same rate over a run of seconds).
  readonly #monoToEpoch = performance.timeOrigin + performance.now() - nowMs()
  readonly plan: CrowdPlan

  constructor(plan: CrowdPlan) {
    this.plan = plan
  }

  async join(): Promise<void> {
    const { roomUrl, room, members } = this.plan
    const timed = new Set(this.plan.timed)
    for (const { participant, token } of members) {
      const frames = this.figures.updateFramesBySecond
      const events: ClientEvents = {
        updateReceived: (_bytes, marks) => {
          const now = nowMs()
          if (timed.has(participant)) {
            const second = Math.floor((now + this.#monoToEpoch) / 1000)
            frames[second] = (frames[second] ?? 0) + 1
          }
          for (const mark of marks) {
            this.figures.fanOutAtEpoch.push(now + this.#monoToEpoch)
            this.figures.fanOutMs.push(now - mark.sentAt)
          }
        },
        awarenessReceived: () => {},
        sent: () => {},
        unexpectedClose: () => {
          this.figures.disconnects += 1
        },
      }
      const url = `${roomUrl}?token=${encodeURIComponent(token)}`
      this.clients.push(new BenchClient(url, room, participant, false, events, timed.has(participant)))
    }
    // A few at a time, as people arrive; 50 at once would measure a connection storm instead.
    for (let i = 0; i < this.clients.length; i += 10)
      await Promise.all(this.clients.slice(i, i + 10).map((c) => c.connect()))
  }

  /** Starts cursors and sticky edits, each participant at its own random phase. */
  start(): void {
    const { area, crowdSize, cursorHz, editsPerSecond } = this.plan
    // Each sticky sits in its own cell of a grid over the board, so all are visible when zoomed to fit.
    const columns = Math.ceil(Math.sqrt(crowdSize))
    for (const client of this.clients) {
      const index = client.participant - 1
      const sticky = {
        x: area.x + ((index % columns) + 0.5) * (area.w / columns),
        y: area.y + (Math.floor(index / columns) + 0.5) * (area.h / columns),
      }
      let cursor = { x: sticky.x, y: sticky.y }
      let version = 0
      const edit = (): void => {
        version += 1
        const sentAt = nowMs()
        const id = `shape:bench-p${client.participant}`
        const record = noteRecord(id, `Deelnemer ${client.participant} · versie ${version}`, sticky.x, sticky.y)
        sendRecord(client, id, { ...record, meta: { bench: marker(sentAt, client.participant) } })
        this.figures.sentAtEpoch.push([`${client.participant}:${version}`, sentAt + this.#monoToEpoch])
        this.figures.edits += 1
      }
      const move = (): void => {
        // A random walk within the board, a few hundred page units per second, as a person's pointer moves.
        cursor = {
          x: Math.min(area.x + area.w, Math.max(area.x, cursor.x + (Math.random() - 0.5) * 120)),
          y: Math.min(area.y + area.h, Math.max(area.y, cursor.y + (Math.random() - 0.5) * 120)),
        }
        client.setAwareness(presenceOf(client.participant, cursor, area))
        this.figures.cursorMoves += 1
      }
      edit()
      move()
      if (cursorHz > 0) {
        const every = 1000 / cursorHz
        this.#timers.push(setTimeout(() => this.#timers.push(setInterval(move, every)), Math.random() * every))
      }
      if (editsPerSecond > 0) {
        const every = 1000 / editsPerSecond
        this.#timers.push(setTimeout(() => this.#timers.push(setInterval(edit, every)), Math.random() * every))
      }
    }
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers = []
    for (const client of this.clients) client.destroy()
  }
}

const CROWD = Symbol('crowd')

/**
 * Sets one board record and sends it as one sync update, as BenchClient.edit does. BenchClient's own sticky
 * (records.ts) lacks `textLastEditedBy`, which tldraw 5's note schema requires, so a browser drops it
 * ("skipped a board record that does not fit the schema"); the shared fixture's note is complete.
 */
function sendRecord(client: BenchClient, id: string, record: object): void {
  let update: Uint8Array | null = null
  const grab = (bytes: Uint8Array, origin: unknown): void => {
    if (origin === CROWD) update = bytes
  }
  client.doc.on('update', grab)
  client.doc.transact(() => client.records.set(id, record as JsonValue), CROWD)
  client.doc.off('update', grab)
  if (!update || client.ws?.readyState !== WebSocket.OPEN) return
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // y-websocket's messageSync
  writeUpdate(encoder, update)
  client.ws.send(encoding.toUint8Array(encoder), { binary: true })
}

function presenceOf(participant: number, cursor: { x: number; y: number }, area: Area): { [key: string]: JsonValue } {
  const color = ['#1971c2', '#e03131', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599'][participant % 6]
  return simulatedPresence(participant, cursor, { x: area.x, y: area.y, w: area.w, h: area.h }, color)
}
