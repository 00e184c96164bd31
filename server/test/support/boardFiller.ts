import * as Y from 'yjs'
import { encodeSyncUpdate } from '../../src/rooms/protocol.ts'
import { closedWithin, connectRaw } from './clients.ts'
import type { TestSession } from './sessions.ts'

export { createSession } from './sessions.ts'

/**
 * A participant who joins `session` and sends its board chunks of data, more than `capBytes` in all, at once:
 * the server takes them in order, refuses the one that would pass the cap and closes the socket (4413). Answers
 * how it was closed. For the tests of the board's cap, on the server and in the browser
 * (`@werkplaats/server/testing/boardFiller`).
 */
export async function fillBoard(
  wsUrl: string,
  session: TestSession,
  capBytes: number,
  chunkBytes = 64 * 1024,
  timeoutMs = 30_000,
): Promise<{ code: number; reason: string }> {
  const { token } = await session.join('Vulder')
  const client = await connectRaw(wsUrl, session.board(token))
  for (let i = 0; i <= capBytes / chunkBytes; i++) {
    const doc = new Y.Doc()
    doc.getMap('filler').set(`chunk${i}`, new Uint8Array(chunkBytes).fill(i % 256))
    client.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)))
  }
  return closedWithin(client, timeoutMs)
}
