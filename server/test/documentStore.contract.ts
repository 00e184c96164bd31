import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type DocumentStore, RoomDeletedError } from '../src/store/documentStore.ts'

type MaybePromise<T> = T | Promise<T>

/**
 * What every DocumentStore must do, whatever engine is behind it. Each adapter's test calls this with a
 * factory that gives a fresh store and, for a durable store, a way to open it again on the same data (a store
 * that keeps nothing past `close`, such as the memory store, has none and skips that case). `reopen` is also how
 * the tests open a second store on the same data while the first is open, as a second server instance does.
 */
export function documentStoreContract(
  name: string,
  open: () => MaybePromise<{
    store: DocumentStore
    reopen?: () => MaybePromise<DocumentStore>
    cleanup(): MaybePromise<void>
  }>,
): void {
  describe(`${name} (DocumentStore contract)`, () => {
    let handle: Awaited<ReturnType<typeof open>>
    let store: DocumentStore
    const others: DocumentStore[] = []
    beforeEach(async () => {
      handle = await open()
      store = handle.store
    })
    afterEach(async () => {
      for (const other of others.splice(0)) await other.close()
      await store.close()
      await handle.cleanup()
    })
    it('answers a ping while open and refuses one once closed (readiness)', async () => {
      await expect(store.ping()).resolves.toBeUndefined()
      await store.close()
      await expect(store.ping()).rejects.toThrow(/closed/)
    })

    /** A second store on the same data, as another instance has; undefined for a store that cannot have one. */
    async function another(): Promise<DocumentStore | undefined> {
      if (!handle.reopen) return undefined
      const other = await handle.reopen()
      others.push(other)
      return other
    }

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
      store = await handle.reopen()
      expect((await store.load('a')).updates.map((u) => [...u])).toEqual([[7]])
    })

    it("numbers each room's entries 1, 2, 3, …, whatever other rooms do", async () => {
      expect(await store.append('a', Uint8Array.from([1]))).toBe(1)
      expect(await store.append('b', Uint8Array.from([1]))).toBe(1)
      expect(await store.append('a', Uint8Array.from([2]))).toBe(2)
      expect(await Promise.all([3, 4, 5].map((i) => store.append('a', Uint8Array.from([i]))))).toEqual([3, 4, 5])
    })

    it('refuses appends and compactions of a deleted room for good, from every instance, and keeps nothing of them', async () => {
      const empty = { updates: [], lastSeq: 0, bytes: 0 }
      await store.append('weg', Uint8Array.from([1]))
      await store.delete('weg')
      // An instance that missed the deletion keeps writing, then unloads the room with a snapshot.
      const instances = [store, (await another()) ?? store]
      for (const instance of instances) {
        await expect(instance.append('weg', Uint8Array.from([2]))).rejects.toThrow(RoomDeletedError)
        await expect(instance.compact('weg', Uint8Array.from([9, 9]), 1)).rejects.toThrow(RoomDeletedError)
        expect(await instance.load('weg')).toEqual(empty)
      }
      // Deleting again changes nothing; a room deleted before anything was stored is refused as well.
      await store.delete('weg')
      await store.delete('nooit')
      await expect(store.append('nooit', Uint8Array.from([1]))).rejects.toThrow(RoomDeletedError)
      expect(await store.load('nooit')).toEqual(empty)
      // Other rooms, and those appended to in the same batch, are not affected.
      const [refused, kept] = await Promise.allSettled([
        store.append('weg', Uint8Array.from([3])),
        store.append('blijft', Uint8Array.from([4])),
      ])
      expect(refused.status).toBe('rejected')
      expect(kept).toEqual({ status: 'fulfilled', value: 1 })
    })

    it('removes appends that race a delete, or refuses them: none outlives it', async () => {
      const other = (await another()) ?? store
      await store.append('r', Uint8Array.from([0]))
      const appends = Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? store : other).append('r', Uint8Array.from([i + 1])),
      )
      const deletion = store.delete('r')
      const settled = await Promise.allSettled([...appends, deletion])
      expect(settled.at(-1)?.status).toBe('fulfilled')
      for (const outcome of settled.slice(0, -1)) {
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(RoomDeletedError)
      }
      expect(await store.load('r')).toEqual({ updates: [], lastSeq: 0, bytes: 0 })
      expect(await other.load('r')).toEqual({ updates: [], lastSeq: 0, bytes: 0 })
    })

    it('loads what is newer than a sequence number, with a snapshot standing in for what it covers', async () => {
      for (let i = 1; i <= 5; i++) await store.append('r', Uint8Array.from([i]))
      expect(await store.loadSince('r', 3)).toEqual({
        updates: [Uint8Array.from([4]), Uint8Array.from([5])],
        lastSeq: 5,
        bytes: 2,
      })
      expect(await store.loadSince('r', 5)).toEqual({ updates: [], lastSeq: 5, bytes: 0 })
      expect(await store.loadSince('nieuw', 0)).toEqual({ updates: [], lastSeq: 0, bytes: 0 })
      await store.compact('r', Uint8Array.from([9, 9]), 4)
      // Entry 3 is gone into the snapshot (seq 4): someone who had 2 gets the snapshot and what followed.
      expect(await store.loadSince('r', 2)).toEqual({
        updates: [Uint8Array.from([9, 9]), Uint8Array.from([5])],
        lastSeq: 5,
        bytes: 3,
      })
      expect((await store.loadSince('r', 4)).updates).toEqual([Uint8Array.from([5])])
    })

    it('numbers appends from two instances on one database contiguously, in one order both see', async (context) => {
      const other = await another()
      if (!other) return context.skip('this store cannot be opened twice')
      const appends: Array<Promise<number>> = []
      for (let i = 0; i < 60; i++) appends.push((i % 2 ? store : other).append('r', Uint8Array.from([i])))
      const seqs = await Promise.all(appends)
      expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
      const [mine, theirs] = [await store.load('r'), await other.load('r')]
      expect(mine).toEqual(theirs)
      expect(mine.lastSeq).toBe(60)
      // Each update sits under the number its append answered.
      const bySeq = new Map(seqs.map((seq, i) => [seq, i]))
      expect(mine.updates.map((u) => u[0])).toEqual(Array.from({ length: 60 }, (_, i) => bySeq.get(i + 1)))
    })

    it('keeps what another instance appends while one compacts, and a late compaction loses nothing', async (context) => {
      const other = await another()
      if (!other) return context.skip('this store cannot be opened twice')
      const doc = new Y.Doc()
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      for (let i = 0; i < 40; i++) doc.getMap('m').set(`k${i}`, i)
      let through = 0
      for (const u of updates.slice(0, 10)) through = await store.append('r', u)
      const covered = new Y.Doc()
      for (const u of updates.slice(0, 10)) Y.applyUpdate(covered, u)
      // One instance compacts what it has while the other keeps appending.
      const compaction = store.compact('r', Y.encodeStateAsUpdate(covered), through)
      const appended = Promise.all(updates.slice(10, 30).map((u) => other.append('r', u)))
      await Promise.all([compaction, appended])
      // The other instance, which has everything through 30, compacts; then the first one, late, through 10 again.
      const all = new Y.Doc()
      for (const u of updates.slice(0, 30)) Y.applyUpdate(all, u)
      await other.compact('r', Y.encodeStateAsUpdate(all), 30)
      await store.compact('r', Y.encodeStateAsUpdate(covered), through)
      for (const u of updates.slice(30)) await store.append('r', u)
      const restored = new Y.Doc()
      for (const u of (await other.load('r')).updates) Y.applyUpdate(restored, u)
      expect(Object.keys(restored.getMap('m').toJSON())).toHaveLength(40)
      expect((await store.load('r')).lastSeq).toBe(40)
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
