import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { SqliteDocumentStore } from '../src/store/sqliteStore.ts'
import { documentStoreContract } from './documentStore.contract.ts'
import { temporaryDataDir } from './support/serverProcess.ts'

documentStoreContract('SqliteDocumentStore', () => {
  const dir = temporaryDataDir()
  return {
    store: new SqliteDocumentStore(dir.path),
    reopen: () => new SqliteDocumentStore(dir.path),
    cleanup: () => dir.remove(),
  }
})

describe('SqliteDocumentStore group commit', () => {
  it('writes the appends of one event-loop turn, from every room, in one transaction', async () => {
    const dir = temporaryDataDir()
    const store = new SqliteDocumentStore(dir.path)
    await store.append('warm-up', Uint8Array.from([0]))
    const walFrames = () => {
      const probe = new DatabaseSync(join(dir.path, 'werkplaats.sqlite'))
      const row = probe.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as { log: number }
      probe.close()
      return row.log
    }
    // Start from an empty WAL so the frames counted below are this batch's.
    const probe = new DatabaseSync(join(dir.path, 'werkplaats.sqlite'))
    probe.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    probe.close()

    const appends: Array<Promise<number>> = []
    for (let i = 0; i < 200; i++) appends.push(store.append(`room-${i % 4}`, new Uint8Array(300).fill(i)))
    const seqs = await Promise.all(appends)
    // One transaction touches a handful of pages; one per append would write at least 200 frames.
    expect(walFrames()).toBeLessThan(40)
    expect(new Set(seqs).size).toBe(50)
    for (let r = 0; r < 4; r++) expect((await store.load(`room-${r}`)).updates).toHaveLength(50)
    await store.close()
    dir.remove()
  })

  it('commits what is still pending when closed', async () => {
    const dir = temporaryDataDir()
    const store = new SqliteDocumentStore(dir.path)
    const pending = store.append('r', Uint8Array.from([1, 2, 3]))
    await store.close()
    expect(await pending).toBe(1)
    const reopened = new SqliteDocumentStore(dir.path)
    expect((await reopened.load('r')).updates).toHaveLength(1)
    await reopened.close()
    dir.remove()
  })
})
