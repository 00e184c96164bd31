import { PRESENCE_AWARENESS_FIELD, type BoardPresence } from '@werkplaats/shared'
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
  /** Fan-out latency seen by the simulated participants themselves (Node clock, send → frame received). */
  fanOut: number[]
  edits: number
  cursorMoves: number
  disconnects: number
  /** Send times of every edit, keyed "participant:version", in epoch milliseconds (comparable with the page). */
  sentAtEpoch: Map<string, number>
}

/**
 * Simulated participants of one session: each with its own participant token on the board room, a cursor in the
 * app's presence format (shared/src/board/presence.ts) moving at `cursorHz`, and one sticky of its own, rewritten
 * once a second with the text "Deelnemer N · versie K" that the page's observer recognises.
 */
export class Crowd {
  readonly clients: BenchClient[] = []
  readonly figures: CrowdFigures = { fanOut: [], edits: 0, cursorMoves: 0, disconnects: 0, sentAtEpoch: new Map() }
  #timers: NodeJS.Timeout[] = []
  #measuring = false
  // The page's clock is epoch-based (performance.timeOrigin + now); ours is CLOCK_MONOTONIC. One offset, read
  // once, maps between them (both advance at the same rate over a run of seconds).
  readonly #monoToEpoch = performance.timeOrigin + performance.now() - nowMs()

  readonly wsUrl: string
  readonly room: string
  readonly area: Area

  constructor(wsUrl: string, room: string, area: Area) {
    this.wsUrl = wsUrl
    this.room = room
    this.area = area
  }

  async join(tokens: string[]): Promise<void> {
    tokens.forEach((token, index) => {
      const participant = index + 1
      const events: ClientEvents = {
        updateReceived: (_bytes, marks) => {
          if (!this.#measuring) return
          const now = nowMs()
          for (const mark of marks) this.figures.fanOut.push(now - mark.sentAt)
        },
        awarenessReceived: () => {},
        sent: () => {},
        unexpectedClose: () => {
          this.figures.disconnects += 1
        },
      }
      this.clients.push(
        new BenchClient(
          `${this.wsUrl}/${this.room}?token=${encodeURIComponent(token)}`,
          this.room,
          participant,
          false,
          events,
        ),
      )
    })
    // A few at a time, as people arrive; 50 at once would measure a connection storm instead.
    for (let i = 0; i < this.clients.length; i += 10)
      await Promise.all(this.clients.slice(i, i + 10).map((c) => c.connect()))
  }

  /** Starts cursors and sticky edits, each participant at its own random phase. */
  start(cursorHz: number, editsPerSecond: number): void {
    const { area } = this
    this.clients.forEach((client, index) => {
      // Each sticky sits in its own cell of a grid over the board, so all 50 are visible when zoomed to fit.
      const columns = Math.ceil(Math.sqrt(this.clients.length))
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
        this.figures.sentAtEpoch.set(`${client.participant}:${version}`, sentAt + this.#monoToEpoch)
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
    })
  }

  measure(on: boolean): void {
    this.#measuring = on
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
  const presence: BoardPresence = {
    userId: `bench-p${participant}`,
    name: `Deelnemer ${participant}`,
    color: ['#1971c2', '#e03131', '#2f9e44', '#f08c00', '#9c36b5', '#0c8599'][participant % 6] ?? '#1971c2',
    pageId: 'page:page',
    cursor,
    selectedShapeIds: [],
    viewport: { x: area.x, y: area.y, w: area.w, h: area.h },
  }
  return { [PRESENCE_AWARENESS_FIELD]: presence }
}
