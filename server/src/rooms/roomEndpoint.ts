import type { IncomingMessage, Server } from 'node:http'
import { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { isRoomName, ROOM_NAME_RULE } from '@werkplaats/shared'
import type { WebSocket, WebSocketServer } from 'ws'
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../domainErrors.ts'
import { answerOnSocket } from '../http/rawResponse.ts'
import { clientAddress } from '../http/rateLimits.ts'
import { log } from '../observability/log.ts'
import type { TrafficMeter } from '../observability/metrics.ts'
import type { RoomTickets } from '../sessions/roomTickets.ts'
import type { SessionService } from '../sessions/sessionService.ts'
import { Connection, type ConnectionLimits } from './connection.ts'
import { CloseCode, type PeerAccess } from './peer.ts'
import { type PersonBudgets, personKey } from './personBudgets.ts'
import type { ReconnectLimiter } from './reconnectLimiter.ts'
import type { RoomManager } from './roomManager.ts'

export interface RoomEndpointParts {
  sessions: SessionService
  tickets: RoomTickets
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
  /** Where every connection's frames and refusals are counted. */
  meter: TrafficMeter
}

const roomsLog = log.child({ part: 'rooms' })

const ROOM_PATH = /^\/yjs\/([^/?#]+)$/

/**
 * The WebSocket endpoint `/yjs/<room>?ticket=<ticket>` (the app's single-use tickets, `RoomTickets`) or
 * `/yjs/<room>?token=<token>` (API clients, the stock provider), speaking the y-websocket protocol.
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
    // Whatever goes wrong in here is this one request's failure: an exception escaping an 'upgrade' listener
    // (or a rejection nobody handles) would end the process, and with it every board on it.
    upgrade(request, socket, head, wss, parts).catch((error: unknown) => {
      // The path only: the query holds the ticket or token.
      roomsLog.error({ path: requestPath(request.url), err: error }, 'upgrade failed')
      failUpgrade(socket)
    })
  })
}

async function upgrade(
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  wss: WebSocketServer,
  parts: RoomEndpointParts,
): Promise<void> {
  const target = roomTarget(request.url ?? '')
  if (target === 'not a path')
    return answerOnSocket(socket, 400, 'the request target must be a path: /yjs/<room>?token=<token>')
  if (target === 'not a room')
    return answerOnSocket(socket, 404, 'no WebSocket endpoint here; rooms are at /yjs/<room>')
  if (target === 'bad room name') return answerOnSocket(socket, 400, ROOM_NAME_RULE)
  const { roomName, token, ticket } = target
  // Before the token is looked up: that look-up is what a flood of upgrades would cost.
  const crowded = parts.reconnects.refusesAddress(upgradeAddress(request, parts.trustProxy))
  if (crowded)
    return refuseAfterUpgrade(wss, request, socket, head, parts, roomName, CloseCode.tooManyReconnects, crowded)
  let access: PeerAccess
  try {
    // The app's single-use ticket, or a token as API clients and the stock provider send it.
    access =
      ticket !== undefined
        ? await parts.tickets.admit(roomName, ticket)
        : await parts.sessions.authorizeRoom(roomName, token)
  } catch (error) {
    if (socket.destroyed) return
    const code = closeCodeOf(error)
    if (code !== undefined && error instanceof Error)
      return refuseAfterUpgrade(wss, request, socket, head, parts, roomName, code, error.message)
    roomsLog.error({ room: roomName, err: error }, 'could not check the token')
    return answerOnSocket(socket, 500, 'internal server error')
  }
  if (socket.destroyed) return
  const tooOften = parts.reconnects.refusesPerson(personKey(roomName, access))
  if (tooOften)
    return refuseAfterUpgrade(wss, request, socket, head, parts, roomName, CloseCode.tooManyReconnects, tooOften)
  wss.handleUpgrade(request, socket, head, (ws) => openConnection(ws, roomName, access, parts))
}

/**
 * The one place a service's refusal of a connection becomes a close code (4400–4499, so the stock client stops
 * retrying); anything else is the server's fault.
 */
function closeCodeOf(error: unknown): number | undefined {
  if (error instanceof UnauthorizedError) return CloseCode.unauthorized
  if (error instanceof ForbiddenError) return CloseCode.forbidden
  if (error instanceof NotFoundError) return CloseCode.gone
  return undefined
}

type RoomTarget =
  | { roomName: string; token: string | undefined; ticket: string | undefined }
  | 'not a path'
  | 'not a room'
  | 'bad room name'

/**
 * The room and token of an upgrade's request target, read without `new URL`: the target is whatever the client
 * sent (`//[`, `//a:99999/x`), and a URL parser throws on, or reads a host out of, what is not a plain path.
 * Only the origin form (`/path?query`) is accepted; `URLSearchParams` never throws, whatever the query holds.
 */
export function roomTarget(target: string): RoomTarget {
  if (!target.startsWith('/') || target.startsWith('//')) return 'not a path'
  const queryAt = target.indexOf('?')
  const path = queryAt === -1 ? target : target.slice(0, queryAt)
  const match = ROOM_PATH.exec(path)
  if (!match) return 'not a room'
  const roomName = safeDecode(match[1] as string)
  if (roomName === null || !isRoomName(roomName)) return 'bad room name'
  const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1))
  return { roomName, token: query.get('token') ?? undefined, ticket: query.get('ticket') ?? undefined }
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
  let connection: Connection
  try {
    connection = new Connection(
      ws,
      roomName,
      access,
      parts.rooms,
      parts.limits,
      parts.budgets.hold(roomName, access),
      parts.meter,
    )
  } catch (error) {
    roomsLog.error({ room: roomName, err: error }, 'could not set up a connection')
    ws.close(CloseCode.internal, 'could not open the connection')
    return
  }
  parts.connections.add(connection)
  const openedAt = Date.now()
  roomsLog.info({ room: roomName, role: access.role }, 'connection opened')
  ws.once('close', (code: number) => {
    parts.connections.delete(connection)
    logClosed(connection, code, Date.now() - openedAt)
    // Listeners of `ws` run inside its socket's 'data' handling: an exception here would be uncaught.
    try {
      connection.onSocketClosed()
    } catch (error) {
      roomsLog.error({ room: roomName, err: error }, 'could not let a closed connection go')
    }
  })
  connection.open().catch((error: unknown) => connection.fail('could not open', error))
}

/**
 * A connection's end: who closed it and with which code. The reason is logged only when the server gave it: a
 * client's close reason is whatever the client chose to write.
 */
function logClosed(connection: Connection, clientCode: number, durationMs: number): void {
  const own = connection.closedWith
  roomsLog.info(
    {
      room: connection.roomName,
      role: connection.access.role,
      closedBy: own ? 'server' : 'client',
      closeCode: own?.code ?? clientCode,
      ...(own ? { reason: own.reason } : {}),
      durationMs,
    },
    'connection closed',
  )
}

/** An upgrade's target without its query (which holds the ticket or token), cut short, for a log line. */
function requestPath(url: string | undefined): string {
  const target = url ?? ''
  const queryAt = target.indexOf('?')
  return (queryAt === -1 ? target : target.slice(0, queryAt)).slice(0, 200)
}

function upgradeAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for']
  return clientAddress(
    request.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
    trustProxy,
  )
}

/**
 * A refusal the stock client reports and does not retry (a 44xx code): the upgrade, then at once a close with the
 * reason. Counted and logged like a refused message.
 */
function refuseAfterUpgrade(
  wss: WebSocketServer,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  parts: RoomEndpointParts,
  roomName: string,
  code: number,
  reason: string,
): void {
  parts.meter.refused(code)
  roomsLog.info({ room: roomName, closeCode: code, reason }, 'connection refused')
  wss.handleUpgrade(request, socket, head, (ws) => {
    ws.on('error', ignore)
    ws.close(code, reason)
  })
}

function ignore(): void {}

function destroySocket(this: Duplex): void {
  this.destroy()
}

/**
 * An upgrade that failed unexpectedly: a 500 if nothing has been written to the socket yet, otherwise (the
 * 101 is out, `ws` owns the socket) the socket is destroyed, since HTTP cannot follow a handshake.
 */
function failUpgrade(socket: Duplex): void {
  if (socket.destroyed) return
  const written = socket instanceof Socket ? socket.bytesWritten : 1
  if (written === 0 && socket.writable) answerOnSocket(socket, 500, 'internal server error')
  else socket.destroy()
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
