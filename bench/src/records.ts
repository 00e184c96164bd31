/**
 * What the load looks like on the wire: tldraw records in a Y.Map `records`, one key per record, the whole
 * record replaced on every change (that is how the client binds tldraw's store to Yjs), and a presence state
 * in awareness for the cursor.
 *
 * Every sticky edit carries a marker `wpb:<sentAt ms>:<participant>;` in `meta.bench`. Yjs writes strings in
 * an update as plain UTF-8, so a receiver finds the marker with a byte search instead of integrating the update:
 * on two cores shared with the server, the generator cannot afford a full Yjs integration per received update
 * in the larger scenarios (see README).
 */
import { simulatedPresence } from '@werkplaats/shared/board/presenceFixture'

export const MARKER = Buffer.from('wpb:', 'latin1')
const SEMICOLON = 0x3b

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }

export function shapeId(participant: number, index = 0): string {
  return `shape:p${participant}n${index}`
}

export function marker(sentAt: number, participant: number): string {
  return `wpb:${sentAt.toFixed(3)}:${participant};`
}

const colors = ['yellow', 'orange', 'green', 'light-blue', 'violet', 'light-red'] as const

/** A tldraw note (sticky) record as the client stores it. */
export function stickyRecord(
  id: string,
  x: number,
  y: number,
  text: string,
  bench: string,
  colorIndex: number,
): { [key: string]: JsonValue } {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: { bench },
    props: {
      color: colors[colorIndex % colors.length] ?? 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1, // tldraw 5: a multiplier; 0 draws the text at size 0
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      // tldraw 5 notes carry who last edited the text; a browser drops a note without it as not fitting the schema.
      textLastEditedBy: null,
    },
  }
}

/**
 * A participant's presence as the app publishes it (shared/src/board/presence.ts): its cursor, and a 1280×800
 * view around it at zoom 1, which the server's presence by interest reads on crowded boards.
 */
export function presenceState(participant: number, x: number, y: number): { [key: string]: JsonValue } {
  return simulatedPresence(participant, { x, y })
}

/** Calls `found(sentAt, participant)` for every marker in a received frame. */
export function scanMarkers(frame: Buffer, found: (sentAt: number, participant: number) => void): void {
  let at = frame.indexOf(MARKER)
  while (at !== -1) {
    const end = frame.indexOf(SEMICOLON, at + MARKER.length)
    if (end === -1 || end - at > 64) return
    const text = frame.toString('latin1', at + MARKER.length, end)
    const colon = text.indexOf(':')
    const sentAt = Number(text.slice(0, colon))
    const participant = Number(text.slice(colon + 1))
    if (Number.isFinite(sentAt) && Number.isFinite(participant)) found(sentAt, participant)
    at = frame.indexOf(MARKER, end)
  }
}

/** Bytes a WebSocket frame of this payload takes on the wire (header, plus the mask from client to server). */
export function wireBytes(payload: number, fromClient: boolean): number {
  const header = payload < 126 ? 2 : payload < 65_536 ? 4 : 10
  return payload + header + (fromClient ? 4 : 0)
}
