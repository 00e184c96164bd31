import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { RecordingPeer } from '../../test/support/recordingPeer.ts'
import { MemoryDocumentStore } from '../store/memoryStore.ts'
import { DISCARDED_MEMORY_MS, RoomBrokenError, RoomGoneError, RoomManager } from './roomManager.ts'
import { testRoomManagerOptions as options } from '../../test/support/roomOptions.ts'
import { isShared } from './sharedBytes.ts'

function anEdit(key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, 1)
  return Y.encodeStateAsUpdate(doc)
}

async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const log = console.error
  console.error = () => {}
  try {
    return await run()
  } finally {
    console.error = log
  }
}

describe('RoomManager and a room whose store fails', () => {
  it('refuses joins while the room is broken, drops it once empty, and loads it afresh for the next join', async () => {
    const store = new MemoryDocumentStore()
    const failing = { fail: false }
    const append = store.append.bind(store)
    store.append = (room, update) => (failing.fail ? Promise.reject(new Error('disk full')) : append(room, update))
    const rooms = new RoomManager(store, options)
    const [a, b] = [new RecordingPeer(), new RecordingPeer()]
    const room = await rooms.join('board', a)
    await rooms.join('board', b)
    room.receive(a, { kind: 'sync-update', update: anEdit('saved') })
    await room.flushed()

    failing.fail = true
    room.receive(a, { kind: 'sync-update', update: anEdit('lost') })
    await quietly(() => room.flushed())
    expect(room.broken).toBe(true)
    expect(a.closedWith?.code).toBe(1011)

    // The closed peers have not left yet (a connection leaves when its socket has closed): joins are refused.
    const late = new RecordingPeer()
    await expect(rooms.join('board', late)).rejects.toThrow(RoomBrokenError)
    expect(late.frames).toHaveLength(0)
    expect(rooms.loadedRooms).toBe(1)

    rooms.leave(room, a)
    rooms.leave(room, b)
    await new Promise((r) => setImmediate(r))
    expect(rooms.loadedRooms).toBe(0)

    failing.fail = false
    const fresh = await rooms.join('board', new RecordingPeer())
    expect(fresh).not.toBe(room)
    expect(fresh.doc.getMap('m').toJSON()).toEqual({ saved: 1 })
    await rooms.closeAll()
  })
})

describe('RoomManager and a room deleted by another instance whose message it missed', () => {
  const nothing = { updates: [], lastSeq: 0, bytes: 0 }
  // Two managers on one store with no fan-out between them: instance B never hears of A's deletion.
  const instances = () => {
    const store = new MemoryDocumentStore()
    return { store, a: new RoomManager(store, options), b: new RoomManager(store, options) }
  }

  it('closes its peers with 4404 at their next edit, stores none of it, and refuses later joins', async () => {
    const { store, a, b } = instances()
    const peer = new RecordingPeer()
    const room = await b.join('board', peer)
    room.receive(peer, { kind: 'sync-update', update: anEdit('before') })
    await room.flushed()
    await a.discard('board')

    room.receive(peer, { kind: 'sync-update', update: anEdit('after') })
    await room.flushed()
    expect(peer.closedWith).toEqual({ code: 4404, reason: 'this session was deleted' })
    expect(await store.load('board')).toEqual(nothing)
    await expect(b.join('board', new RecordingPeer())).rejects.toThrow(RoomGoneError)
    b.leave(room, peer)
    await expect(b.join('board', new RecordingPeer())).rejects.toThrow(RoomGoneError)
    await b.closeAll()
    expect(await store.load('board')).toEqual(nothing)
  })

  it('writes no snapshot of it when unloading', async () => {
    const { store, a, b } = instances()
    const peer = new RecordingPeer()
    const room = await b.join('board', peer)
    // Stored one by one: a log of several entries, which unloading compacts into one snapshot.
    for (const key of ['one', 'two', 'three']) {
      room.receive(peer, { kind: 'sync-update', update: anEdit(key) })
      await room.flushed()
    }
    await a.discard('board')
    b.leave(room, peer)
    // Unloading writes the whole document as one snapshot, which would bring the deleted board back.
    await b.closeAll()
    expect(await store.load('board')).toEqual(nothing)
  })
})

describe('RoomManager and the names of deleted rooms', () => {
  it('forgets them after a while, and the store still keeps the room deleted', async () => {
    const store = new MemoryDocumentStore()
    const rooms = new RoomManager(store, options)
    const peer = new RecordingPeer()
    const room = await rooms.join('board', peer)
    room.receive(peer, { kind: 'sync-update', update: anEdit('before') })
    await room.flushed()
    await rooms.discard('board')
    await expect(rooms.join('board', new RecordingPeer())).rejects.toThrow(RoomGoneError)
    expect(rooms.held.discarded).toBe(1)

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + DISCARDED_MEMORY_MS + 1 })
    try {
      expect(rooms.held).toEqual({ rooms: 0, unloadTimers: 0, unloading: 0, discarded: 0 })
      // A latecomer now gets an empty room, and its first edit is refused by the store: nothing comes back.
      const late = new RecordingPeer()
      const again = await rooms.join('board', late)
      again.receive(late, { kind: 'sync-update', update: anEdit('after') })
      await again.flushed()
      expect(late.closedWith).toEqual({ code: 4404, reason: 'this session was deleted' })
      expect(await store.load('board')).toEqual({ updates: [], lastSeq: 0, bytes: 0 })
      rooms.leave(again, late)
      await expect(rooms.join('board', new RecordingPeer())).rejects.toThrow(RoomGoneError)
    } finally {
      vi.useRealTimers()
      await rooms.closeAll()
    }
  })
})

describe('RoomManager.readUpdates', () => {
  const contents = (updates: Uint8Array[]) => {
    const doc = new Y.Doc()
    for (const update of updates) Y.applyUpdate(doc, update)
    return doc.getMap('m').toJSON()
  }

  it('reads a room nobody is on from the store, without loading (decoding) it', async () => {
    const store = new MemoryDocumentStore()
    await store.append('board', anEdit('one'))
    await store.append('board', anEdit('two'))
    const rooms = new RoomManager(store, options)
    expect(contents(await rooms.readUpdates('board'))).toEqual({ one: 1, two: 1 })
    expect(rooms.loadedRooms).toBe(0)
    await rooms.closeAll()
  })

  it('reads a room being unloaded once its last changes are stored', async () => {
    vi.useFakeTimers()
    try {
      const rooms = new RoomManager(new MemoryDocumentStore(), { ...options, unloadAfterMs: 1000 })
      const peer = new RecordingPeer()
      const room = await rooms.join('board', peer)
      room.receive(peer, { kind: 'sync-update', update: anEdit('one') })
      rooms.leave(room, peer)
      await vi.advanceTimersByTimeAsync(1000)
      expect(contents(await rooms.readUpdates('board'))).toEqual({ one: 1 })
      expect(rooms.loadedRooms).toBe(0)
      await rooms.closeAll()
    } finally {
      vi.useRealTimers()
    }
  })

  it('reads a loaded room as its whole state, the same bytes until the next change', async () => {
    const rooms = new RoomManager(new MemoryDocumentStore(), options)
    const peer = new RecordingPeer()
    const room = await rooms.join('board', peer)
    room.receive(peer, { kind: 'sync-update', update: anEdit('one') })
    const first = await rooms.readUpdates('board')
    expect(contents(first)).toEqual({ one: 1 })
    expect((await rooms.readUpdates('board'))[0]?.buffer).toBe(first[0]?.buffer)
    room.receive(peer, { kind: 'sync-update', update: anEdit('two') })
    expect(contents(await rooms.readUpdates('board'))).toEqual({ one: 1, two: 1 })
    await rooms.closeAll()
  })

  it('answers in shared memory, loaded or not, so an export hands the bytes to its worker without copying', async () => {
    const store = new MemoryDocumentStore()
    await store.append('idle', anEdit('one'))
    const rooms = new RoomManager(store, options)
    expect((await rooms.readUpdates('idle')).every(isShared)).toBe(true)
    const peer = new RecordingPeer()
    const room = await rooms.join('board', peer)
    room.receive(peer, { kind: 'sync-update', update: anEdit('one') })
    expect((await rooms.readUpdates('board')).every(isShared)).toBe(true)
    await rooms.closeAll()
  })
})
