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
 * Costs a walk over the doc's structs; it only runs for read-only connections' sync step 2 (once per connect).
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
      const end = item.clock + item.len
      if (!runs.some((run) => run.clock <= item.clock && end <= run.clock + run.len)) return false
    }
  }
  return true
}
