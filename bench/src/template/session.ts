import { getTemplate } from '@werkplaats/playbook-data'
import { layoutTemplate, sessionRoomName, writeFacilitation, type Round, type Template } from '@werkplaats/shared'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Area } from './crowd.ts'

export const TEMPLATE_ID = 'oecd-innovatie-playbook'

/** The tldraw shape types of the template layer (client/src/board/shapes/templateShapes.ts). */
export const TEMPLATE_SHAPE_TYPES = [
  'stage-frame',
  'playbook-card',
  'question-card',
  'play-card',
  'writing-zone',
] as const
export const TEMPLATE_SELECTOR = TEMPLATE_SHAPE_TYPES.map((type) => `.tl-shape[data-shape-type="${type}"]`).join(',')

/**
 * Which part of the template the board shows. "whole": every principle chosen with all its plays, so stages 3
 * and 4 hold all 30 assessment questions and all 30 plays — the most the OECD template can put on a board.
 * "start": a fresh session, before the facilitator has chosen anything.
 */
export type TemplateState = 'whole' | 'start'

export function oecdTemplate(): Template {
  const template = getTemplate(TEMPLATE_ID)
  if (!template) throw new Error(`no template ${TEMPLATE_ID}`)
  return template
}

export function roundsFor(template: Template, state: TemplateState): Round[] {
  if (state === 'start') return [{ principleIds: [], playIds: [] }]
  return [
    {
      principleIds: template.principles.map((p) => p.id),
      playIds: template.principles.flatMap((p) => p.plays.map((play) => play.id)),
    },
  ]
}

/** How many template shapes the facilitator's page must show, and the area they cover (page coordinates). */
export function expectedLayout(template: Template, state: TemplateState): { shapes: number; area: Area } {
  const layout = layoutTemplate(template, { rounds: roundsFor(template, state), layoutOverrides: {} })
  const rects = [...layout.frames, ...layout.cards]
  const x = Math.min(...rects.map((r) => r.x))
  const y = Math.min(...rects.map((r) => r.y))
  const w = Math.max(...rects.map((r) => r.x + r.w)) - x
  const h = Math.max(...rects.map((r) => r.y + r.h)) - y
  return { shapes: layout.frames.length + layout.cards.length, area: { x, y, w, h } }
}

export interface BenchSession {
  id: string
  /** The join code: the invitation the simulated participants join with. */
  code: string
  facilitatorToken: string
  facilitatorLink: string
  /** The participants' link: the join form, which makes a participant of whoever fills it in. */
  participantLink: string
}

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

/** A new OECD session through the HTTP API; for "whole", the facilitator's control room gets every choice. */
export async function createSession(
  baseUrl: string,
  wsUrl: string,
  template: Template,
  state: TemplateState,
  title: string,
): Promise<BenchSession> {
  const created = await post(`${baseUrl}/api/sessions`, {
    templateId: TEMPLATE_ID,
    title,
    facilitatorName: 'Facilitator',
  })
  const links = created.links as { participant: string }
  const facilitatorToken = String(created.facilitatorToken)
  // No link carries the facilitator's token: the browser becomes the facilitator's through a handover link.
  const handover = await post(`${baseUrl}/api/sessions/${String(created.id)}/handover`, {}, facilitatorToken)
  const session = {
    id: String(created.id),
    code: String(created.code),
    facilitatorToken,
    facilitatorLink: String(handover.link),
    participantLink: links.participant,
  }
  if (state !== 'start')
    await writeControl(wsUrl, session, (doc) => writeFacilitation(doc, { rounds: roundsFor(template, state) }))
  return session
}

export async function joinParticipants(
  baseUrl: string,
  session: { id: string; code: string },
  count: number,
): Promise<string[]> {
  const tokens: string[] = []
  for (let i = 0; i < count; i++) {
    const joined = await post(`${baseUrl}/api/sessions/${session.id}/participants`, {
      name: `Deelnemer ${i + 1}`,
      invite: session.code,
    })
    tokens.push(String(joined.token))
  }
  return tokens
}

/**
 * Writes to the control room as the facilitator with the stock provider, and returns once the server has
 * the change: a second connection's sync answer carries it (the server persists before it relays).
 */
async function writeControl(wsUrl: string, session: BenchSession, change: (doc: Y.Doc) => void): Promise<void> {
  const room = sessionRoomName(session.id, 'control')
  const connect = async (doc: Y.Doc): Promise<WebsocketProvider> => {
    const provider = new WebsocketProvider(wsUrl, room, doc, {
      params: { token: session.facilitatorToken },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    return provider
  }
  const writer = await connect(new Y.Doc())
  change(writer.doc)
  const wanted = Buffer.from(Y.encodeStateVector(writer.doc))
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const reader = await connect(new Y.Doc())
      const has = Buffer.from(Y.encodeStateVector(reader.doc))
      reader.destroy()
      if (has.equals(wanted)) return
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error("the control room did not take the facilitator's change within 5 s")
  } finally {
    writer.destroy()
  }
}
