import {
  type Invitation,
  invitationSchema,
  type DeviceToken,
  deviceTokenSchema,
  type Handover,
  handoverSchema,
  type Template,
  templateSchema,
  createdSessionSchema,
  issuedRoomTicketSchema,
  type IssuedRoomTicket,
  joinCodeLookupSchema,
  joinedSchema,
  sessionViewSchema,
  templateSummarySchema,
  type CreatedSession,
  type CreateSessionRequest,
  type JoinCodeLookup,
  type Joined,
  type SessionView,
  type TemplateSummary,
  type UpdateSessionRequest,
  type ClientConfig,
  clientConfigSchema,
  serverTimeSchema,
  type SummaryLanguage,
} from '@werkplaats/shared'
import { fetchFile, fetchParsed, send, sessionApiPath } from './http.ts'

export { ApiError } from './http.ts'

/**
 * Every call this client makes to its server, one function per endpoint, through the one transport in
 * `http.ts`: answers parsed with the schemas of `shared/`, refusals as `ApiError`. The vote rounds' calls,
 * bound to one session, are in `voteApi.ts` beside this.
 */

/** `GET /api/config`: run-time settings of the deployment (the tldraw licence key). */
export function fetchClientConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return fetchParsed('/api/config', clientConfigSchema, { signal })
}

/** `GET /api/time`: the server's clock, for the offset every screen's timer adds to its own. */
export async function fetchServerTime(signal?: AbortSignal): Promise<number> {
  return (await fetchParsed('/api/time', serverTimeSchema, { signal })).now
}

/** One template whole, from which this client lays out the template layer of the board. */
export function fetchTemplate(templateId: string, signal?: AbortSignal): Promise<Template> {
  return fetchParsed(`/api/templates/${encodeURIComponent(templateId)}`, templateSchema, { signal })
}

export function listTemplates(signal?: AbortSignal): Promise<TemplateSummary[]> {
  return fetchParsed('/api/templates', templateSummarySchema.array(), { signal })
}

export function createSession(body: CreateSessionRequest): Promise<CreatedSession> {
  return fetchParsed('/api/sessions', createdSessionSchema, { method: 'POST', body })
}

/** Joins with an invitation: the join code, or the secret of the participants' link. */
export function joinSession(sessionId: string, name: string, invite: string): Promise<Joined> {
  return fetchParsed(`${sessionApiPath(sessionId)}/participants`, joinedSchema, {
    method: 'POST',
    body: { name, invite },
  })
}

export function lookUpJoinCode(code: string, signal?: AbortSignal): Promise<JoinCodeLookup> {
  return fetchParsed(`/api/join/${encodeURIComponent(code)}`, joinCodeLookupSchema, { signal })
}

export function fetchSession(sessionId: string, token: string, signal?: AbortSignal): Promise<SessionView> {
  return fetchParsed(sessionApiPath(sessionId), sessionViewSchema, { token, signal })
}

export async function renameSession(sessionId: string, token: string, title: string): Promise<void> {
  await send(sessionApiPath(sessionId), { method: 'PATCH', token, body: { title } })
}

/** A change to the session (facilitator): closing or opening joining; answers the session as it is now. */
export function updateSession(sessionId: string, token: string, body: UpdateSessionRequest): Promise<SessionView> {
  return fetchParsed(sessionApiPath(sessionId), sessionViewSchema, {
    method: 'PATCH',
    token,
    body,
  })
}

/** "Nieuwe uitnodiging": a new code and participants' link; the old ones stop working. */
export function newInvitation(sessionId: string, token: string): Promise<Invitation> {
  return fetchParsed(`${sessionApiPath(sessionId)}/invitation`, invitationSchema, {
    method: 'POST',
    token,
  })
}

/** "Verwijderen": removes a participant (facilitator). */
export async function removeParticipant(sessionId: string, token: string, participantId: string): Promise<void> {
  await send(`${sessionApiPath(sessionId)}/participants/${encodeURIComponent(participantId)}`, {
    method: 'DELETE',
    token,
  })
}

export async function deleteSession(sessionId: string, token: string): Promise<void> {
  await send(sessionApiPath(sessionId), { method: 'DELETE', token })
}

export function duplicateSession(sessionId: string, token: string): Promise<CreatedSession> {
  return fetchParsed(`${sessionApiPath(sessionId)}/duplicate`, createdSessionSchema, {
    method: 'POST',
    token,
  })
}

/** "Nieuwe waarnemerslink" (facilitator): the observers' link before stops working; screens watching keep watching. */
export function newObserverInvitation(sessionId: string, token: string): Promise<Invitation> {
  return fetchParsed(`${sessionApiPath(sessionId)}/observer-invitation`, invitationSchema, {
    method: 'POST',
    token,
  })
}

/** "Op een ander apparaat openen": a single-use, short-lived link that makes another device the facilitator's. */
export function newHandover(sessionId: string, token: string): Promise<Handover> {
  return fetchParsed(`${sessionApiPath(sessionId)}/handover`, handoverSchema, { method: 'POST', token })
}

/** A handover link was opened here: its secret for a facilitator's token of this device's own. */
export function redeemHandover(sessionId: string, secret: string): Promise<DeviceToken> {
  return fetchParsed(`${sessionApiPath(sessionId)}/handover/redeem`, deviceTokenSchema, {
    method: 'POST',
    body: { secret },
  })
}

/** The observers' link was opened here: its secret for an observer's token of this device's own. */
export function joinAsObserver(sessionId: string, invite: string): Promise<DeviceToken> {
  return fetchParsed(`${sessionApiPath(sessionId)}/observers`, deviceTokenSchema, {
    method: 'POST',
    body: { invite },
  })
}

/**
 * "Sessie afsluiten" (`closed`) or "Heropenen": while closed, the server keeps every room as it is and refuses
 * joins and votes; answers the session as it is now.
 */
export function setSessionClosed(sessionId: string, token: string, closed: boolean): Promise<SessionView> {
  return fetchParsed(`${sessionApiPath(sessionId)}/${closed ? 'close' : 'reopen'}`, sessionViewSchema, {
    method: 'POST',
    token,
  })
}

/** A single-use ticket for one WebSocket connection to a room of the session (valid 60 s). */
export function requestRoomTicket(sessionId: string, token: string): Promise<IssuedRoomTicket> {
  return fetchParsed(`${sessionApiPath(sessionId)}/tickets`, issuedRoomTicketSchema, {
    method: 'POST',
    token,
  })
}

/**
 * "Onthullen": the server moves every participant's private stickies into the board room, where they were
 * written, and empties the private rooms (only the facilitator's token may ask).
 */
export async function revealPrivateWriting(sessionId: string, token: string): Promise<void> {
  await send(`${sessionApiPath(sessionId)}/private/reveal`, { method: 'POST', token })
}

/** The formats the server writes the session summary in. */
export const summaryFormats = ['pdf', 'md', 'csv', 'json'] as const
export type SummaryFormat = (typeof summaryFormats)[number]

/** The session summary as a file, named by the server (its title and date). */
export function fetchSummary(
  sessionId: string,
  token: string,
  format: SummaryFormat,
  options: { names: boolean; language: SummaryLanguage },
): Promise<{ blob: Blob; fileName: string }> {
  const query = new URLSearchParams({ names: String(options.names), lang: options.language })
  return fetchFile(`${sessionApiPath(sessionId)}/export.${format}?${query}`, `werkplaats.${format}`, { token })
}
