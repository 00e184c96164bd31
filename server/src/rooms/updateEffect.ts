import * as Y from 'yjs'

/**
 * Whether applying `update` to `doc` would change nothing: every struct it carries is already in the doc, and
 * everything it deletes is already deleted.
 *
 * Why it is needed: a read-only connection (an observer, or a participant in the control room) answers the
 * server's sync step 1 with a sync step 2 like every stock y-websocket client. When it has nothing new, that
 * answer is not empty bytes: Yjs puts the sender's whole delete set in it. Such an answer is not a write and
 * must not close the connection; anything that would change the doc is.
 *
 * Costs one walk over the doc's structs and a binary search per deleted range the update names; it runs only
 * for a read-only connection's sync step 2, and the room lets each connection send that once (see `Room`).
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (clock > (known.get(client) ?? 0)) return false
  }
  const { ds } = Y.decodeUpdate(update)
  if (ds.clients.size === 0) return true
  const deleted = Y.createDeleteSetFromStructStore(doc.store)
  for (const [client, items] of ds.clients) {
    // Maximal runs of deleted structs, in clock order: a range already deleted lies inside one of them.
    const runs = deleted.clients.get(client) ?? []
    for (const item of items) {
      if (item.len === 0) continue
      const run = runs[lastRunStartingAtOrBefore(runs, item.clock)]
      if (!run || item.clock + item.len > run.clock + run.len) return false
    }
  }
  return true
}

/** Index of the last run whose clock is at or before `clock`, or -1: runs are sorted by clock and do not overlap. */
function lastRunStartingAtOrBefore(runs: ReadonlyArray<{ clock: number }>, clock: number): number {
  let low = 0
  let high = runs.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if ((runs[middle] as { clock: number }).clock <= clock) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found
}
