import type { CursorSetting, Participant } from '@werkplaats/shared'
import {
  atom,
  computed,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Atom,
  type Editor,
  type Signal,
  type TLStore,
  type TLUserPreferences,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { ActionPlanBoard } from '../actionPlan/actionPlanBoard.ts'
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
import { bindPresence, type CrowdView, type PresenceBinding, type PresenceNames } from '../presence/presenceBinding.ts'
import type { Facilitation } from '../facilitation/facilitation.ts'
import { isBoardLaneRecord } from '../privateWriting/privateRecords.ts'
import { startPrivateWriting } from '../privateWriting/privateWriting.ts'
import {
  BoardLoadError,
  bindStoreToDoc,
  type BoardLoadFailure,
  type StoreBinding,
} from '../storeBinding/storeBinding.ts'
import { steerView, type ViewSteering } from '../viewSteering/viewSteering.ts'

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
  sessionId: string
  /** The session's facilitation (the control room's state, our role): what steering and private writing follow. */
  facilitation: Facilitation
  /** Everyone the server admitted (the control room's list): the facilitator opens their private rooms. */
  people: Signal<readonly Participant[]>
  /** Keeps the board and one's own private room on this device, when this person keeps them (see `offline/keepRules.ts`). */
  keeper?: LocalKeeper | null
  /** The board was shown from this device's copy before the server answered. */
  onShownFromDevice?: () => void
}

/**
 * One open board: its Yjs document, the connection to the session's board room, the tldraw store bound to
 * both, presence, and who is online (the server-stamped identities in the room's awareness). Once the editor
 * is there (`attachEditor`), also what lives as long as the board and needs it: the view steering of a
 * participant's or observer's view, and private writing's rooms. Components only read these.
 * The board is shown only after the first sync with the server ('loading' until then), so an existing board
 * is never mistaken for an empty one and seeded a second time.
 */
export class BoardSession {
  readonly phase: Atom<BoardPhase> = atom('board phase', { kind: 'loading' })
  readonly #doc = new Y.Doc()
  /** The action plan in the board room: edited in the drawer's "Acties", drawn in the Actieplan frame. */
  readonly actionPlan = new ActionPlanBoard(this.#doc)
  // The template layer's shapes are known on every board (blank ones too), so every client reads the same schema.
  readonly #store = createTLStore({
    shapeUtils: [...defaultShapeUtils, ...templateShapeUtils],
    bindingUtils: defaultBindingUtils,
  })
  readonly #connection: RoomConnection
  readonly #local: LocalCopy | null
  #binding: StoreBinding | null = null
  readonly #presence = atom<PresenceBinding | null>('board presence', null)
  /** What the facilitator chose for everyone's cursors; the page keeps it in step with the control room. */
  readonly cursorSetting = atom<CursorSetting>('cursor setting', 'auto')
  /** How cursors are drawn on this screen now, and how many people are not drawn. */
  readonly crowd: Signal<CrowdView> = computed('board crowd', () => {
    return this.#presence.get()?.crowd.get() ?? { mode: 'all', others: 0 }
  })
  readonly #online: { identities: Signal<OnlineIdentity[]>; stop(): void }
  #disposed = false
  readonly #options: BoardSessionOptions
  readonly #steeringAtom = atom<ViewSteering | null>('view steering', null)
  #detachEditor: (() => void) | null = null

  constructor(options: BoardSessionOptions) {
    this.#options = options
    this.#connection = connectToRoom(options.room, this.#doc, options.token)
    this.#connection.provider.on('sync', this.#onSync)
    this.#online = watchOnlineIdentities(this.#connection.provider.awareness)
    this.#local = options.keeper?.keep(options.room, this.#doc, this.#connection.provider) ?? null
    // A copy that once held the server's board may be shown as it is, offline too: it is no empty board to seed.
    void this.#local?.loaded.then((heldServerBoard) => {
      if (!heldServerBoard || this.#binding || this.#disposed) return
      this.#onSync(true)
      if (this.#binding) options.onShownFromDevice?.()
    })
  }

  get connectionState(): Signal<ConnectionState> {
    return this.#connection.state
  }

  get refusal(): Signal<RefusalReason | null> {
    return this.#connection.refusal
  }

  /** The board room's document: the action plan lives there beside tldraw's records. */
  get document(): Y.Doc {
    return this.#doc
  }

  /** The board room's awareness: presence, with each person's viewport (facilitation reads who is where). */
  get awareness(): Awareness {
    return this.#connection.provider.awareness
  }

  get onlineIdentities(): Signal<OnlineIdentity[]> {
    return this.#online.identities
  }

  /** The steering of this view by the facilitator's moves; null for the facilitator, and until the editor is there. */
  get steering(): Signal<ViewSteering | null> {
    return this.#steeringAtom
  }

  /**
   * Starts what needs the editor: participants' and observers' views follow the facilitator (the facilitator
   * steers their own), and private writing's rooms and lanes open for the facilitator and participants (observers
   * see only the board). Returns the function that stops them; disposing the session stops them too.
   */
  attachEditor(editor: Editor): () => void {
    this.#detachEditor?.()
    const { facilitation, sessionId, token, people, keeper } = this.#options
    const stops: (() => void)[] = []
    if (!facilitation.isFacilitator) {
      // Observers share one token and have no participant id; they follow all the same.
      const steering = steerView(editor, facilitation, facilitation.participantId ?? `observer-${editor.store.id}`)
      this.#steeringAtom.set(steering)
      stops.push(() => {
        steering.dispose()
        this.#steeringAtom.set(null)
      })
    }
    if (facilitation.role !== 'observer') {
      stops.push(startPrivateWriting({ editor, facilitation, sessionId, token, people, keeper }))
    }
    const detach = () => {
      if (this.#detachEditor !== detach) return
      this.#detachEditor = null
      for (const stop of stops) stop()
    }
    this.#detachEditor = detach
    return detach
  }

  readonly #onSync = (isSynced: boolean) => {
    if (!isSynced || this.#binding || this.#disposed) return
    // Later syncs (after a reconnect) need nothing from us: Yjs merges, the binding applies what changed.
    this.#connection.provider.off('sync', this.#onSync)
    try {
      this.#binding = bindStoreToDoc(this.#store, this.#doc, {
        firstPageName: this.#options.firstPageName,
        onSchemaTooNew: () => this.#fail('too-new'),
        readOnly: this.#options.readOnly,
        // Private stickies live in their writers' private rooms (facilitation/privateWriting.ts), never here.
        lane: isBoardLaneRecord,
      })
    } catch (error) {
      console.warn('Werkplaats: the board could not be loaded', error)
      this.#fail(error instanceof BoardLoadError ? error.reason : 'unreadable')
      return
    }
    this.#presence.set(
      bindPresence(this.#store, this.#connection.provider.awareness, this.#options.preferences, this.#options.names, {
        cursorSetting: this.cursorSetting,
      }),
    )
    this.phase.set({ kind: 'ready', store: this.#store })
  }

  #fail(reason: BoardLoadFailure): void {
    this.phase.set({ kind: 'failed', reason })
    this.#teardown()
  }

  #teardown(): void {
    this.#connection.provider.off('sync', this.#onSync)
    this.#presence.get()?.stop()
    this.#presence.set(null)
    this.#binding?.dispose()
    this.#binding = null
  }

  dispose(): void {
    if (this.#disposed) return
    this.#disposed = true
    this.#detachEditor?.()
    this.#teardown()
    this.#online.stop()
    this.#local?.dispose()
    this.#connection.dispose()
    this.actionPlan.dispose()
    this.#doc.destroy()
  }
}
