import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { atom, type Signal } from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import { messageYjsSyncStep1, messageYjsSyncStep2, writeSyncStep1 } from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { PendingChanges, SyncReceipts } from './pendingChanges.ts'
import { batchServerUpdates } from './serverUpdateBatch.ts'

/**
 * One room kept in this browser's IndexedDB (y-indexeddb), so that what is written offline survives a closed tab,
 * a reload and a crash, and is merged when the room connects again: the stock provider sends the server whatever
 * its state vector lacks, the stored offline edits included.
 *
 * "Stored on the server" is read from the y-websocket handshake itself. The server answers each sync step 1 with
 * a sync step 2 only once everything it received before that step 1 is stored (the server's `Room.receive`), and
 * answers in order. So after our changes have gone out — after the provider has answered the server's own step 1
 * on this connection, which carries everything made offline — we send a step 1 of our own; its answer is the
 * receipt for every change made before it was sent. No new message kind, nothing the server must learn.
 */
export interface LocalCopy {
  /**
   * Resolves once the stored copy is in the document: true when it holds the room as the server once sent it
   * (so it may be shown before the server answers, as it was), false when there is none.
   */
  readonly loaded: Promise<boolean>
  /** Changes made on this device that the server has not confirmed stored (restored across reloads). */
  readonly pending: Signal<number>
  /** Deletes the stored copy and stops keeping it: the session is deleted, the person removed or forgetting. */
  clear(): Promise<void>
  dispose(): void
}

const MESSAGE_SYNC = 0
/** Meta entries beside the room's updates in its database. */
const SYNCED_ONCE = 'synced-once'
const PENDING_KEYS = 'pending'
/** A burst of typing asks for one receipt, not one per keystroke. */
const RECEIPT_DELAY_MS = 250

type SyncHandler = WebsocketProvider['messageHandlers'][number]
/** A Yjs shared type as the document holds it (`doc.share`'s values). */
type SharedType = Y.Doc['share'] extends Map<string, infer T> ? T : never

export function keepLocally(databaseName: string, doc: Y.Doc, provider: WebsocketProvider): LocalCopy {
  const persistence = new IndexeddbPersistence(databaseName, doc)
  // The provider applies what the server sends with itself as the origin.
  const serverUpdates = batchServerUpdates(doc, persistence, (origin) => origin === provider)
  const changes = new PendingChanges()
  const receipts = new SyncReceipts()
  const pending = atom('pending changes', 0)
  let serverAsked = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  const store = (key: string, value: string | number) => {
    // A write that fails (storage full, the database deleted under us) loses only the count, never an edit.
    if (!stopped) persistence.set(key, value).catch(() => undefined)
  }
  const changed = () => {
    pending.set(changes.count)
    store(PENDING_KEYS, JSON.stringify(changes.keys()))
  }

  const askForReceipt = () => {
    timer = null
    if (stopped || !provider.wsconnected || !serverAsked || changes.count === 0) return
    const mark = changes.mark()
    if (receipts.covers(mark)) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    writeSyncStep1(encoder, doc)
    try {
      provider.ws?.send(encoding.toUint8Array(encoder))
    } catch {
      return // the socket closed meanwhile: the next connection asks again
    }
    receipts.asked(mark)
  }
  const askSoon = () => {
    timer ??= setTimeout(askForReceipt, RECEIPT_DELAY_MS)
  }

  const onTransaction = (transaction: Y.Transaction) => {
    if (!transaction.local) return
    const keys = changedKeys(doc, transaction)
    if (keys.length === 0) return
    changes.note(keys)
    changed()
    askSoon()
  }
  doc.on('afterTransaction', onTransaction)

  const onStatus = ({ status }: { status: string }) => {
    serverAsked = false
    if (status === 'connected') receipts.opened()
    else receipts.closed()
  }
  const onSync = (synced: boolean) => {
    if (!synced) return
    // "Holds the room as the server sent it" is true only once what the server sent is written too.
    serverUpdates.flush()
    store(SYNCED_ONCE, 1)
  }
  provider.on('status', onStatus)
  provider.on('sync', onSync)

  const handleSync: SyncHandler | undefined = provider.messageHandlers[MESSAGE_SYNC]
  const watchSync: SyncHandler = (encoder, decoder, ...rest) => {
    const step = decoding.peekVarUint(decoder)
    handleSync?.(encoder, decoder, ...rest)
    if (step === messageYjsSyncStep1) {
      // The provider sends its answer (with everything made offline) when this handler returns; ask after it.
      serverAsked = true
      askSoon()
    } else if (step === messageYjsSyncStep2) {
      const mark = receipts.answered()
      if (mark !== null && changes.confirm(mark)) changed()
    }
  }
  provider.messageHandlers[MESSAGE_SYNC] = watchSync

  const loaded = persistence.whenSynced.then(async () => {
    changes.note(pendingKeysOf(await persistence.get(PENDING_KEYS)))
    pending.set(changes.count)
    askSoon()
    return (await persistence.get(SYNCED_ONCE)) === 1
  })

  const stop = () => {
    if (stopped) return false
    stopped = true
    if (timer) clearTimeout(timer)
    doc.off('afterTransaction', onTransaction)
    provider.off('status', onStatus)
    provider.off('sync', onSync)
    if (provider.messageHandlers[MESSAGE_SYNC] === watchSync && handleSync) {
      provider.messageHandlers[MESSAGE_SYNC] = handleSync
    }
    return true
  }

  return {
    loaded,
    pending,
    async clear() {
      stop()
      serverUpdates.cancel()
      pending.set(0)
      await persistence.clearData()
    },
    dispose() {
      if (!stop()) return
      serverUpdates.flush()
      serverUpdates.cancel()
      void persistence.destroy()
    },
  }
}

/**
 * What a local transaction changed, one key per thing: an entry of a top-level map (a board record), or a
 * top-level sequence as a whole. A change deep inside an entry counts for that entry.
 */
export function changedKeys(doc: Y.Doc, transaction: Y.Transaction): string[] {
  const names = new Map<SharedType, string>()
  for (const [name, type] of doc.share) names.set(type, name)
  const keys = new Set<string>()
  for (const [type, subs] of transaction.changed) {
    let root: SharedType = type
    let entry: string | null = null
    while (root._item) {
      entry = root._item.parentSub ?? entry
      root = root._item.parent as SharedType
    }
    const name = names.get(root)
    if (name === undefined) continue
    if (root !== type) keys.add(`${name}/${entry ?? '*'}`)
    else for (const sub of subs) keys.add(`${name}/${sub ?? '*'}`)
  }
  return [...keys]
}

function pendingKeysOf(stored: unknown): string[] {
  if (typeof stored !== 'string') return []
  try {
    const keys: unknown = JSON.parse(stored)
    return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : []
  } catch {
    return []
  }
}
