/**
 * Every board of ours belongs to a session: a WebSocket needs `?token=<token>` and the room is
 * `<sessionId>-board` (or `-control`). The reference server takes any room name without a token.
 *
 * The scenarios speak of *logical* boards (`bench-s1-0`, …), which is also how results are counted per board.
 * This module turns a logical board into what a client connects to: for ours, one session per logical board
 * (created through `POST /api/sessions`) and one participant per simulated participant
 * (`POST /api/sessions/:id/participants` with the join code, each with its own token, as in a real workshop); for the reference,
 * the plain room name.
 */
import { sessionRoomName } from '@werkplaats/shared'
import type { RunningServer } from './servers.ts'

export interface BenchSession {
  id: string
  facilitatorToken: string
  observerToken: string
  /** The join code: the invitation each simulated participant joins with. */
  code: string
}

function httpBase(server: RunningServer): string {
  return `http://127.0.0.1:${server.port}`
}

/** A JSON request to our API; throws with the status and the body on anything but 2xx. */
export async function api<T>(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `Bearer ${token}`
  const response = await fetch(`${httpBase(server)}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
  return (text ? JSON.parse(text) : null) as T
}

export function createSession(server: RunningServer, title: string, templateId = 'blank'): Promise<BenchSession> {
  return api<BenchSession>(server, 'POST', '/api/sessions', { templateId, title })
}

export function joinSession(
  server: RunningServer,
  session: BenchSession,
  name: string,
): Promise<{ participantId: string; token: string }> {
  return api(server, 'POST', `/api/sessions/${session.id}/participants`, { name, invite: session.code })
}

/** The WebSocket address of a room, with the token when there is one. */
export function roomUrl(server: RunningServer, room: string, token?: string): string {
  return `${server.urlPrefix}${encodeURIComponent(room)}${token ? `?token=${encodeURIComponent(token)}` : ''}`
}

/** Runs `work` over `items` with at most `concurrency` in flight; results in the order of `items`. */
export async function inParallel<I, O>(
  items: I[],
  concurrency: number,
  work: (item: I, index: number) => Promise<O>,
): Promise<O[]> {
  const out: O[] = new Array(items.length)
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      out[index] = await work(items[index] as I, index)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane))
  return out
}

/** Logical boards of one server run, each with its session (ours) or its plain room (reference). */
export class Boards {
  readonly server: RunningServer
  readonly #sessions = new Map<string, Promise<BenchSession>>()

  /** `known`: sessions created before (a server restarted on the same data keeps them and their tokens). */
  constructor(server: RunningServer, known: Map<string, BenchSession> = new Map()) {
    this.server = server
    for (const [board, session] of known) this.#sessions.set(board, Promise.resolve(session))
  }

  /**
   * The same boards served by another instance of ours (instances share one store, so a session created on one is
   * known to all): the sessions created here so far, with their tokens.
   */
  async on(server: RunningServer): Promise<Boards> {
    const known = new Map<string, BenchSession>()
    for (const [board, session] of this.#sessions) known.set(board, await session)
    return new Boards(server, known)
  }

  get sessionsNeeded(): boolean {
    return this.server.kind === 'werkplaats'
  }

  /** The session behind a logical board (ours only), created on first use. */
  session(board: string): Promise<BenchSession> {
    let session = this.#sessions.get(board)
    if (!session) {
      session = createSession(this.server, `Bench ${board}`)
      this.#sessions.set(board, session)
    }
    return session
  }

  /** The room a client of `board` connects to: `<sessionId>-board` for ours, the board's own name otherwise. */
  async roomName(board: string, kind: 'board' | 'control' = 'board'): Promise<string> {
    if (!this.sessionsNeeded) return kind === 'board' ? board : `${board}-control`
    return sessionRoomName((await this.session(board)).id, kind)
  }

  /** The facilitator's address of a board (one token for any number of connections). */
  async facilitatorUrl(board: string, kind: 'board' | 'control' = 'board'): Promise<string> {
    if (!this.sessionsNeeded) return roomUrl(this.server, await this.roomName(board, kind))
    const session = await this.session(board)
    return roomUrl(this.server, sessionRoomName(session.id, kind), session.facilitatorToken)
  }

  /** A new participant of `board` with its own token (ours); the plain room for the reference. */
  async participant(board: string, name: string): Promise<{ url: string; controlUrl: string; token: string | null }> {
    if (!this.sessionsNeeded) {
      return { url: roomUrl(this.server, board), controlUrl: roomUrl(this.server, `${board}-control`), token: null }
    }
    const session = await this.session(board)
    const { token } = await joinSession(this.server, session, name)
    return {
      url: roomUrl(this.server, sessionRoomName(session.id, 'board'), token),
      controlUrl: roomUrl(this.server, sessionRoomName(session.id, 'control'), token),
      token,
    }
  }

  /** One participant per entry, joined 16 at a time: the URLs in the order given. */
  async participantUrls(entries: Array<{ participant: number; room: string }>): Promise<string[]> {
    // Sessions first, one at a time (order of creation does not matter, but it keeps the log readable).
    for (const entry of entries) if (this.sessionsNeeded) await this.session(entry.room)
    return inParallel(
      entries,
      16,
      async ({ participant, room }) => (await this.participant(room, `Deelnemer ${participant}`)).url,
    )
  }
}
