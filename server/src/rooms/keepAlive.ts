import type { Connection } from './connection.ts'
import { CloseCode } from './peer.ts'
import { encodeAwareness } from './protocol.ts'

/**
 * An awareness update naming no client: valid for every y-websocket client, changes nothing, and resets the
 * client's 30-second "no message, reconnect" timer.
 */
const keepAliveFrame = encodeAwareness(new Uint8Array([0]))

/**
 * Keeps idle connections alive and drops dead ones. Every half period: a connection still waiting for the pong
 * of the last ping is dead and closed; a silent one is pinged; one that has heard nothing from us for a period
 * is sent a keep-alive frame. Returns the function that stops it.
 *
 * @example
 *   const stop = startKeepAlive(connections, 10_000)
 *   // on shutdown
 *   stop()
 */
export function startKeepAlive(connections: ReadonlySet<Connection>, periodMs: number): () => void {
  const timer = setInterval(
    () => {
      const now = Date.now()
      for (const connection of connections) {
        if (connection.awaitingPong) {
          connection.close(CloseCode.goingAway, 'no answer to ping')
          continue
        }
        // A client that is talking is alive; only the silent ones are asked, so a full server does not ping
        // every connection in one burst.
        if (now - connection.lastReceivedAt >= periodMs) connection.ping()
        if (now - connection.lastSentAt >= periodMs) connection.send(keepAliveFrame)
      }
    },
    Math.ceil(periodMs / 2),
  )
  timer.unref()
  return () => clearInterval(timer)
}
