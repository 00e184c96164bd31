import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sqliteStores } from '../src/backends.ts'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServer, useServers } from './support/useServer.ts'
import { log } from '../src/observability/log.ts'

describe('room lifecycle', () => {
  const server = useServer({ env: { ROOM_UNLOAD_AFTER_MS: '100' } })

  it('loads a room on first connect and unloads it, saved as one snapshot, after the last client leaves', async () => {
    const wsUrl = server.wsUrl
    expect(server.rooms.loadedRooms).toBe(0)
    const lifecycle = await sessionBoard(wsUrl, 'lifecycle')
    const marking = await sessionBoard(wsUrl, 'marker')
    // Creating the sessions wrote their control rooms, which unload in turn once nobody is in them.
    await eventually(() => server.rooms.loadedRooms === 0, 'control rooms unloaded')
    const a = connectProvider(wsUrl, lifecycle)
    const b = connectProvider(wsUrl, lifecycle)
    await Promise.all([whenSynced(a), whenSynced(b)])
    expect(server.rooms.loadedRooms).toBe(1)
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 10; i++) a.doc.getMap('m').set(`k${round * 10 + i}`, i)
      await eventually(() => b.doc.getMap('m').size === (round + 1) * 10, 'b has the edits')
    }
    // Stored as they came (edits of one event-loop turn share one entry), not yet compacted.
    expect((await server.store.load(lifecycle.room)).updates.length).toBeGreaterThan(1)

    // A marker in time: a board entered now and left just after a leaves. Had a's leaving started the unload
    // of a room b is still in, that room would unload first, and the two counts below would never be seen together.
    const marker = connectProvider(wsUrl, marking)
    await whenSynced(marker)
    await eventually(() => server.rooms.loadedRooms === 2, 'the marker board is loaded')
    a.destroy()
    marker.destroy()
    await eventually(
      () => server.rooms.loadedRooms === 1 && server.rooms.held.unloadTimers === 0 && server.rooms.held.unloading === 0,
      'the marker board has unloaded',
    )
    expect(server.rooms.loadedRooms).toBe(1) // b is still there
    b.destroy()
    await eventually(() => server?.rooms.loadedRooms === 0, 'room unloaded')
    expect((await server.store.load(lifecycle.room)).updates.length).toBe(1)

    const c = connectProvider(wsUrl, lifecycle)
    await whenSynced(c)
    expect(c.doc.getMap('m').size).toBe(30)
    c.destroy()
  })
})

describe('a room whose store fails', () => {
  const servers = useServers()

  it('is replaced by a fresh load from the store, and the clients resync into it', async () => {
    const failing = { fail: false }
    const running = await servers.start({
      backends: (dataDir) => {
        const stores = sqliteStores(dataDir)
        const append = stores.documents.append.bind(stores.documents)
        stores.documents.append = (room, update) =>
          failing.fail ? Promise.reject(new Error('disk full')) : append(room, update)
        return { stores }
      },
    })
    const level = log.level
    try {
      const wsUrl = running.wsUrl
      const board = await sessionBoard(wsUrl, 'failing')
      const a = connectProvider(wsUrl, board)
      const b = connectProvider(wsUrl, board)
      await Promise.all([whenSynced(a), whenSynced(b)])
      a.doc.getMap('m').set('saved', 1)
      await eventually(() => b.doc.getMap('m').has('saved'), 'first edit crosses')

      log.level = 'silent'
      failing.fail = true
      a.doc.getMap('m').set('lost-for-now', 2)
      await eventually(() => !a.wsconnected || !b.wsconnected, 'the room closes its peers')
      failing.fail = false
      // Both reconnect to a room loaded from the store; a's sync step 2 sends the edit again and it is stored.
      await eventually(() => b.doc.getMap('m').get('lost-for-now') === 2, 'the edit arrives after the resync', 15_000)
      await eventually(async () => {
        const stored = new Y.Doc()
        for (const update of (await running.store.load(board.room)).updates) Y.applyUpdate(stored, update)
        return stored.getMap('m').get('lost-for-now') === 2
      }, 'the edit is stored')
      a.destroy()
      b.destroy()
    } finally {
      log.level = level
    }
  })
})
