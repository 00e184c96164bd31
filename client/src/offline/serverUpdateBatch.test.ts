import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { batchServerUpdates } from './serverUpdateBatch.ts'

let databases = 0
/** A database of its own per test: fake IndexedDB's databases outlive a test. */
const newDatabase = () => `server-update-batch-${++databases}`
const server = { name: 'the provider' }
const fromServer = (origin: unknown) => origin === server

/** `count` updates as the server would send them: each a sticky of another participant. */
function serverUpdates(count: number): Uint8Array[] {
  const elsewhere = new Y.Doc()
  const updates: Uint8Array[] = []
  elsewhere.on('update', (update: Uint8Array) => updates.push(update))
  for (let i = 0; i < count; i++) elsewhere.getMap('records').set(`shape:${i}`, { text: `Sticky ${i}` })
  return updates
}

afterEach(() => {
  vi.useRealTimers()
})

describe("updates from the server in the device's copy", () => {
  it('are written together once the batch delay has passed, not one database write each', async () => {
    const name = newDatabase()
    const doc = new Y.Doc()
    const persistence = new IndexeddbPersistence(name, doc)
    await persistence.whenSynced
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const batch = batchServerUpdates(doc, persistence, fromServer, 500)
    const written = persistence._dbsize

    for (const update of serverUpdates(20)) Y.applyUpdate(doc, update, server)
    expect(persistence._dbsize).toBe(written)
    vi.advanceTimersByTime(499)
    expect(persistence._dbsize).toBe(written)
    vi.advanceTimersByTime(1)
    expect(persistence._dbsize).toBe(written + 1)

    vi.useRealTimers()
    batch.cancel()
    await persistence.destroy()
    const reopened = new Y.Doc()
    await new IndexeddbPersistence(name, reopened).whenSynced
    expect(reopened.getMap('records').size).toBe(20)
  })

  it('are written when the copy closes, and what is made on this device is written at once', async () => {
    const doc = new Y.Doc()
    const persistence = new IndexeddbPersistence(newDatabase(), doc)
    await persistence.whenSynced
    const batch = batchServerUpdates(doc, persistence, fromServer, 60_000)
    const written = persistence._dbsize

    doc.getMap('records').set('shape:mine', { text: 'Van mij' })
    expect(persistence._dbsize).toBe(written + 1)
    for (const update of serverUpdates(3)) Y.applyUpdate(doc, update, server)
    expect(persistence._dbsize).toBe(written + 1)
    batch.flush()
    expect(persistence._dbsize).toBe(written + 2)
    batch.cancel()
    await persistence.destroy()
  })

  it('are dropped when the copy is deleted', async () => {
    const doc = new Y.Doc()
    const persistence = new IndexeddbPersistence(newDatabase(), doc)
    await persistence.whenSynced
    const batch = batchServerUpdates(doc, persistence, fromServer, 60_000)
    const written = persistence._dbsize
    for (const update of serverUpdates(3)) Y.applyUpdate(doc, update, server)
    batch.cancel()
    batch.flush()
    doc.getMap('records').set('shape:after', { text: 'Niet meer bewaard' })
    expect(persistence._dbsize).toBe(written)
    await persistence.destroy()
  })
})
