import { errorBodySchema } from '@werkplaats/shared'

/**
 * The one way this client talks HTTP to its server: JSON in and out, the token in the Authorization header
 * (never in the address, never a cookie), every refusal as an `ApiError` carrying the server's status and
 * `{ error }`, and every answer parsed with its schema from `shared/` so a server of another version fails
 * here, with a clear error, rather than deep inside the UI.
 */

/** A session's resource on the API (not its page: that is `sessionPath` in `shared/`). */
export function sessionApiPath(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}`
}

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
  const response = await request(path, options, { accept: 'application/json' })
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

/**
 * A file the server makes (an export), as a blob with the name the server gave it. A plain link could not
 * carry the Authorization header, and a token in the address would end up in history and logs.
 */
export async function fetchFile(
  path: string,
  fallbackName: string,
  options: RequestOptions = {},
): Promise<{ blob: Blob; fileName: string }> {
  const response = await request(path, options, {})
  const blob = await response.blob()
  return { blob, fileName: fileNameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName }
}

async function request(path: string, options: RequestOptions, headers: Record<string, string>): Promise<Response> {
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
  return response
}

/**
 * The file name of a `Content-Disposition` header: the RFC 5987 `filename*` when present (it keeps the title's
 * own letters), else `filename`. Only the last path segment is kept, whatever the header says.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  let name: string | null = null
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim())
    } catch {
      name = null
    }
  }
  name ??= /filename\s*=\s*"([^"]*)"/i.exec(header)?.[1] ?? /filename\s*=\s*([^;\s]+)/i.exec(header)?.[1] ?? null
  const base = name?.split(/[\\/]/).pop()?.trim()
  return base ? base : null
}
