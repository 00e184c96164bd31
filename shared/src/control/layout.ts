import * as Y from 'yjs'
import { z } from 'zod'
import { type Participant, participantSchema } from '../session/api.ts'

/**
 * How a session's control room lives in its Yjs document. Only the facilitator and the server write it (the
 * server refuses anyone else's update), so everything here can be trusted by every client.
 *
 * - `session`: a Y.Map with the session's `title` and `templateId`, written by the server.
 *   Also `boardFull`: true once the board refused an update for its size, written by the server so that the
 *   facilitator learns of it whoever filled the board; and `closed`: true while the session is closed, written
 *   by the server so that every screen shows it.
 * - `participants`: a Y.Map from participant id to `{ participantId, name, role }`, written by the server when
 *   someone joins, so everyone's participant list comes from what the server knows.
 */
export const CONTROL_SESSION_MAP = 'session'
export const CONTROL_PARTICIPANTS_MAP = 'participants'

export const controlSessionSchema = z.object({ title: z.string(), templateId: z.string() })
export type ControlSession = z.infer<typeof controlSessionSchema>

export function writeControlSession(doc: Y.Doc, session: ControlSession): void {
  const map = doc.getMap<unknown>(CONTROL_SESSION_MAP)
  doc.transact(() => {
    map.set('title', session.title)
    map.set('templateId', session.templateId)
  })
}

export function readControlSession(doc: Y.Doc): ControlSession | null {
  const parsed = controlSessionSchema.safeParse(doc.getMap<unknown>(CONTROL_SESSION_MAP).toJSON())
  return parsed.success ? parsed.data : null
}

const BOARD_FULL_KEY = 'boardFull'

/** Notes that the board has reached its size cap. Writes nothing when it is noted already. */
export function markBoardFull(doc: Y.Doc): void {
  const map = doc.getMap<unknown>(CONTROL_SESSION_MAP)
  if (map.get(BOARD_FULL_KEY) !== true) map.set(BOARD_FULL_KEY, true)
}

export function readBoardFull(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(CONTROL_SESSION_MAP).get(BOARD_FULL_KEY) === true
}

const CLOSED_KEY = 'closed'

/** Notes whether the facilitator has closed the session, so that every screen shows it at once (the server enforces it). */
export function writeSessionClosed(doc: Y.Doc, closed: boolean): void {
  const map = doc.getMap<unknown>(CONTROL_SESSION_MAP)
  if ((map.get(CLOSED_KEY) === true) !== closed) map.set(CLOSED_KEY, closed)
}

export function readSessionClosed(doc: Y.Doc): boolean {
  return doc.getMap<unknown>(CONTROL_SESSION_MAP).get(CLOSED_KEY) === true
}

export function controlParticipants(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTROL_PARTICIPANTS_MAP)
}

export function writeControlParticipant(doc: Y.Doc, participant: Participant): void {
  controlParticipants(doc).set(participant.participantId, { ...participant })
}

/** Someone the facilitator removed: gone from everyone's participant list (their stickies stay on the board). */
export function removeControlParticipant(doc: Y.Doc, participantId: string): void {
  controlParticipants(doc).delete(participantId)
}

/** Every well-formed participant entry, in the order they joined (Y.Map keeps insertion order per client). */
export function readControlParticipants(doc: Y.Doc): Participant[] {
  const result: Participant[] = []
  for (const value of controlParticipants(doc).values()) {
    const parsed = participantSchema.safeParse(value)
    if (parsed.success) result.push(parsed.data)
  }
  return result
}
