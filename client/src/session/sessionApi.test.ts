import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, fetchSession, lookUpJoinCode } from './sessionApi.ts'

const sessionId = 'AbCdEfGhIjKlMnOpQrStUv'

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`)
  return error
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the session API client', () => {
  it('sends the token as a bearer header, never in the address', async () => {
    const view = {
      id: sessionId,
      title: 'Sessie',
      templateId: 'blank',
      joinOpen: true,
      role: 'observer',
      rooms: { board: `/yjs/${sessionId}-board`, control: `/yjs/${sessionId}-control` },
      participants: [],
    }
    const fetchMock = answer(200, view)
    expect(await fetchSession(sessionId, 'secret_token_0123456789')).toEqual(view)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(`/api/sessions/${sessionId}`)
    expect(url).not.toContain('secret')
    expect(init.headers).toMatchObject({ authorization: 'Bearer secret_token_0123456789' })
  })

  it("turns the server's error body and status into an ApiError, with Retry-After when rate limited", async () => {
    answer(429, { error: 'too many attempts' }, { 'retry-after': '17' })
    const error = await failure(lookUpJoinCode('ABCDEF'))
    expect(error).toMatchObject({ status: 429, message: 'too many attempts', retryAfterSeconds: 17 })
  })

  it('refuses an answer that does not fit the schema, rather than handing it to the UI', async () => {
    answer(200, { sessionId: 'not an id', title: 3 })
    const error = await failure(lookUpJoinCode('ABCDEF'))
    expect(error.message).toMatch(/unexpected answer/)
  })

  it('says the server could not be reached when the network fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    expect(await failure(lookUpJoinCode('ABCDEF'))).toMatchObject({ status: 0 })
  })
})
