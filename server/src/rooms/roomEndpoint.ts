import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { isRoomName, ROOM_NAME_RULE } from '@werkplaats/shared'
import type { WebSocket, WebSocketServer } from 'ws'
import { clientAddress } from '../routes/join.ts'
import { RoomAccessError, type SessionService } from '../sessions/sessionService.ts'
import { Connection, type ConnectionLimits } from './connection.ts'
import { CloseCode, type PeerAccess } from './peer.ts'
import { type PersonBudgets, personKey } from './personBudgets.ts'
import type { ReconnectLimiter } from './reconnectLimiter.ts'
import type { RoomManager } from './roomManager.ts'

export interface RoomEndpointParts {
  sessions: SessionService
  rooms: RoomManager
  limits: ConnectionLimits
  /** Each person's budgets per room, shared by their connections and kept across reconnects. */
  budgets: PersonBudgets
  /** How often an address, and a person, may open a connection. */
  reconnects: ReconnectLimiter
  /** Count connections by the address in `X-Forwarded-For` (as the join-code limit does; see `clientAddress`). */
  trustProxy: boolean
  /** Every open connection, for the keep-alive and for shutdown. */
  connections: Set<Connection>
}

const ROOM_PATH = /^\/yjs\/([^/?#]+)$/

/**
 * The WebSocket endpoint `/yjs/<room>?token=<token>`, speaking the y-websocket protocol.
 *
 * `ws` upgrades the connection on the Node server directly. Hono's upgrade helper kept each request's context
 * alive for the life of the connection (6.7 KiB each, see docs/benchmarks.md); a board with hundreds of
 * people pays that hundreds of times.
 *
 * The token is checked before the upgrade, by the session service (the one place where a token becomes a
 * grant, for HTTP and WebSockets alike). A refused token still gets its upgrade, then a close code in the
 * 4400 range with the reason: the stock y-websocket client reports the reason and stops retrying, whereas an
 * HTTP refusal would have it retry forever. Requests that are not for a room at all get plain HTTP errors.
 */
export function attachRoomEndpoint(server: Server, wss: WebSocketServer, parts: RoomEndpointParts): void {
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until `ws` owns the socket, a reset by the peer must not become an uncaught error. (A function without
    // a closure: this listener stays on the socket for the connection's life, see `openConnection`.)
    socket.on('error', destroySocket)
    const url = new URL(request.url ?? '/', 'http://localhost')
    const match = ROOM_PATH.exec(url.pathname)
    const roomName = match ? safeDecode(match[1] as string) : null
    if (!match) return refuseHttp(socket, 404, 'no WebSocket endpoint here; rooms are at /yjs/<room>')
    if (roomName === null || !isRoomName(roomName)) {
      return refuseHttp(socket, 400, ROOM_NAME_RULE)
    }
    // Before the token is looked up: that look-up is what a flood of upgrades would cost.
    const crowded = parts.reconnects.refusesAddress(upgradeAddress(request, parts.trustProxy))
    if (crowded) return closeAfterUpgrade(wss, request, socket, head, CloseCode.tooManyReconnects, crowded)
    const token = url.searchParams.get('token') ?? undefined
    parts.sessions.authorizeRoom(roomName, token).then(
      (access) => {
        if (socket.destroyed) return
        const tooOften = parts.reconnects.refusesPerson(personKey(roomName, access))
        if (tooOften) return closeAfterUpgrade(wss, request, socket, head, CloseCode.tooManyReconnects, tooOften)
        wss.handleUpgrade(request, socket, head, (ws) => openConnection(ws, roomName, access, parts))
      },
      (error: unknown) => {
        if (socket.destroyed) return
        if (error instanceof RoomAccessError) {
          wss.handleUpgrade(request, socket, head, (ws) => {
            ws.on('error', ignore)
            ws.close(error.code, error.message)
          })
          return
        }
        console.error(`room ${roomName}: could not check the token`, error)
        refuseHttp(socket, 500, 'internal server error')
      },
    )
  })
}

/**
 * A connection's set-up, outside the upgrade handler on purpose: a closure keeps its whole enclosing scope
 * alive, so a listener created inside the handler that lives as long as the socket (this 'close' listener, or
 * the socket's 'error' listener) would hold the request (`IncomingMessage` with its headers, the upgrade's
 * head buffer) for the life of the connection, ~1.6 KiB each (`pnpm --filter @werkplaats/bench heap`, see
 * docs/benchmarks.md).
 */
function openConnection(ws: WebSocket, roomName: string, access: PeerAccess, parts: RoomEndpointParts): void {
  // A protocol error (a frame over maxPayload, a bad frame) is `ws` closing the socket with the right
  // code (1009, 1002); the 'close' below cleans up. Unhandled, it would take the server down.
  ws.on('error', ignore)
  const connection = new Connection(ws, roomName, access, parts.rooms, parts.limits, parts.budgets.hold(roomName, access))
  parts.connections.add(connection)
  ws.once('close', () => {
    parts.connections.delete(connection)
    connection.onSocketClosed()
  })
  void connection.open()
}

function upgradeAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for']
  return clientAddress(request.socket.remoteAddress, Array.isArray(forwarded) ? forwarded.join(',') : forwarded, trustProxy)
}

/** A refusal the stock client reports and does not retry: the upgrade, then at once a close with the reason. */
function closeAfterUpgrade(wss: WebSocketServer, request: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
  wss.handleUpgrade(request, socket, head, (ws) => {
    ws.on('error', ignore)
    ws.close(code, reason)
  })
}

function ignore(): void {}

function destroySocket(this: Duplex): void {
  this.destroy()
}

function refuseHttp(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: message })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  )
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
