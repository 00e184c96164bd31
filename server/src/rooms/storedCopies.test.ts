import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from '../store/documentStore.ts'
import { MemoryDocumentStore } from '../store/memoryStore.ts'
import { isShared } from './sharedBytes.ts'
import { StoredCopies } from './storedCopies.ts'

function anEdit(key: string, value: unknown = 1): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}

function contents(updates: Uint8Array[]) {
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc.getMap('m').toJSON()
}

/** The store, counting its whole-room reads: what a copy saves. */
function countingLoads(store: DocumentStore): { store: DocumentStore; loads: () => number } {
  let loads = 0
  return {
    store: {
      load: (room) => {
        loads++
        return store.load(room)
      },
      loadSince: (room, afterSeq) => store.loadSince(room, afterSeq),
      append: (room, update) => store.append(room, update),
      compact: (room, snapshot, throughSeq) => store.compact(room, snapshot, throughSeq),
      delete: (room) => store.delete(room),
      ping: () => store.ping(),
      close: () => store.close(),
    },
    loads: () => loads,
  }
}

describe('stored copies of idle rooms', () => {
  it('reads a room once while the store has nothing newer', async () => {
    const memory = new MemoryDocumentStore()
    await memory.append('board', anEdit('one'))
    const { store, loads } = countingLoads(memory)
    const copies = new StoredCopies(store, 1024 * 1024)
    expect(contents(await copies.read('board'))).toEqual({ one: 1 })
    expect(contents(await copies.read('board'))).toEqual({ one: 1 })
    expect(loads()).toBe(1)
  })

  it('keeps its copies in shared memory, so an export hands them to its worker without copying them', async () => {
    const memory = new MemoryDocumentStore()
    await memory.append('board', anEdit('one'))
    await memory.append('board', anEdit('two'))
    const copies = new StoredCopies(memory, 1024 * 1024)
    const updates = await copies.read('board')
    expect(updates.every(isShared)).toBe(true)
    expect(updates).toEqual((await memory.load('board')).updates)
    expect(await copies.read('board')).toBe(updates)
  })

  it('reads again after any append, so an export never misses a change', async () => {
    const memory = new MemoryDocumentStore()
    await memory.append('board', anEdit('one'))
    const { store, loads } = countingLoads(memory)
    const copies = new StoredCopies(store, 1024 * 1024)
    await copies.read('board')
    // Another instance (or this one, through the room) stores an edit.
    await memory.append('board', anEdit('two'))
    expect(contents(await copies.read('board'))).toEqual({ one: 1, two: 1 })
    expect(loads()).toBe(2)
  })

  it('keeps what a compaction folds, since the snapshot holds the same content', async () => {
    const memory = new MemoryDocumentStore()
    await memory.append('board', anEdit('one'))
    const last = await memory.append('board', anEdit('two'))
    const copies = new StoredCopies(memory, 1024 * 1024)
    await copies.read('board')
    const snapshot = Y.mergeUpdates((await memory.load('board')).updates)
    await memory.compact('board', snapshot, last)
    expect(contents(await copies.read('board'))).toEqual({ one: 1, two: 1 })
  })

  it('holds at most its bytes, forgetting the least recently read room, and never keeps one larger than all', async () => {
    const memory = new MemoryDocumentStore()
    const big = anEdit('text', 'x'.repeat(400))
    for (const room of ['a', 'b', 'c']) await memory.append(room, big)
    await memory.append('huge', anEdit('text', 'y'.repeat(2000)))
    const { store, loads } = countingLoads(memory)
    const copies = new StoredCopies(store, 2 * big.byteLength)
    await copies.read('a')
    await copies.read('b')
    await copies.read('a')
    await copies.read('c') // b was read least recently: it goes
    expect(copies.bytes).toBeLessThanOrEqual(2 * big.byteLength)
    const before = loads()
    await copies.read('a')
    await copies.read('c')
    expect(loads()).toBe(before)
    await copies.read('b')
    expect(loads()).toBe(before + 1)
    await copies.read('huge')
    await copies.read('huge')
    expect(loads()).toBe(before + 3)
    expect(copies.bytes).toBeLessThanOrEqual(2 * big.byteLength)
  })

  it('forgets a room on request (its session was deleted)', async () => {
    const memory = new MemoryDocumentStore()
    await memory.append('board', anEdit('one'))
    const { store, loads } = countingLoads(memory)
    const copies = new StoredCopies(store, 1024 * 1024)
    await copies.read('board')
    copies.forget('board')
    expect(copies.bytes).toBe(0)
    await copies.read('board')
    expect(loads()).toBe(2)
  })
})
