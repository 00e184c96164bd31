import { upgradeWebSocket } from '@hono/node-server'
import { isRoomName } from '@werkplaats/shared'
import { Hono } from 'hono'
import type { WebSocket } from 'ws'
import { BadRequestError } from '../http/errors.ts'
import { Connection, type ConnectionLimits } from '../rooms/connection.ts'
import type { RoomManager } from '../rooms/roomManager.ts'

/**
 * `GET /yjs/:room` upgrades to the y-websocket protocol for that board. A room name that is not a plain
 * identifier is refused with 400 before the upgrade, so it never reaches the store.
 */
export function yjsRoutes(rooms: RoomManager, limits: ConnectionLimits, connections: Set<Connection>): Hono {
  return new Hono().get(
    '/yjs/:room',
    async (c, next) => {
      if (!isRoomName(c.req.param('room'))) {
        throw new BadRequestError('room name must be 1–64 letters, digits, "-" or "_"')
      }
      await next()
    },
    upgradeWebSocket((c) => {
      const roomName = c.req.param('room') ?? ''
      let connection: Connection | undefined
      return {
        // No `onMessage`: the connection reads the `ws` socket itself (see Connection), which spares a
        // MessageEvent and a copy of every frame. Hono calls `onOpen` in the same tick as the upgrade
        // completes, before any frame can have been read, so none is missed.
        onOpen(_event, ws) {
          // `raw` is the `ws` socket: we need its frames, send buffer size, ping and terminate.
          connection = new Connection(ws.raw as WebSocket, roomName, rooms, limits)
          connections.add(connection)
          void connection.open()
        },
        onClose() {
          if (!connection) return
          connections.delete(connection)
          connection.onSocketClosed()
        },
      }
    }),
  )
}
