import { performance } from 'node:perf_hooks'
import type { StoreMeter } from '../observability/metrics.ts'
import type { DocumentStore } from './documentStore.ts'

/**
 * `store` with its writes timed: how long appends and compactions take is the store's latency as the rooms feel
 * it (an append is a batch of a room's updates, see `PersistedDoc`). Reads and deletes pass through untimed.
 */
export function meteredStore(store: DocumentStore, meter: StoreMeter): DocumentStore {
  return {
    load: (room) => store.load(room),
    loadSince: (room, afterSeq) => store.loadSince(room, afterSeq),
    delete: (room) => store.delete(room),
    ping: () => store.ping(),
    close: () => store.close(),
    async append(room, update) {
      const started = performance.now()
      const seq = await store.append(room, update)
      meter.wrote('append', (performance.now() - started) / 1000, 1)
      return seq
    },
    async compact(room, snapshot, throughSeq) {
      const started = performance.now()
      await store.compact(room, snapshot, throughSeq)
      meter.wrote('compact', (performance.now() - started) / 1000, 0)
    },
  }
}
