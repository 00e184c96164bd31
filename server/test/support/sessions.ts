import { type CreatedSession, createdSessionSchema, joinedSchema, sessionRoomName } from '@werkplaats/shared'

/** A room and the token to enter it with: what every WebSocket client needs now that rooms belong to sessions. */
export interface RoomTarget {
  room: string
  token: string
}

export interface TestSession extends CreatedSession {
  board(token?: string): RoomTarget
  control(token?: string): RoomTarget
  /** Joins as a participant through the API, with the join code as the invitation; answers the participant's token. */
  join(name: string): Promise<{ participantId: string; token: string }>
}

/** The HTTP base of a server from its y-websocket URL (`ws://host:port/yjs`). */
function httpBase(wsOrHttpUrl: string): string {
  return wsOrHttpUrl.replace(/^ws/, 'http').replace(/\/yjs$/, '')
}

/** Creates a session through the real API. */
export async function createSession(
  serverUrl: string,
  templateId = 'blank',
  title = 'Testsessie',
): Promise<TestSession> {
  const base = httpBase(serverUrl)
  const response = await fetch(`${base}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ templateId, title }),
  })
  if (response.status !== 201) throw new Error(`creating a session failed: ${response.status} ${await response.text()}`)
  const created = createdSessionSchema.parse(await response.json())
  return {
    ...created,
    board: (token = created.facilitatorToken) => ({ room: sessionRoomName(created.id, 'board'), token }),
    control: (token = created.facilitatorToken) => ({ room: sessionRoomName(created.id, 'control'), token }),
    async join(name) {
      const joined = await fetch(`${base}/api/sessions/${created.id}/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, invite: created.code }),
      })
      if (joined.status !== 201) throw new Error(`joining failed: ${joined.status} ${await joined.text()}`)
      return joinedSchema.parse(await joined.json())
    },
  }
}

const boards = new Map<string, Promise<RoomTarget>>()

/**
 * The board room of a session made for `name` on that server (one per name and server), entered with the
 * facilitator's token: for tests about syncing, where who writes does not matter.
 */
export function sessionBoard(serverUrl: string, name: string): Promise<RoomTarget> {
  const key = `${httpBase(serverUrl)}|${name}`
  let board = boards.get(key)
  if (!board) {
    board = createSession(serverUrl, 'blank', name).then((session) => session.board())
    boards.set(key, board)
  }
  return board
}
