import {
  CONTROL_PARTICIPANTS_MAP,
  CONTROL_SESSION_MAP,
  readBoardFull,
  readControlParticipants,
  readControlSession,
  readFacilitation,
  readSessionClosed,
  type ControlSession,
  type FacilitationState,
  type Participant,
} from '@werkplaats/shared'
import { atom, type Signal } from 'tldraw'
import * as Y from 'yjs'
import { connectToRoom, type RoomConnection } from '../connection/roomConnection.ts'

/**
 * The session's control room, as everyone reads it: its title and the participants the server has admitted.
 * Only the server and the facilitator write there, and the server closes any other connection that tries; the
 * facilitator's writes go through `facilitation/facilitation.ts`, nothing here touches the document.
 */
export class ControlRoom {
  readonly connection: RoomConnection
  /** Read by every client; written only by the facilitator's (the server closes anyone else's write). */
  readonly doc = new Y.Doc()
  private readonly participantsAtom = atom<Participant[]>('control participants', [])
  private readonly sessionAtom = atom<ControlSession | null>('control session', null)
  private readonly boardFullAtom = atom('control board full', false)
  private readonly closedAtom = atom<boolean | null>('control session closed', null)

  constructor(room: string, token: string) {
    this.connection = connectToRoom(room, this.doc, token)
    this.doc.getMap(CONTROL_PARTICIPANTS_MAP).observe(this.readParticipants)
    this.doc.getMap(CONTROL_SESSION_MAP).observe(this.readSession)
  }

  get participants(): Signal<Participant[]> {
    return this.participantsAtom
  }

  get session(): Signal<ControlSession | null> {
    return this.sessionAtom
  }

  /**
   * True once the board has refused a change for its size. The server notes it here, so the facilitator learns of
   * it whoever filled the board (only that person's connection was closed).
   */
  get boardFull(): Signal<boolean> {
    return this.boardFullAtom
  }

  /**
   * Whether the facilitator has closed the session, as the server notes it here for every screen; null until the
   * room has said anything (the session's view from the API holds until then).
   */
  get closed(): Signal<boolean | null> {
    return this.closedAtom
  }

  private readonly readParticipants = () => this.participantsAtom.set(readControlParticipants(this.doc))
  private readonly readSession = () => {
    this.sessionAtom.set(readControlSession(this.doc))
    this.boardFullAtom.set(readBoardFull(this.doc))
    if (this.doc.getMap(CONTROL_SESSION_MAP).size > 0) this.closedAtom.set(readSessionClosed(this.doc))
  }

  /** The facilitation state as it stands now (validated, with defaults), for one-off reads such as an export. */
  readFacilitation(): FacilitationState {
    return readFacilitation(this.doc)
  }

  dispose(): void {
    this.doc.getMap(CONTROL_PARTICIPANTS_MAP).unobserve(this.readParticipants)
    this.doc.getMap(CONTROL_SESSION_MAP).unobserve(this.readSession)
    this.connection.dispose()
    this.doc.destroy()
  }
}
