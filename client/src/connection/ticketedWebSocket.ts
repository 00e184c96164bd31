/**
 * A WebSocket that asks the server for a single-use ticket first and then connects with `?ticket=`, so the
 * session token never stands in a WebSocket URL (proxies and access logs keep URLs; the token lives for the
 * whole session, a ticket for one connection).
 *
 * It is handed to y-websocket's `WebsocketProvider` as its `WebSocketPolyfill`: the provider makes a new socket
 * for every connection and every reconnect, so each one fetches a fresh ticket, and the provider's own
 * reconnect and back-off logic stays untouched. Only what the provider uses is implemented: the `on…` handlers,
 * `binaryType`, `readyState`, `send` and `close`.
 *
 * When no ticket can be had, the socket closes as the server would have: a token the server refuses (401, 403,
 * 404) closes with 4401, 4403 or 4404, which the provider does not retry, and the page says why; anything else
 * (no network, 429, 5xx) closes with 1006, which it retries with its back-off.
 */

/** Why no ticket came: the HTTP status of the answer, 0 without one. */
export class TicketRefusedError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'TicketRefusedError'
    this.status = status
  }
}

export type FetchTicket = () => Promise<string>

/** The close code the socket reports when no ticket came: what the server would close a bad token with. */
export function closeCodeForRefusal(status: number): number {
  if (status === 401) return 4401
  if (status === 403) return 4403
  if (status === 404) return 4404
  // Abnormal closure: the provider tries again after its back-off.
  return 1006
}

/** `url` with `ticket` added to its query, whatever else the query holds. */
export function withTicket(url: string, ticket: string): string {
  const target = new URL(url)
  target.searchParams.set('ticket', ticket)
  return target.href
}

const CONNECTING = 0
const OPEN = 1
const CLOSING = 2
const CLOSED = 3

/** A WebSocket class for `WebsocketProvider` whose sockets each connect with a ticket from `fetchTicket`. */
export function ticketedWebSocket(fetchTicket: FetchTicket): typeof WebSocket {
  class TicketedWebSocket {
    static readonly CONNECTING = CONNECTING
    static readonly OPEN = OPEN
    static readonly CLOSING = CLOSING
    static readonly CLOSED = CLOSED
    readonly CONNECTING = CONNECTING
    readonly OPEN = OPEN
    readonly CLOSING = CLOSING
    readonly CLOSED = CLOSED

    binaryType: BinaryType = 'blob'
    onopen: ((event: Event) => void) | null = null
    onmessage: ((event: MessageEvent) => void) | null = null
    onerror: ((event: Event) => void) | null = null
    onclose: ((event: CloseEvent) => void) | null = null
    #socket: WebSocket | null = null
    #closed = false

    constructor(url: string, protocols?: string | string[]) {
      void this.#connect(url, protocols)
    }

    get readyState(): number {
      if (this.#socket) return this.#socket.readyState
      return this.#closed ? CLOSED : CONNECTING
    }

    send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (!this.#socket) throw new DOMException('the socket is not open yet', 'InvalidStateError')
      this.#socket.send(data)
    }

    close(code?: number, reason?: string): void {
      // Closed before the ticket came: the connection is simply never made.
      this.#closed = true
      this.#socket?.close(code, reason)
    }

    async #connect(url: string, protocols: string | string[] | undefined): Promise<void> {
      let ticket: string
      try {
        ticket = await fetchTicket()
      } catch (error) {
        const status = error instanceof TicketRefusedError ? error.status : 0
        const reason = error instanceof Error ? error.message : 'no ticket'
        this.#fail(closeCodeForRefusal(status), reason)
        return
      }
      if (this.#closed) return
      const socket = new WebSocket(withTicket(url, ticket), protocols)
      socket.binaryType = this.binaryType
      socket.onopen = (event) => this.onopen?.(event)
      socket.onmessage = (event: MessageEvent) => this.onmessage?.(event)
      socket.onerror = (event) => this.onerror?.(event)
      socket.onclose = (event) => this.onclose?.(event)
      this.#socket = socket
    }

    #fail(code: number, reason: string): void {
      if (this.#closed) return
      this.#closed = true
      this.onclose?.(new CloseEvent('close', { code, reason, wasClean: false }))
    }
  }
  return TicketedWebSocket as unknown as typeof WebSocket
}
