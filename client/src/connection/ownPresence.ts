import type { WebsocketProvider } from 'y-websocket'

/**
 * Makes the stock provider send the server this client's own presence only.
 *
 * y-websocket sends every change to its awareness table to the server, the changes it has just received from the
 * server included: each screen echoes every cursor it is shown. The server keeps only what a connection says of
 * its own client (`RoomPresence.receive`), so the echo is thrown away there, after each browser has encoded and
 * uploaded it: with 300 people on a board, about as much upload per person as the presence they receive, over the
 * meeting room's Wi-Fi, and the encoding on every page's main thread. The provider's own handler is kept and given
 * only our client's id; `destroy()` still removes it (it reads `_awarenessUpdateHandler`).
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider
  const stock = provider._awarenessUpdateHandler
  const own: typeof stock = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const id = awareness.clientID
    if (changes.added.includes(id) || changes.updated.includes(id) || changes.removed.includes(id)) {
      stock({ added: [], updated: [id], removed: [] }, origin)
    }
  }
  awareness.off('update', stock)
  awareness.on('update', own)
  provider._awarenessUpdateHandler = own
}
