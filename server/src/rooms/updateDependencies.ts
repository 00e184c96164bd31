import * as Y from 'yjs'

/**
 * Why an update cannot be integrated into `doc` as it stands, or undefined when it can.
 *
 * Yjs keeps an update that builds on data it does not have as "pending": it is never stored, it is sent to every
 * newcomer, and each further one makes applying slower (quadratic in the number of them). A stock client never
 * sends one: it only builds on what it received from the server. So the room refuses such an update before it
 * is applied. An update depends on
 * - each of its clients' structs continuing that client's clock where the document (or an earlier struct of the
 *   same update) left it, with no gap;
 * - the items it names as origin, right origin or parent, which must be in the document or in the update;
 * - the items it deletes, likewise.
 * These are the checks Yjs itself makes when it decides what to put aside (`Item.getMissing`, the delete set's
 * `readAndApplyDeleteSet`), made on the decoded update instead of the document.
 */
export function missingDependency(update: Uint8Array, doc: Y.Doc): string | undefined {
  const { structs, ds } = Y.decodeUpdate(update)
  /** The clock up to which each client's structs are known: the document's, extended by this update's. */
  const known = new Map<number, number>()
  const knownUpTo = (client: number) => known.get(client) ?? Y.getState(doc.store, client)
  for (const struct of structs) {
    // A skip marks a gap in a merged update; the structs after it are checked against what precedes them.
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    const upTo = knownUpTo(client)
    if (clock > upTo) return `it continues client ${client} at clock ${clock}, the board has up to ${upTo}`
    known.set(client, Math.max(upTo, clock + struct.length))
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    const parent = struct.parent instanceof Y.ID ? struct.parent : null
    for (const id of [struct.origin, struct.rightOrigin, parent]) {
      if (id && id.clock >= knownUpTo(id.client))
        return `it refers to client ${id.client} clock ${id.clock}, which the board does not have`
    }
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      if (clock + len > knownUpTo(client))
        return `it deletes client ${client} clock ${clock}, which the board does not have`
    }
  }
  return undefined
}
