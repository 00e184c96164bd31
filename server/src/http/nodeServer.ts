import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { getRequestListener, RequestError } from '@hono/node-server'
import { log } from '../observability/log.ts'
import { answerOnSocket } from './rawResponse.ts'

type Fetch = (request: Request) => Response | Promise<Response>

/**
 * The Node HTTP server around the app's `fetch`. Whatever a client sends is answered, never thrown:
 *
 * - a request Node's parser cannot read (a bad method, request line or header, headers over the size limit) gets
 *   400 (431, 408) `{ error }` and its connection is closed (`clientError`);
 * - a request the adaptor cannot turn into a `Request` (a target or `Host` that is no URL) gets 400, a CONNECT 405;
 * - an error that escapes the app itself is logged and answered 500.
 *
 * The app's own errors are mapped in one place (`errorResponse`); this covers what happens before and around it.
 */
export function createHttpServer(fetch: Fetch): Server {
  const server = createServer(getRequestListener(fetch, { errorHandler: answerFailure }))
  server.on('clientError', answerClientError)
  // Without a listener Node cuts a CONNECT off without a word; this is no proxy.
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy())
    answerOnSocket(socket, 405, 'CONNECT is not supported')
  })
  return server
}

function answerFailure(error: unknown): Response {
  if (error instanceof RequestError)
    return Response.json({ error: `malformed request: ${error.message}` }, { status: 400 })
  log.error({ part: 'http', err: error }, 'unhandled error')
  return Response.json({ error: 'internal server error' }, { status: 500 })
}

/** Node's parser errors carry a code (`HPE_INVALID_METHOD`) and, for parse errors, a readable `reason`. */
type ClientError = Error & { code?: string; reason?: string }

const clientErrorStatus: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
}

function answerClientError(error: ClientError, socket: Duplex): void {
  // A response already under way on this socket cannot be followed by another; the peer gets a cut connection.
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy()
    return
  }
  const status = clientErrorStatus[error.code ?? ''] ?? 400
  answerOnSocket(socket, status, `malformed request: ${error.reason ?? error.message}`)
  // The server keeps sockets half-open; one whose client neither reads nor closes must not stay.
  setTimeout(() => socket.destroy(), 5000).unref()
}
