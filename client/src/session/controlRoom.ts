import {
  BLANK_TEMPLATE_ID,
  CONTROL_MARKS_MAP,
  CONTROL_PARTICIPANTS_MAP,
  CONTROL_SESSION_MAP,
  CONTROL_VOTE_ROUNDS_MAP,
  defaultFacilitationState,
  facilitationMap,
  layoutTemplate,
  readBoardFull,
  readControlParticipants,
  readControlSession,
  readFacilitation,
  readMarkCounts,
  readPublicVoteRounds,
  writeFacilitation,
  readSessionClosed,
  type ControlSession,
  type FacilitationState,
  type LayoutInputs,
  type LayoutOverride,
  type MarkCounts,
  type Participant,
  type PublicVoteRound,
  type Role,
  type Template,
  type TemplateLayout,
} from '@werkplaats/shared'
import { atom, computed, type Atom, type Signal } from 'tldraw'
import * as Y from 'yjs'
import { connectToRoom, type RoomConnection } from '../connection/roomConnection.ts'

export type TemplateState =
  { readonly kind: 'none' } | { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly template: Template }

export type ControlRoomOptions = {
  /** Only the facilitator writes; the server closes anyone else's connection that tries. */
  role: Role
  /** The session's template; a blank board has none, and its layout is empty. */
  templateId: string
} & (
  | {
      /** The control room's name (`<sessionId>-control`), connected to with the session's token. */
      room: string
      token: string
    }
  | {
      /** A document synced some other way (tests): read and written, nothing connected. */
      doc: Y.Doc
    }
)

/**
 * The session's control room on this screen, and the one owner of what it holds: the title, the participants the
 * server admitted, the facilitation state, the public vote rounds and mark counts, and the template's layout
 * derived from them. Everything else reads these signals; nothing else observes the document or writes to it.
 *
 * Only the server and the facilitator write the control room, and the server closes any other connection that
 * tries, so the write methods refuse (throw) on any other screen before anything reaches the document.
 */
export class ControlRoom {
  readonly role: Role
  readonly #doc: Y.Doc
  readonly #connection: RoomConnection | null
  readonly #participants = atom<Participant[]>('control participants', [])
  readonly #session = atom<ControlSession | null>('control session', null)
  readonly #boardFull = atom('control board full', false)
  readonly #facilitation = atom<FacilitationState>('facilitation state', defaultFacilitationState)
  readonly #voteRounds = atom<PublicVoteRound[]>('vote rounds', [])
  readonly #markCounts = atom<Map<string, MarkCounts>>('mark counts', new Map())
  readonly #template: Atom<TemplateState>
  /** Only what the layout depends on, compared by value: a timer tick or a stage move must not lay the board out again. */
  readonly #layoutInputs: Signal<LayoutInputs>
  /** The template laid out for the session's rounds and overrides; computed once per change of those inputs. */
  readonly layout: Signal<TemplateLayout>
  readonly #closed = atom<boolean | null>('control session closed', null)

  constructor(options: ControlRoomOptions) {
    this.role = options.role
    if ('doc' in options) {
      this.#doc = options.doc
      this.#connection = null
    } else {
      this.#doc = new Y.Doc()
      this.#connection = connectToRoom(options.room, this.#doc, options.token)
    }
    this.#template = atom<TemplateState>('control template', {
      kind: options.templateId === BLANK_TEMPLATE_ID ? 'none' : 'loading',
    })
    this.#layoutInputs = computed(
      'control layout inputs',
      () => {
        const { rounds, layoutOverrides } = this.#facilitation.get()
        return { rounds, layoutOverrides }
      },
      { isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
    )
    this.layout = computed('control layout', () => {
      const template = this.#template.get()
      return layoutTemplate(template.kind === 'ready' ? template.template : null, this.#layoutInputs.get())
    })
    this.#doc.getMap(CONTROL_PARTICIPANTS_MAP).observe(this.#readParticipants)
    this.#doc.getMap(CONTROL_SESSION_MAP).observe(this.#readSession)
    facilitationMap(this.#doc).observe(this.#readFacilitation)
    this.#doc.getMap(CONTROL_VOTE_ROUNDS_MAP).observe(this.#readVoteRounds)
    this.#doc.getMap(CONTROL_MARKS_MAP).observe(this.#readMarkCounts)
    this.#readParticipants()
    this.#readSession()
    this.#readFacilitation()
    this.#readVoteRounds()
    this.#readMarkCounts()
  }

  /** The connection to the room; null when the room reads a document it was handed. */
  get connection(): RoomConnection | null {
    return this.#connection
  }

  get participants(): Signal<Participant[]> {
    return this.#participants
  }

  get session(): Signal<ControlSession | null> {
    return this.#session
  }

  /**
   * True once the board has refused a change for its size. The server notes it here, so the facilitator learns of
   * it whoever filled the board (only that person's connection was closed).
   */
  get boardFull(): Signal<boolean> {
    return this.#boardFull
  }

  /**
   * Whether the facilitator has closed the session, as the server notes it here for every screen; null until the
   * room has said anything (the session's view from the API holds until then).
   */
  get closed(): Signal<boolean | null> {
    return this.#closed
  }

  /** The facilitation state (validated, with defaults): stage, follow, timer, rounds, layout overrides… */
  get facilitation(): Signal<FacilitationState> {
    return this.#facilitation
  }

  /** Every vote round of the session, oldest first, as far as everyone may know it. */
  get voteRounds(): Signal<PublicVoteRound[]> {
    return this.#voteRounds
  }

  /** The team's marks per action ("Heb je dit al geprobeerd?"), counted by the server. */
  get markCounts(): Signal<Map<string, MarkCounts>> {
    return this.#markCounts
  }

  get template(): Signal<TemplateState> {
    return this.#template
  }

  get isFacilitator(): boolean {
    return this.role === 'facilitator'
  }

  /**
   * The template, once the page has fetched it (null: not yet). A blank board stays without one. The layout
   * follows from it.
   */
  setTemplate(template: Template | null): void {
    if (this.#template.get().kind === 'none') return
    this.#template.set(template ? { kind: 'ready', template } : { kind: 'loading' })
  }

  /** The facilitator's change to the control state, in one transaction (validated before it is written). */
  write(changes: Partial<FacilitationState>): void {
    if (!this.isFacilitator) throw new Error('only the facilitator writes the control state')
    writeFacilitation(this.#doc, changes)
  }

  /** The journey's rounds (the facilitator's choice of principle or plays). */
  writeRounds(rounds: FacilitationState['rounds']): void {
    this.write({ rounds })
  }

  /** The facilitator moved or hid a template card: `override` is whole and replaces the card's earlier one. */
  writeLayoutOverride(cardId: string, override: LayoutOverride): void {
    this.write({ layoutOverrides: { ...this.#facilitation.get().layoutOverrides, [cardId]: override } })
  }

  dispose(): void {
    this.#doc.getMap(CONTROL_PARTICIPANTS_MAP).unobserve(this.#readParticipants)
    this.#doc.getMap(CONTROL_SESSION_MAP).unobserve(this.#readSession)
    facilitationMap(this.#doc).unobserve(this.#readFacilitation)
    this.#doc.getMap(CONTROL_VOTE_ROUNDS_MAP).unobserve(this.#readVoteRounds)
    this.#doc.getMap(CONTROL_MARKS_MAP).unobserve(this.#readMarkCounts)
    if (this.#connection) {
      this.#connection.dispose()
      this.#doc.destroy()
    }
  }

  readonly #readParticipants = () => this.#participants.set(readControlParticipants(this.#doc))
  readonly #readSession = () => {
    this.#session.set(readControlSession(this.#doc))
    this.#boardFull.set(readBoardFull(this.#doc))
    if (this.#doc.getMap(CONTROL_SESSION_MAP).size > 0) this.#closed.set(readSessionClosed(this.#doc))
  }
  readonly #readFacilitation = () => this.#facilitation.set(readFacilitation(this.#doc))
  readonly #readVoteRounds = () => this.#voteRounds.set(readPublicVoteRounds(this.#doc))
  readonly #readMarkCounts = () => this.#markCounts.set(readMarkCounts(this.#doc))
}
