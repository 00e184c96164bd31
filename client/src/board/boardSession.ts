import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Atom,
  type Signal,
  type TLStore,
  type TLUserPreferences,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { templateShapeUtils } from './shapes/templateShapes.ts'
import {
  connectToRoom,
  type ConnectionState,
  type RefusalReason,
  type RoomConnection,
} from '../connection/roomConnection.ts'
import type { LocalCopy } from '../offline/localCopy.ts'
import type { LocalKeeper } from '../offline/sessionOnDevice.ts'
import { watchOnlineIdentities } from '../participants/onlineIdentities.ts'
import type { OnlineIdentity } from '../participants/roster.ts'
import { bindPresence, type PresenceNames } from '../presence/presenceBinding.ts'
import { isBoardLaneRecord } from '../facilitation/privateRecords.ts'
import { BoardLoadError, bindStoreToDoc, type BoardLoadFailure, type StoreBinding } from './storeBinding.ts'

export type BoardPhase =
  { kind: 'loading' } | { kind: 'ready'; store: TLStore } | { kind: 'failed'; reason: BoardLoadFailure }

export interface BoardSessionOptions {
  /** The board room's name (`<sessionId>-board`). */
  room: string
  /** This browser's token for the session: the server decides from it who we are and what we may do. */
  token: string
  /** An observer's board: the store binding writes nothing to the document (the server would close us). */
  readOnly: boolean
  /** Our name, and what to call those the server knows by role only. */
  names: PresenceNames
  preferences: Signal<TLUserPreferences>
  firstPageName: string
  /** Keeps the board on this device, when this person keeps it (see `offline/keepRules.ts`). */
  keeper?: LocalKeeper
  /** The board was shown from this device's copy before the server answered. */
  onShownFromDevice?: () => void
}

/**
 * One open board: its Yjs document, the connection to the session's board room, the tldraw store bound to
 * both, presence, and who is online (the server-stamped identities in the room's awareness).
 * The board is shown only after the first sync with the server ('loading' until then), so an existing board
 * is never mistaken for an empty one and seeded a second time.
 */
export class BoardSession {
  readonly phase: Atom<BoardPhase> = atom('board phase', { kind: 'loading' })
  private readonly doc = new Y.Doc()
  // The template layer's shapes are known on every board (blank ones too), so every client reads the same schema.
  private readonly store = createTLStore({
    shapeUtils: [...defaultShapeUtils, ...templateShapeUtils],
    bindingUtils: defaultBindingUtils,
  })
  private readonly connection: RoomConnection
  private readonly local: LocalCopy | null
  private binding: StoreBinding | null = null
  private stopPresence: (() => void) | null = null
  private readonly online: { identities: Signal<OnlineIdentity[]>; stop(): void }
  private disposed = false
  private readonly options: BoardSessionOptions

  constructor(options: BoardSessionOptions) {
    this.options = options
    this.connection = connectToRoom(options.room, this.doc, options.token)
    this.connection.provider.on('sync', this.onSync)
    this.online = watchOnlineIdentities(this.connection.provider.awareness)
    this.local = options.keeper?.keep(options.room, this.doc, this.connection.provider) ?? null
    // A copy that once held the server's board may be shown as it is, offline too: it is no empty board to seed.
    void this.local?.loaded.then((heldServerBoard) => {
      if (!heldServerBoard || this.binding || this.disposed) return
      this.onSync(true)
      if (this.binding) options.onShownFromDevice?.()
    })
  }

  get connectionState(): Signal<ConnectionState> {
    return this.connection.state
  }

  get refusal(): Signal<RefusalReason | null> {
    return this.connection.refusal
  }

  /** The board room's document: the action plan lives there beside tldraw's records. */
  get document(): Y.Doc {
    return this.doc
  }

  /** The board room's awareness: presence, with each person's viewport (facilitation reads who is where). */
  get awareness(): Awareness {
    return this.connection.provider.awareness
  }

  get onlineIdentities(): Signal<OnlineIdentity[]> {
    return this.online.identities
  }

  private readonly onSync = (isSynced: boolean) => {
    if (!isSynced || this.binding || this.disposed) return
    // Later syncs (after a reconnect) need nothing from us: Yjs merges, the binding applies what changed.
    this.connection.provider.off('sync', this.onSync)
    try {
      this.binding = bindStoreToDoc(this.store, this.doc, {
        firstPageName: this.options.firstPageName,
        onSchemaTooNew: () => this.fail('too-new'),
        readOnly: this.options.readOnly,
        // Private stickies live in their writers' private rooms (facilitation/privateWriting.ts), never here.
        lane: isBoardLaneRecord,
      })
    } catch (error) {
      console.warn('Werkplaats: the board could not be loaded', error)
      this.fail(error instanceof BoardLoadError ? error.reason : 'unreadable')
      return
    }
    this.stopPresence = bindPresence(
      this.store,
      this.connection.provider.awareness,
      this.options.preferences,
      this.options.names,
    )
    this.phase.set({ kind: 'ready', store: this.store })
  }

  private fail(reason: BoardLoadFailure): void {
    this.phase.set({ kind: 'failed', reason })
    this.teardown()
  }

  private teardown(): void {
    this.connection.provider.off('sync', this.onSync)
    this.stopPresence?.()
    this.stopPresence = null
    this.binding?.dispose()
    this.binding = null
  }

  dispose(): void {
    if (this.disposed) return
    this.disposed = true
    this.teardown()
    this.online.stop()
    this.local?.dispose()
    this.connection.dispose()
    this.doc.destroy()
  }
}
