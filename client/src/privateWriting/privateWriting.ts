import { privateMeta, privateRoomName, type Participant, type Role } from '@werkplaats/shared'
import { react, type Editor, type Signal, type TLShape } from 'tldraw'
import * as Y from 'yjs'
import { bindStoreToDoc, type StoreBinding } from '../storeBinding/storeBinding.ts'
import { connectToRoom, type RoomConnection } from '../connection/roomConnection.ts'
import type { Facilitation } from '../facilitation/facilitation.ts'
import type { LocalCopy } from '../offline/localCopy.ts'
import type { LocalKeeper } from '../offline/sessionOnDevice.ts'
import { privateLaneOf } from './privateRecords.ts'

/**
 * "Privé schrijven" on the client. While it is on, a participant's new stickies are marked private (see
 * `privateRecords.ts`) and go, through their own lane of the store binding, into their private room
 * (`<session>-private-<participant>`), which the server opens only to them and the facilitator: no other
 * participant's connection ever receives them. The facilitator's client opens every participant's private
 * room and shows what is there. "Onthullen" is the server's move (see `revealPrivateWriting` in `api/apiClient.ts`); the stickies then
 * arrive through the board room and leave the private rooms.
 *
 * A participant's own private room is opened with the board, whether the mode is on or off: their unrevealed
 * private stickies stay theirs to see after a reload. The facilitator opens the participants' rooms the first
 * time private writing is on while the page is open (or is on when it opens), and keeps them open from then on.
 * One's own room is kept on this device like the board (`keeper`), so what is written privately offline survives.
 */
export interface PrivateWritingOptions {
  editor: Editor
  facilitation: Facilitation
  sessionId: string
  token: string
  /** Everyone the server admitted (the control room's `participants`): the facilitator opens their rooms. */
  people: Signal<readonly Participant[]>
  /** Keeps one's own private room on this device (see `offline/keepRules.ts`). */
  keeper?: LocalKeeper | null
}

interface Lane {
  connection: RoomConnection
  doc: Y.Doc
  binding: StoreBinding | null
  local: LocalCopy | null
}

export function startPrivateWriting({
  editor,
  facilitation,
  sessionId,
  token,
  people,
  keeper = null,
}: PrivateWritingOptions): () => void {
  const selfId = facilitation.participantId
  const lanes = new Map<string, Lane>()
  let opened = false

  const open = (ownerId: string) => {
    if (lanes.has(ownerId)) return
    const doc = new Y.Doc()
    const room = privateRoomName(sessionId, ownerId)
    const connection = connectToRoom(room, doc, token)
    const local = keeper?.keep(room, doc, connection.provider) ?? null
    const lane: Lane = { connection, doc, binding: null, local }
    lanes.set(ownerId, lane)
    // Bound after the first sync, like the board, so what the room holds is loaded before we write to it; or
    // once this device's copy of it is loaded, when that copy once held what the server sent.
    const onSync = (synced: boolean) => {
      if (!synced || lane.binding) return
      connection.provider.off('sync', onSync)
      lane.binding = bindStoreToDoc(editor.store, doc, {
        firstPageName: '',
        seedEmpty: false,
        lane: privateLaneOf(ownerId),
        // One's own lane: a sticky begun while the room was still connecting is the writer's, not stale.
        keepUnsentLaneRecords: ownerId === selfId,
        onSchemaTooNew: () => console.warn('Werkplaats: a private room holds stickies of a newer version'),
      })
    }
    connection.provider.on('sync', onSync)
    void local?.loaded.then((heldServerRoom) => {
      if (heldServerRoom && lanes.get(ownerId) === lane) onSync(true)
    })
  }

  const stopOpening = react('private writing rooms', () => {
    if (facilitation.state.get().privateWriting.on) opened = true
    const wanted = privateRoomOwners(facilitation.role, selfId, people.get())
    if (opened || facilitation.role === 'participant') for (const ownerId of wanted) open(ownerId)
  })

  // A participant's new sticky, while the mode is on, is theirs alone until revealed.
  const stopMarking =
    facilitation.role === 'participant' && selfId
      ? editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
          markedPrivate(shape, source, facilitation.state.get().privateWriting.on, selfId),
        )
      : () => {}

  return () => {
    stopOpening()
    stopMarking()
    for (const lane of lanes.values()) {
      lane.binding?.dispose()
      lane.local?.dispose()
      lane.connection.dispose()
      lane.doc.destroy()
    }
    lanes.clear()
  }
}

/** Whose private rooms a screen opens: a participant their own, the facilitator every participant's, an observer none. */
export function privateRoomOwners(role: Role, selfId: string | null, people: readonly Participant[]): string[] {
  if (role === 'participant' && selfId) return [selfId]
  if (role === 'facilitator') return people.filter((p) => p.role === 'participant').map((p) => p.participantId)
  return []
}

/**
 * A shape about to be created, as private writing leaves it: a sticky the participant makes themselves while the
 * mode is on is theirs alone until revealed; a shape from the network or the template layer, and anything else
 * than a sticky, passes as it is.
 */
export function markedPrivate(shape: TLShape, source: 'user' | 'remote', on: boolean, writerId: string): TLShape {
  if (source !== 'user' || shape.type !== 'note' || !on) return shape
  return { ...shape, meta: privateMeta(shape.meta, writerId) }
}
