import { atom, type Atom } from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'

/**
 * What the participant needs to know about the line to the server:
 * - 'connecting': never synced yet (first load);
 * - 'online': connected and in sync, edits reach the others;
 * - 'offline': the connection dropped after having worked; edits are kept in the Yjs document and merged when
 *   the provider's automatic reconnection succeeds.
 */
export type ConnectionState = 'connecting' | 'online' | 'offline'

export interface RoomConnection {
  readonly provider: WebsocketProvider
  readonly state: Atom<ConnectionState>
  dispose(): void
}

/** The server's y-websocket endpoint on the origin that served the page (so no other host is ever contacted). */
export function yjsServerUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`
}

export function connectToRoom(room: string, doc: Y.Doc): RoomConnection {
  const provider = new WebsocketProvider(yjsServerUrl(window.location), room, doc, {
    // Tabs of one browser still sync through the server; a BroadcastChannel would be a second path to debug.
    disableBc: true,
    // y-websocket backs off exponentially; after a server restart people should be back within seconds.
    maxBackoffTime: 2500,
  })
  const state = atom<ConnectionState>('connection state', 'connecting')
  let everSynced = false
  const update = () => {
    const inSync = provider.wsconnected && provider.synced
    if (inSync) everSynced = true
    state.set(inSync ? 'online' : everSynced ? 'offline' : 'connecting')
  }
  provider.on('status', update)
  provider.on('sync', update)

  // A dead network can leave a WebSocket looking open for up to 30 s; the browser knows sooner.
  const onBrowserOffline = () => provider.ws?.close()
  window.addEventListener('offline', onBrowserOffline)

  return {
    provider,
    state,
    dispose() {
      window.removeEventListener('offline', onBrowserOffline)
      provider.off('status', update)
      provider.off('sync', update)
      provider.destroy()
    },
  }
}
