import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { closedWithin, eventually } from './support/clients.ts'
import { createSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

interface Client {
  socket: WebSocket
  closed: Promise<{ code: number; reason: string }>
  /** True once the server has sent the handshake (the connection was let into the room), false if it closed first. */
  admitted: Promise<boolean>
}

const admitted = (client: Client) => client.admitted

/**
 * One token must not be able to fill a board: before the per-person cap, one participant could open all 500
 * connections of a board and every real participant after them was refused with 4429, for good.
 */
describe('connections per person on a board (default limits)', () => {
  const server = useServerProcess()
  const clients: Client[] = []
  const open = async (room: string, token: string): Promise<Client> => {
    const socket = new WebSocket(`${server.wsUrl}/${room}?token=${encodeURIComponent(token)}`)
    // Listening before the socket opens: the handshake often arrives in the same packet as the upgrade.
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
    )
    const welcomed = new Promise<boolean>((done) => {
      socket.once('message', () => done(true))
      void closed.then(() => done(false))
    })
    await new Promise<void>((done, fail) => {
      socket.once('open', () => done())
      socket.once('error', fail)
    })
    const client = { socket, closed, admitted: welcomed }
    clients.push(client)
    return client
  }

  afterAll(() => {
    for (const client of clients) client.socket.terminate()
  })

  it("refuses a participant's ninth connection with 4429 and a reason, and still lets another participant in", async () => {
    const session = await createSession(server.url)
    const [mallory, anna] = [await session.join('Mallory'), await session.join('Anna')]
    const board = session.board().room
    const first = await Promise.all(Array.from({ length: 8 }, () => open(board, mallory.token)))
    expect(await Promise.all(first.map(admitted))).toEqual(Array(8).fill(true))

    const ninth = await open(board, mallory.token)
    expect(await closedWithin(ninth)).toEqual({
      code: 4429,
      reason: 'too many connections for one person on this board (at most 8)',
    })
    const other = await open(board, anna.token)
    expect(await admitted(other)).toBe(true)
    // The cap is per board: the same person still gets into the session's other rooms.
    expect(await admitted(await open(session.control().room, mallory.token))).toBe(true)
    // A connection given up frees its place.
    first[0]?.socket.close()
    await first[0]?.closed
    // The server takes the close a moment after the client has it: asked again until it has.
    let readmitted = false
    await eventually(async () => (readmitted = await admitted(await open(board, mallory.token))), 'a place is free')
    expect(readmitted).toBe(true)
  })

  it('gives the observers, who share a link, one budget of 50 together', async () => {
    const session = await createSession(server.url)
    const board = session.board().room
    const observers = await Promise.all(Array.from({ length: 50 }, () => open(board, session.observerToken)))
    expect((await Promise.all(observers.map(admitted))).every(Boolean)).toBe(true)
    const late = await open(board, session.observerToken)
    expect(await closedWithin(late)).toEqual({
      code: 4429,
      reason: 'too many observer connections on this board (at most 50 for all observers together)',
    })
    const participant = await session.join('Bram')
    expect(await admitted(await open(board, participant.token))).toBe(true)
    expect(await admitted(await open(board, session.facilitatorToken))).toBe(true)
  })
})
