import { connect } from 'node:net'

/** What came back for one raw request: the status of the answer, or that none came before the socket closed. */
export type RawAnswer = { status: number; head: string } | { status: 'no answer' }

/**
 * Sends `request` (a string as UTF-8) byte for byte on a fresh TCP connection (so it can be anything: a broken request line, a bare
 * `\n`, a header no client library would send), half-closes, and reads the status line of the answer.
 * `timeoutMs` bounds a request the server is still waiting on (a body announced and never sent).
 */
export function rawExchange(port: number, request: string | Uint8Array, timeoutMs = 3000): Promise<RawAnswer> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    let finished = false
    const finish = (answer: RawAnswer) => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      socket.destroy()
      done(answer)
    }
    const timer = setTimeout(() => finish({ status: 'no answer' }), timeoutMs)
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      received += chunk
      const answer = readAnswer(received)
      if (answer) finish(answer)
    })
    socket.on('error', () => {})
    socket.on('close', () => finish(readAnswer(received) ?? { status: 'no answer' }))
    socket.end(typeof request === 'string' ? Buffer.from(request) : request)
  })
}

/** The answer once its head (status line and headers) is complete. */
function readAnswer(received: string): RawAnswer | undefined {
  const end = received.indexOf('\r\n\r\n')
  if (end === -1) return undefined
  const head = received.slice(0, end)
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
  return match ? { status: Number(match[1]), head } : { status: 'no answer' }
}
