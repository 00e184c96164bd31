import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

/** How long updates from the server wait to be written to the device's copy together. */
export const SERVER_UPDATE_BATCH_MS = 500

export interface ServerUpdateBatch {
  /** Writes what waits now (the copy is being closed). */
  flush(): void
  /** Stops batching and drops what waits (the copy is being deleted). */
  cancel(): void
}

/**
 * Takes over y-indexeddb's writing of the document's updates so that updates from the server are written to
 * IndexedDB together, at most every `delayMs`, merged into one, instead of in one IndexedDB transaction each: on a
 * busy board, other participants' edits arrive a hundred times a second, and each one cost the page a database
 * transaction (and counted towards y-indexeddb's compaction every 500 stored updates).
 *
 * Updates from the server exist on the server: if the tab closes before they are written, the next connection
 * sends them again. What is made on this device may exist nowhere else yet, so it is written at once, as before.
 */
export function batchServerUpdates(
  doc: Y.Doc,
  persistence: IndexeddbPersistence,
  isFromServer: (origin: unknown) => boolean,
  delayMs = SERVER_UPDATE_BATCH_MS,
): ServerUpdateBatch {
  let waiting: Uint8Array[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  const flush = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (waiting.length === 0) return
    const update = waiting.length === 1 ? waiting[0] : Y.mergeUpdates(waiting)
    waiting = []
    if (update) persistence._storeUpdate(update, null)
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (!isFromServer(origin)) {
      persistence._storeUpdate(update, origin)
      return
    }
    waiting.push(update)
    timer ??= setTimeout(flush, delayMs)
  }

  doc.off('update', persistence._storeUpdate)
  doc.on('update', onUpdate)
  return {
    flush,
    cancel() {
      doc.off('update', onUpdate)
      if (timer !== null) clearTimeout(timer)
      timer = null
      waiting = []
    },
  }
}
