import { afterEach, describe, expect, it } from 'vitest'
import { configFromEnvironment, type RunningServer, startServer } from '../src/index.ts'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { temporaryDataDir } from './support/serverProcess.ts'

describe('room lifecycle', () => {
  const data = temporaryDataDir()
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    data.remove()
  })

  it('loads a room on first connect and unloads it, saved as one snapshot, after the last client leaves', async () => {
    server = await startServer(
      configFromEnvironment({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: data.path, ROOM_UNLOAD_AFTER_MS: '100' }),
    )
    const wsUrl = `ws://127.0.0.1:${server.port}/yjs`
    expect(server.rooms.loadedRooms).toBe(0)
    const a = connectProvider(wsUrl, 'lifecycle')
    const b = connectProvider(wsUrl, 'lifecycle')
    await Promise.all([whenSynced(a), whenSynced(b)])
    expect(server.rooms.loadedRooms).toBe(1)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 10; i++) a.doc.getMap('m').set(`k${round * 10 + i}`, i)
      await eventually(() => b.doc.getMap('m').size === (round + 1) * 10, 'b has the edits')
    }
    // Stored as they came (edits of one event-loop turn share one entry), not yet compacted.
    expect((await server.store.load('lifecycle')).updates.length).toBeGreaterThan(1)

    a.destroy()
    await new Promise((r) => setTimeout(r, 300))
    expect(server.rooms.loadedRooms).toBe(1) // b is still there
    b.destroy()
    await eventually(() => server?.rooms.loadedRooms === 0, 'room unloaded')
    expect((await server.store.load('lifecycle')).updates.length).toBe(1)

    const c = connectProvider(wsUrl, 'lifecycle')
    await whenSynced(c)
    expect(c.doc.getMap('m').size).toBe(30)
    c.destroy()
  })
})
