import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentStore } from '../src/store/documentStore.ts'

/**
 * What every DocumentStore must do, whatever engine is behind it. Each adapter's test calls this with a
 * factory that gives a fresh store and, for a durable store, a way to open it again on the same data (a store
 * that keeps nothing past `close`, such as the memory store, has none and skips that case).
 */
export function documentStoreContract(
  name: string,
  open: () => { store: DocumentStore; reopen?: () => DocumentStore; cleanup(): void },
): void {
  describe(`${name} (DocumentStore contract)`, () => {
    let handle: ReturnType<typeof open>
    let store: DocumentStore
    beforeEach(() => {
      handle = open()
      store = handle.store
    })
    afterEach(async () => {
      await store.close()
      handle.cleanup()
    })

    it('deletes a room, and only that room', async () => {
      await store.append('weg', Uint8Array.from([1]))
      await store.append('blijft', Uint8Array.from([2]))
      await store.delete('weg')
      expect(await store.load('weg')).toEqual({ updates: [], lastSeq: 0, bytes: 0 })
      expect((await store.load('blijft')).updates).toEqual([Uint8Array.from([2])])
    })

    it('loads an unknown room as empty', async () => {
      expect(await store.load('nieuw')).toEqual({ updates: [], lastSeq: 0, bytes: 0 })
    })

    it('returns appended updates in order with increasing sequence numbers, per room', async () => {
      const first = await store.append('a', Uint8Array.from([1, 2]))
      const second = await store.append('a', Uint8Array.from([3]))
      await store.append('b', Uint8Array.from([9]))
      expect(second).toBeGreaterThan(first)
      const loaded = await store.load('a')
      expect(loaded.updates.map((u) => [...u])).toEqual([[1, 2], [3]])
      expect(loaded.lastSeq).toBe(second)
      expect(loaded.bytes).toBe(3)
      expect((await store.load('b')).updates.map((u) => [...u])).toEqual([[9]])
    })

    it('keeps what was appended across a reopen', async (context) => {
      if (!handle.reopen) return context.skip('this store keeps nothing past close')
      await store.append('a', Uint8Array.from([7]))
      await store.close()
      store = handle.reopen()
      expect((await store.load('a')).updates.map((u) => [...u])).toEqual([[7]])
    })

    it('refuses an append after close', async () => {
      await store.close()
      await expect(store.append('a', Uint8Array.from([1]))).rejects.toThrow()
    })

    it('keeps appends made while a compaction is being written, in order after the snapshot', async () => {
      const doc = new Y.Doc()
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      for (let i = 0; i < 6; i++) doc.getMap('m').set(`k${i}`, i)
      let through = 0
      for (const u of updates.slice(0, 3)) through = await store.append('r', u)
      const snapshotDoc = new Y.Doc()
      for (const u of updates.slice(0, 3)) Y.applyUpdate(snapshotDoc, u)
      // Compaction and appends started in the same turn, as a room does when a batch lands mid-compaction.
      const compaction = store.compact('r', Y.encodeStateAsUpdate(snapshotDoc), through)
      const appends = updates.slice(3).map((u) => store.append('r', u))
      const [, ...seqs] = await Promise.all([compaction, ...appends])
      expect(seqs.every((seq, i) => seq > through && (i === 0 || seq > (seqs[i - 1] as number)))).toBe(true)
      const loaded = await store.load('r')
      expect(loaded.updates).toHaveLength(4)
      const restored = new Y.Doc()
      for (const u of loaded.updates) Y.applyUpdate(restored, u)
      expect(restored.getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5 })
    })

    it('compaction replaces the covered entries with the snapshot and keeps later ones', async () => {
      const doc = new Y.Doc()
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      for (let i = 0; i < 5; i++) doc.getMap('m').set(`k${i}`, i)
      let through = 0
      for (const u of updates.slice(0, 3)) through = await store.append('r', u)
      const snapshotDoc = new Y.Doc()
      for (const u of updates.slice(0, 3)) Y.applyUpdate(snapshotDoc, u)
      for (const u of updates.slice(3)) await store.append('r', u)
      await store.compact('r', Y.encodeStateAsUpdate(snapshotDoc), through)
      const loaded = await store.load('r')
      expect(loaded.updates).toHaveLength(3)
      const restored = new Y.Doc()
      for (const u of loaded.updates) Y.applyUpdate(restored, u)
      expect(restored.getMap('m').toJSON()).toEqual({ k0: 0, k1: 1, k2: 2, k3: 3, k4: 4 })
      // Later appends still sort after the snapshot.
      const next = await store.append('r', Uint8Array.from([0]))
      expect(next).toBeGreaterThan(loaded.lastSeq)
    })
  })
}
