import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { MemoryDocumentStore } from '../store/memoryStore.ts'
import { PersistedDoc, type PersistenceEvents } from './persistedDoc.ts'
import { testRoomOptions as options } from '../../test/support/roomOptions.ts'

/** One instance's copy of the board, on a store two instances share. */
async function instance(store: MemoryDocumentStore) {
  const relayed: Uint8Array[] = []
  const published: Array<{ update: Uint8Array; seq: number }> = []
  const events: PersistenceEvents = {
    stored: (_frame, _sender, update, seq) => published.push({ update, seq }),
    remote: (frame) => relayed.push(frame),
    failed: () => {},
    behind: () => {},
  }
  const doc = new PersistedDoc('bord', store, await store.load('bord'), options, events)
  const write = async (key: string, value: unknown = true) => {
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc.doc))
    const before = Y.encodeStateVector(other)
    other.getMap('m').set(key, value)
    doc.apply(Y.encodeStateAsUpdate(other, before), 'peer')
    await doc.flushed()
  }
  return { doc, relayed, published, write }
}

const keysIn = async (store: MemoryDocumentStore) => {
  const doc = new Y.Doc()
  for (const update of (await store.load('bord')).updates) Y.applyUpdate(doc, update)
  return Object.keys(doc.getMap('m').toJSON()).sort()
}

describe('PersistedDoc with other instances on the same store', () => {
  it("never compacts away an entry it has not folded in, and relays others' updates without storing them", async () => {
    const store = new MemoryDocumentStore()
    const [a, b] = [await instance(store), await instance(store)]
    await a.write('van-a') // entry 1, which b has not received
    await b.write('b1') // entry 2
    await b.write('b2') // entry 3
    await b.doc.compact()
    // b has 2 and 3 but not 1: it may compact through nothing yet, and entry 1 stays.
    expect(await keysIn(store)).toEqual(['b1', 'b2', 'van-a'])
    expect((await store.load('bord')).updates).toHaveLength(3)

    const fromA = a.published[0]!
    b.doc.applyRemote(fromA.update, fromA.seq)
    expect(b.relayed).toHaveLength(1)
    await b.doc.flushed()
    expect((await store.load('bord')).lastSeq).toBe(3) // applied, relayed, not stored again
    await b.doc.compact()
    const compacted = await store.load('bord')
    expect(compacted.updates).toHaveLength(1)
    expect(await keysIn(store)).toEqual(['b1', 'b2', 'van-a'])
    a.doc.destroy()
    b.doc.destroy()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads an entry that never arrived from the store once the gap has stayed open', async () => {
    // How long a gap may stay open is what this test is about, so the clock is the test's.
    vi.useFakeTimers()
    const store = new MemoryDocumentStore()
    const [a, b] = [await instance(store), await instance(store)]
    await a.write('verloren') // entry 1: its message to b is lost
    await a.write('verloren', 'overschreven') // entry 2
    const second = a.published[1]!
    // Entry 2 overwrites entry 1, which b lacks, so it builds on it: not applied; b reads both from the store.
    b.doc.applyRemote(second.update, second.seq)
    // The read it started (a call while one runs waits for it).
    await b.doc.catchUp()
    expect(b.doc.doc.getMap('m').toJSON()).toEqual({ verloren: 'overschreven' })

    // An unrelated entry with a gap before it: caught up after the wait, not at once.
    const c = await instance(store)
    await c.write('los-1') // entry 3, lost on its way to b
    await c.write('los-2') // entry 4
    const separate = new Y.Doc()
    separate.getMap('m').set('onafhankelijk', true)
    const independent = Y.encodeStateAsUpdate(separate)
    const seq = await store.append('bord', independent) // entry 5, from an instance whose earlier entries b has
    b.doc.applyRemote(independent, seq)
    expect(b.doc.doc.getMap('m').get('los-1')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(options.gapWaitMs - 1)
    expect(b.doc.doc.getMap('m').get('los-1')).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    await b.doc.catchUp()
    expect(Object.keys(b.doc.doc.getMap('m').toJSON()).sort()).toEqual(['los-1', 'los-2', 'onafhankelijk', 'verloren'])
    for (const x of [a, b, c]) x.doc.destroy()
  })
})
