import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { closeCodeForRefusal, ticketedWebSocket, TicketRefusedError, withTicket } from './ticketedWebSocket.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

/** Stands in for the browser's WebSocket: records the URLs connected to, and never opens. */
function recordSockets(): string[] {
  const urls: string[] = []
  class RecordingSocket {
    readyState = 0
    onclose: ((event: CloseEvent) => void) | null = null
    constructor(url: string) {
      urls.push(url)
    }
    close() {}
  }
  vi.stubGlobal('WebSocket', RecordingSocket)
  return urls
}

describe('a ticketed WebSocket', () => {
  it('puts the ticket in the query, next to what is there', () => {
    expect(withTicket('wss://werkplaats.example.org/yjs/abc-board', 'T1')).toBe(
      'wss://werkplaats.example.org/yjs/abc-board?ticket=T1',
    )
    expect(withTicket('ws://localhost:8080/yjs/abc-board?x=1', 'T 2')).toBe(
      'ws://localhost:8080/yjs/abc-board?x=1&ticket=T+2',
    )
  })

  it('closes as the server would when the token is refused, and keeps trying otherwise', () => {
    expect([401, 403, 404].map(closeCodeForRefusal)).toEqual([4401, 4403, 4404])
    expect([0, 429, 500, 503].map(closeCodeForRefusal)).toEqual([1006, 1006, 1006, 1006])
  })

  it('asks for a fresh ticket for every connection the provider makes, and never sends the token', async () => {
    const urls = recordSockets()
    let issued = 0
    const Socket = ticketedWebSocket(async () => `ticket-${++issued}`)
    const first = new Socket('ws://localhost/yjs/room')
    const second = new Socket('ws://localhost/yjs/room')
    await vi.waitFor(() => expect(urls).toHaveLength(2))
    expect(urls).toEqual(['ws://localhost/yjs/room?ticket=ticket-1', 'ws://localhost/yjs/room?ticket=ticket-2'])
    first.close()
    second.close()
  })

  it('closed before its ticket came, it never connects', async () => {
    const urls = recordSockets()
    let handOut: (ticket: string) => void = () => {}
    const late = new Promise<string>((done) => (handOut = done))
    const Socket = ticketedWebSocket(() => late)
    const socket = new Socket('ws://localhost/yjs/room')
    socket.close()
    handOut('late')
    // The socket awaited the ticket first, so it has acted on it by the time this await returns.
    await late
    expect(urls).toEqual([])
    expect(socket.readyState).toBe(Socket.CLOSED)
  })

  it("a refused token ends the stock provider's reconnecting with the server's close code", async () => {
    recordSockets()
    const provider = new WebsocketProvider('ws://localhost/yjs', 'room', new Y.Doc(), {
      WebSocketPolyfill: ticketedWebSocket(async () => {
        throw new TicketRefusedError(401, 'a valid token is needed')
      }),
      disableBc: true,
    })
    const closed = await new Promise<{ code: number; reason: string }>((done) => provider.on('closed', done))
    expect(closed).toEqual({ code: 4401, reason: 'a valid token is needed' })
    expect(provider.shouldConnect).toBe(false)
    provider.destroy()
  })

  it('without a network the provider tries again, each time with a new request for a ticket', async () => {
    recordSockets()
    let asked = 0
    const provider = new WebsocketProvider('ws://localhost/yjs', 'room', new Y.Doc(), {
      WebSocketPolyfill: ticketedWebSocket(async () => {
        asked++
        throw new TypeError('Failed to fetch')
      }),
      disableBc: true,
      maxBackoffTime: 10,
    })
    await vi.waitFor(() => expect(asked).toBeGreaterThanOrEqual(3))
    expect(provider.shouldConnect).toBe(true)
    provider.destroy()
  })
})
