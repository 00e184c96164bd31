import * as awarenessProtocol from 'y-protocols/awareness'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { encodeAwareness } from '../../src/rooms/protocol.ts'
import type { RoomTarget } from './sessions.ts'

export { eventually } from './eventually.ts'

/** A stock y-websocket provider, as a browser would use it, with `ws` as its WebSocket in Node. */
export function connectProvider(wsUrl: string, target: RoomTarget, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, target.room, doc, {
    params: { token: target.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  })
}

/** How the stock client ended: its close event, once it has stopped for good (4400–4499 are permanent). */
export function closeOf(provider: WebsocketProvider): Promise<{ code: number; reason: string }> {
  return new Promise((done) => {
    provider.on('connection-close', (event) => {
      if (event) done({ code: event.code, reason: event.reason })
    })
  })
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 10_000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('provider did not sync in time')), timeoutMs)
    const onSync = (synced: boolean) => {
      if (!synced) return
      clearTimeout(timer)
      provider.off('sync', onSync)
      done()
    }
    provider.on('sync', onSync)
  })
}

export interface RawClient {
  socket: WebSocket
  closed: Promise<{ code: number; reason: string }>
}

/**
 * A plain WebSocket to the endpoint, for sending frames no real client would send. A bare room name connects
 * without a token.
 */
export async function connectRaw(wsUrl: string, target: RoomTarget | string): Promise<RawClient> {
  const url =
    typeof target === 'string'
      ? `${wsUrl}/${target}`
      : `${wsUrl}/${target.room}?token=${encodeURIComponent(target.token)}`
  const socket = new WebSocket(url)
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
  )
  await new Promise<void>((done, fail) => {
    socket.once('open', () => done())
    socket.once('error', fail)
  })
  return { socket, closed }
}

/** How `client` was closed; fails with a clear message if the server has not closed it within `timeoutMs`. */
export function closedWithin(client: RawClient, timeoutMs = 5000): Promise<{ code: number; reason: string }> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`the server did not close the socket within ${timeoutMs} ms`)), timeoutMs)
  })
  return Promise.race([client.closed, timeout]).finally(() => clearTimeout(timer))
}

/**
 * Makes a raw client present on its board (as a stock client does with its cursor) and returns its awareness
 * client id, so that others can see it arrive and, once the server drops it, leave.
 */
export function announcePresence(client: RawClient, state: Record<string, unknown> = { name: 'raw' }): number {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.setLocalState(state)
  client.socket.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])))
  const id = awareness.clientID
  awareness.destroy()
  return id
}
