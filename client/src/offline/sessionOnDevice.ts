import type { SessionView } from '@werkplaats/shared'
import { atom, computed, react, type Signal } from 'tldraw'
import { clearDocument } from 'y-indexeddb'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { safeLocalStorage } from '../storage/localStore.ts'
import { keepsRoomLocally, roomsKeptLocally } from './keepRules.ts'
import { keepLocally, type LocalCopy } from './localCopy.ts'
import { localKeysOfSession, localRoomKey } from './localRoomKeys.ts'
import { sessionViewCache } from './sessionViewCache.ts'

/** What opens a room's local copy, for the code that opens rooms (the board, private writing). */
export interface LocalKeeper {
  /** The room's copy on this device, or null when this person keeps nothing of it (see `keepRules.ts`). */
  keep(room: string, doc: Y.Doc, provider: WebsocketProvider): LocalCopy | null
}

/**
 * What the connection banner says about sending:
 * - 'quiet': nothing was waiting during this visit;
 * - 'waiting': `count` changes are kept on this device and not yet stored on the server;
 * - 'sent': everything that waited is stored on the server ("Alles is verstuurd").
 */
export type SendingState = { kind: 'quiet' } | { kind: 'waiting'; count: number } | { kind: 'sent' }

/** The views cached for offline reloads, in the browser's localStorage. */
export const offlineViews = sessionViewCache(safeLocalStorage())

/**
 * A session as this device keeps it while its board is open: the local copies of the rooms this person writes to,
 * how many of their changes wait, and forgetting it all.
 */
export class SessionOnDevice implements LocalKeeper {
  readonly #view: SessionView
  readonly #copies = atom<readonly LocalCopy[]>('local copies', [])
  readonly #waited = atom('changes waited', false)
  readonly #pending: Signal<number>
  readonly #stopWatching: () => void
  /** Set once the board is shown from this device's copy, before (or without) the server's answer. */
  readonly shownFromDevice = atom('shown from device', false)

  constructor(view: SessionView) {
    this.#view = view
    offlineViews.remember(view)
    this.#pending = computed('pending changes', () =>
      this.#copies.get().reduce((sum, copy) => sum + copy.pending.get(), 0),
    )
    this.#stopWatching = react('changes waited', () => {
      if (this.#pending.get() > 0) this.#waited.set(true)
    })
  }

  readonly sending: Signal<SendingState> = computed('sending', () => {
    const count = this.#pending.get()
    if (count > 0) return { kind: 'waiting', count }
    return this.#waited.get() ? { kind: 'sent' } : { kind: 'quiet' }
  })

  keep(room: string, doc: Y.Doc, provider: WebsocketProvider): LocalCopy | null {
    const { id, role, participantId } = this.#view
    if (!keepsRoomLocally(id, role, participantId ?? null, room)) return null
    const copy = keepLocally(localRoomKey(id, room), doc, provider)
    this.#copies.update((copies) => [...copies, copy])
    const dispose = () => {
      this.#copies.update((copies) => copies.filter((kept) => kept !== copy))
      copy.dispose()
    }
    return { ...copy, dispose }
  }

  /** Everything of this session on this device goes: the open copies, any other kept room, the cached view. */
  async forget(): Promise<void> {
    const open = this.#copies.get()
    this.#copies.set([])
    await Promise.all(open.map((copy) => copy.clear()))
    const { id, role, participantId } = this.#view
    await forgetSessionOnDevice(id, roomsKeptLocally(id, role, participantId ?? null))
  }

  dispose(): void {
    this.#stopWatching()
  }
}

/**
 * Deletes what this device keeps of a session, open or not: the rooms it would keep, and whatever else the
 * browser lists under the session's key (a private room of an earlier visit). Browsers that cannot list their
 * databases still lose the named ones. A database still open elsewhere (another tab) goes when that tab closes.
 */
export async function forgetSessionOnDevice(sessionId: string, rooms: readonly string[] = []): Promise<void> {
  offlineViews.forget(sessionId)
  const names = new Set(rooms.map((room) => localRoomKey(sessionId, room)))
  try {
    const listed = await indexedDB.databases()
    for (const name of localKeysOfSession(
      listed.flatMap((database) => (database.name ? [database.name] : [])),
      sessionId,
    ))
      names.add(name)
  } catch {
    // No listing in this browser, or no IndexedDB at all: the named rooms are all we can reach.
  }
  await Promise.all([...names].map((name) => clearDocument(name).catch(() => undefined)))
}
