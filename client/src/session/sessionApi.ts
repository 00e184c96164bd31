import {
  type Invitation,
  invitationSchema,
  type ObserverLink,
  type Template,
  templateSchema,
  observerLinkSchema,
  createdSessionSchema,
  errorBodySchema,
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
} from '@werkplaats/shared'

/**
 * The session API as the page uses it. Every answer is parsed with the shared schemas, so a server of another
 * version fails here, with a clear error, rather than deep inside the UI. Tokens go in the Authorization
 * header, never in the address.
 */

/** What went wrong, in terms the UI can act on. */
export class ApiError extends Error {
  /** HTTP status of the answer (a 2xx when the answer was not what we expected), or 0 when there was none. */
  readonly status: number
  /** Seconds to wait before trying again (429's Retry-After), when the server said so. */
  readonly retryAfterSeconds: number | null

  constructor(status: number, message: string, retryAfterSeconds: number | null = null) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  token?: string
  body?: unknown
  signal?: AbortSignal
}

/** The part of a zod schema we use: parsing an answer without throwing. */
interface AnswerSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string } }
}

/** Sends one request; throws ApiError for anything but a 2xx; returns the JSON body (undefined when empty). */
export async function send(path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      // Nothing of ours lives in cookies; the token in the header is the whole authority.
      credentials: 'omit',
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw new ApiError(0, 'the server could not be reached')
  }
  if (!response.ok) throw await errorFrom(response)
  const text = await response.text()
  try {
    return text ? (JSON.parse(text) as unknown) : undefined
  } catch {
    throw new ApiError(response.status, `unreadable answer from ${path}`)
  }
}

export async function fetchParsed<T>(path: string, schema: AnswerSchema<T>, options?: RequestOptions): Promise<T> {
  const parsed = schema.safeParse(await send(path, options))
  // A server of another version: say so plainly instead of failing somewhere in the UI later.
  if (!parsed.success) throw new ApiError(200, `unexpected answer from ${path}: ${parsed.error.message}`)
  return parsed.data
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = errorBodySchema.safeParse(await response.json().catch(() => undefined))
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10)
  return new ApiError(
    response.status,
    body.success ? body.data.error : response.statusText,
    Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
  )
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
  return fetchParsed(`/api/sessions/${encodeURIComponent(sessionId)}/participants`, joinedSchema, {
    method: 'POST',
    body: { name, invite },
  })
}

export function lookUpJoinCode(code: string, signal?: AbortSignal): Promise<JoinCodeLookup> {
  return fetchParsed(`/api/join/${encodeURIComponent(code)}`, joinCodeLookupSchema, { signal })
}

export function fetchSession(sessionId: string, token: string, signal?: AbortSignal): Promise<SessionView> {
  return fetchParsed(`/api/sessions/${encodeURIComponent(sessionId)}`, sessionViewSchema, { token, signal })
}

export async function renameSession(sessionId: string, token: string, title: string): Promise<void> {
  await send(`/api/sessions/${encodeURIComponent(sessionId)}`, { method: 'PATCH', token, body: { title } })
}

/** A change to the session (facilitator): closing or opening joining; answers the session as it is now. */
export function updateSession(sessionId: string, token: string, body: UpdateSessionRequest): Promise<SessionView> {
  return fetchParsed(`/api/sessions/${encodeURIComponent(sessionId)}`, sessionViewSchema, {
    method: 'PATCH',
    token,
    body,
  })
}

/**
 * "Sessie afsluiten" (`closed`) or "Heropenen": while closed, the server keeps every room as it is and refuses
 * joins and votes; answers the session as it is now.
 */
export function setSessionClosed(sessionId: string, token: string, closed: boolean): Promise<SessionView> {
  return fetchParsed(
    `/api/sessions/${encodeURIComponent(sessionId)}/${closed ? 'close' : 'reopen'}`,
    sessionViewSchema,
    { method: 'POST', token },
  )
}

/** "Nieuwe uitnodiging": a new code and participants' link; the old ones stop working. */
export function newInvitation(sessionId: string, token: string): Promise<Invitation> {
  return fetchParsed(`/api/sessions/${encodeURIComponent(sessionId)}/invitation`, invitationSchema, {
    method: 'POST',
    token,
  })
}

/** "Verwijderen": removes a participant (facilitator). */
export async function removeParticipant(sessionId: string, token: string, participantId: string): Promise<void> {
  await send(`/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(participantId)}`, {
    method: 'DELETE',
    token,
  })
}

export async function deleteSession(sessionId: string, token: string): Promise<void> {
  await send(`/api/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE', token })
}

export function duplicateSession(sessionId: string, token: string): Promise<CreatedSession> {
  return fetchParsed(`/api/sessions/${encodeURIComponent(sessionId)}/duplicate`, createdSessionSchema, {
    method: 'POST',
    token,
  })
}

/** A fresh observers' link (facilitator): only hashes of tokens are kept, so an earlier link cannot be shown again. */
export function newObserverLink(sessionId: string, token: string): Promise<ObserverLink> {
  return fetchParsed(`/api/sessions/${encodeURIComponent(sessionId)}/observer-link`, observerLinkSchema, {
    method: 'POST',
    token,
  })
}

/** A single-use ticket for one WebSocket connection to a room of the session (valid 60 s). */
export function requestRoomTicket(sessionId: string, token: string): Promise<IssuedRoomTicket> {
  return fetchParsed(`/api/sessions/${encodeURIComponent(sessionId)}/tickets`, issuedRoomTicketSchema, {
    method: 'POST',
    token,
  })
}
