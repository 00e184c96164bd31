import { parseSessionRoomName, REMOVED_FROM_SESSION_REASON, SESSION_CLOSED_REASON } from '@werkplaats/shared'
import { atom, type Atom } from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { ApiError, requestRoomTicket } from '../api/apiClient.ts'
import { type FetchTicket, ticketedWebSocket, TicketRefusedError } from './ticketedWebSocket.ts'
import { sendOwnPresenceOnly } from './ownPresence.ts'

/**
 * What the participant needs to know about the line to the server:
 * - 'connecting': never synced yet (first load);
 * - 'online': connected and in sync, edits reach the others;
 * - 'offline': the connection dropped after having worked; edits are kept in the Yjs document and merged when
 *   the provider's automatic reconnection succeeds;
 * - 'refused': the server closed the connection for good (a close code 4400–4499: bad token, no right to
 *   write, session deleted, board full, too many connections). The stock provider stops reconnecting then; the page says why.
 */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'refused'

/** Why the server closed the connection for good, from its close code. */
export type RefusalReason =
  'unauthorized' | 'removed' | 'read-only' | 'session-closed' | 'session-gone' | 'board-full' | 'too-many' | 'other'

export const CLOSE_CODE_UNAUTHORIZED = 4401
export const CLOSE_CODE_READ_ONLY = 4403
export const CLOSE_CODE_SESSION_GONE = 4404
/** The board reached its size cap; the change that would have passed it was not kept. */
export const CLOSE_CODE_BOARD_FULL = 4413
/** Too many connections: on the board, for this person, or from this address in the last minute. */
export const CLOSE_CODE_TOO_MANY = 4429

/**
 * From the close code, and for 4401 and 4403 its reason: the facilitator removing someone or closing the session
 * says so (see the server's rooms).
 */
export function refusalReason(code: number, reason = ''): RefusalReason {
  if (code === CLOSE_CODE_UNAUTHORIZED) return reason === REMOVED_FROM_SESSION_REASON ? 'removed' : 'unauthorized'
  if (code === CLOSE_CODE_READ_ONLY) return reason === SESSION_CLOSED_REASON ? 'session-closed' : 'read-only'
  if (code === CLOSE_CODE_SESSION_GONE) return 'session-gone'
  if (code === CLOSE_CODE_BOARD_FULL) return 'board-full'
  if (code === CLOSE_CODE_TOO_MANY) return 'too-many'
  return 'other'
}

export interface RoomConnection {
  readonly provider: WebsocketProvider
  readonly state: Atom<ConnectionState>
  /** Set when `state` is 'refused'. */
  readonly refusal: Atom<RefusalReason | null>
  dispose(): void
}

/** The server's y-websocket endpoint on the origin that served the page (so no other host is ever contacted). */
export function yjsServerUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
}

/** `/yjs/<room>` as the session API hands it out → `<room>`, what the stock provider appends to its URL. */
export function roomNameFromPath(path: string): string {
  return path.replace(/^\/yjs\//, '')
}

/**
 * Connects to one room of a session. Each connection (and each reconnect) first trades the token for a
 * single-use ticket over HTTPS and connects with `?ticket=` (`ticketedWebSocket.ts`): the token itself never
 * stands in a WebSocket URL, where proxies would log it.
 */
export function connectToRoom(room: string, doc: Y.Doc, token: string): RoomConnection {
  const provider = new WebsocketProvider(yjsServerUrl(window.location), room, doc, {
    WebSocketPolyfill: ticketedWebSocket(ticketsFor(room, token)),
    // Tabs of one browser still sync through the server; a BroadcastChannel would be a second path to debug
    // (and one that skips the server's check of who may write).
    disableBc: true,
    // y-websocket backs off exponentially; after a server restart people should be back within seconds.
    maxBackoffTime: 2500,
  })
  sendOwnPresenceOnly(provider)
  const state = atom<ConnectionState>('connection state', 'connecting')
  const refusal = atom<RefusalReason | null>('connection refusal', null)
  let everSynced = false
  const update = () => {
    if (refusal.get()) return
    const inSync = provider.wsconnected && provider.synced
    if (inSync) everSynced = true
    state.set(inSync ? 'online' : everSynced ? 'offline' : 'connecting')
  }
  // The stock provider emits 'closed' only for close codes it will not retry (4400–4499).
  const onClosed = ({ code, reason }: { code: number; reason: string }) => {
    refusal.set(refusalReason(code, reason))
    state.set('refused')
  }
  provider.on('status', update)
  provider.on('sync', update)
  provider.on('closed', onClosed)

  // A dead network can leave a WebSocket looking open for up to 30 s; the browser knows sooner.
  const onBrowserOffline = () => provider.ws?.close()
  window.addEventListener('offline', onBrowserOffline)

  return {
    provider,
    state,
    refusal,
    dispose() {
      window.removeEventListener('offline', onBrowserOffline)
      provider.off('status', update)
      provider.off('sync', update)
      provider.off('closed', onClosed)
      provider.destroy()
    },
  }
}

/** Where a room's connections get their tickets: the session's ticket endpoint, with the token in the header. */
function ticketsFor(room: string, token: string): FetchTicket {
  const sessionId = parseSessionRoomName(room)?.sessionId
  return async () => {
    if (!sessionId) throw new TicketRefusedError(404, `not a room of a session: ${room}`)
    try {
      return (await requestRoomTicket(sessionId, token)).ticket
    } catch (error) {
      throw new TicketRefusedError(
        error instanceof ApiError ? error.status : 0,
        error instanceof Error ? error.message : 'no ticket',
      )
    }
  }
}
