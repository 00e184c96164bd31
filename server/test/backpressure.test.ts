import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sqliteStores } from '../src/backends.ts'
import { encodeSyncUpdate } from '../src/rooms/protocol.ts'
import { connectRaw, eventually } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServers } from './support/useServer.ts'

describe('a store that falls behind', () => {
  const servers = useServers()

  it('stops the room reading from its sockets until it catches up, so unsaved edits stay bounded', async () => {
    const appended: number[] = []
    const mib = 1024 * 1024
    const server = await servers.start({
      env: { MAX_UNSTORED_BYTES: String(mib), BYTES_PER_SECOND: String(1024 * mib), MAX_MESSAGE_BYTES: String(mib) },
      backends: (dataDir) => {
        const stores = sqliteStores(dataDir)
        const append = stores.documents.append.bind(stores.documents)
        stores.documents.append = async (room, update) => {
          appended.push(update.byteLength)
          // A deliberately slow disk: every append takes 300 ms, far longer than the socket takes to fill.
          await new Promise((r) => setTimeout(r, 300))
          return append(room, update)
        }
        return { stores }
      },
    })
    const store = server.store
    const board = await sessionBoard(server.wsUrl, 'slow-disk')
    const writer = await connectRaw(server.wsUrl, board)
    // 20 MiB of edits as fast as the socket takes them: far more than the store takes in one append.
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => writer.socket.send(encodeSyncUpdate(update)))
    for (let i = 0; i < 80; i++) doc.getMap('m').set(`k${i}`, new Uint8Array(256 * 1024).fill(i))

    await eventually(
      async () => {
        const stored = new Y.Doc()
        for (const update of (await store.load(board.room)).updates) Y.applyUpdate(stored, update)
        return stored.getMap('m').size === 80
      },
      'every edit is stored in the end',
      30_000,
    )
    // Read without pause, the first slow append would leave nearly all 20 MiB waiting for the second. Paused,
    // an append carries the limit, a frame, and what the socket had already read.
    expect(Math.max(...appended)).toBeLessThan(4 * mib)
    writer.socket.terminate()
  }, 40_000)
})
