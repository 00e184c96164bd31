import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { testRoomOptions } from '../../test/support/roomOptions.ts'
import { MemoryDocumentStore } from '../store/memoryStore.ts'
import { PersistedDoc } from './persistedDoc.ts'
import { RelayTick } from './relayTick.ts'

describe('RelayTick', () => {
  it('relays at once on a quiet board, a tick later from the busy rate on, and at once again after a quiet second', () => {
    const tick = new RelayTick({ tickMs: 20, busyUpdatesPerSecond: 5 })
    expect([0, 10, 20, 30].map((t) => tick.delayFor(t))).toEqual([0, 0, 0, 0])
    expect(tick.delayFor(40)).toBe(20) // the fifth in this second
    expect(tick.delayFor(900)).toBe(20)
    // The next second still counts the last one's six: a board that was busy a moment ago stays busy.
    expect(tick.delayFor(1100)).toBe(20)
    // Two seconds on, the last one had one update: quiet.
    expect(tick.delayFor(2200)).toBe(0)
  })

  it('never waits with a tick of 0', () => {
    const tick = new RelayTick({ tickMs: 0, busyUpdatesPerSecond: 1 })
    expect(Array.from({ length: 10 }, () => tick.delayFor(0))).toEqual(Array(10).fill(0))
  })
})

describe('PersistedDoc with a relay tick', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  /** A board whose stored batches are recorded as the keys each one carries. */
  async function board(busyUpdatesPerSecond: number) {
    const store = new MemoryDocumentStore()
    const batches: string[][] = []
    // A receiver's copy: a client's updates build on its earlier ones, so each batch is read on top of the others.
    const received = new Y.Doc()
    const doc = new PersistedDoc(
      'bord',
      store,
      await store.load('bord'),
      { ...testRoomOptions, relayTickMs: 20, relayBusyUpdatesPerSecond: busyUpdatesPerSecond },
      {
        stored: (_frame, _sender, update) => {
          const before = new Set(received.getMap('m').keys())
          Y.applyUpdate(received, update)
          batches.push([...received.getMap('m').keys()].filter((key) => !before.has(key)).sort())
        },
        remote: () => {},
        failed: () => {},
        behind: () => {},
      },
    )
    const writer = new Y.Doc()
    const write = (key: string): void => {
      const before = Y.encodeStateVector(writer)
      writer.getMap('m').set(key, true)
      doc.apply(Y.encodeStateAsUpdate(writer, before), 'peer')
    }
    return { doc, batches, write }
  }

  /** Runs what is due after `ms` of the test's clock, and the store's answers that follow. */
  async function advance(ms: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(ms)
  }

  it('relays an update of a quiet board after the turn, without waiting for the tick', async () => {
    vi.useFakeTimers()
    const { doc, batches, write } = await board(5)
    write('a')
    await advance(0)
    expect(batches).toEqual([['a']])
    doc.destroy()
  })

  it("merges a busy board's updates of one tick into one stored and relayed update", async () => {
    vi.useFakeTimers()
    const { doc, batches, write } = await board(3)
    for (const key of ['a', 'b']) {
      write(key)
      await advance(0)
    }
    expect(batches).toEqual([['a'], ['b']])
    // From the third update of the second on, the board is busy: what comes within the tick goes together.
    for (const key of ['c', 'd', 'e']) {
      write(key)
      await advance(5)
    }
    expect(batches).toHaveLength(2)
    await advance(5)
    expect(batches).toEqual([['a'], ['b'], ['c', 'd', 'e']])
    doc.destroy()
  })
})
