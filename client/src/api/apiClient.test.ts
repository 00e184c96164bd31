import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadClientConfig } from '../config/clientConfig.ts'
import {
  fetchClientConfig,
  fetchServerTime,
  fetchSession,
  fetchSummary,
  lookUpJoinCode,
  revealPrivateWriting,
} from './apiClient.ts'
import { refusalOf } from './testing.ts'

const sessionId = 'AbCdEfGhIjKlMnOpQrStUv'

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetchMock = vi.fn(
    async () =>
      new Response(status === 204 ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers }),
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
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
      status: 'open',
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
    const error = await refusalOf(lookUpJoinCode('ABCDEF'))
    expect(error).toMatchObject({ status: 429, message: 'too many attempts', retryAfterSeconds: 17 })
  })

  it('refuses an answer that does not fit the schema, rather than handing it to the UI', async () => {
    answer(200, { sessionId: 'not an id', title: 3 })
    const error = await refusalOf(lookUpJoinCode('ABCDEF'))
    expect(error.message).toMatch(/unexpected answer/)
  })

  it('says the server could not be reached when the network fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    expect(await refusalOf(lookUpJoinCode('ABCDEF'))).toMatchObject({ status: 0 })
  })
})

/** The one request a call made: its address and what went with it. */
function sent(fetchMock: ReturnType<typeof answer>): { url: string; init: RequestInit } {
  expect(fetchMock).toHaveBeenCalledTimes(1)
  const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
  return { url, init }
}

describe("the server's clock and configuration", () => {
  it("reads the server's time, and refuses an answer that is not a time", async () => {
    const fetchMock = answer(200, { now: 1_733_000_000_000 })
    expect(await fetchServerTime()).toBe(1_733_000_000_000)
    expect(sent(fetchMock).url).toBe('/api/time')
    answer(200, { now: 'noon' })
    expect(await refusalOf(fetchServerTime())).toMatchObject({ status: 200 })
  })

  it('reads the licence key, and refuses a configuration of another shape', async () => {
    const privacy = { retentionDays: 90, privacyContact: null }
    const fetchMock = answer(200, { licenseKey: 'key', ...privacy })
    expect(await fetchClientConfig()).toEqual({ licenseKey: 'key', ...privacy })
    expect(sent(fetchMock).url).toBe('/api/config')
    answer(200, { licenceKey: 'misspelt' })
    expect((await refusalOf(fetchClientConfig())).message).toMatch(/unexpected answer from \/api\/config/)
  })

  it('runs the board unlicensed when the configuration cannot be had, and ignores a blank key', async () => {
    const unknown = { licenseKey: null, retentionDays: null, privacyContact: null }
    answer(200, { licenseKey: '  key  ', retentionDays: 30, privacyContact: ' Team privacy ' })
    expect(await loadClientConfig()).toEqual({ licenseKey: 'key', retentionDays: 30, privacyContact: 'Team privacy' })
    answer(200, { licenseKey: '   ', retentionDays: 30, privacyContact: null })
    expect(await loadClientConfig()).toEqual({ licenseKey: null, retentionDays: 30, privacyContact: null })
    answer(500, { error: 'broken' })
    expect(await loadClientConfig()).toEqual(unknown)
    answer(200, { licenseKey: 42, retentionDays: 30, privacyContact: null })
    expect(await loadClientConfig()).toEqual(unknown)
  })
})

describe("the facilitator's calls", () => {
  it('asks the server to reveal private writing, with the token in the header', async () => {
    const fetchMock = answer(204, null)
    await revealPrivateWriting(sessionId, 'secret_token_0123456789')
    const { url, init } = sent(fetchMock)
    expect(url).toBe(`/api/sessions/${sessionId}/private/reveal`)
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({ authorization: 'Bearer secret_token_0123456789' })
  })
})

describe('downloading the summary', () => {
  it('fetches the format with the token in the header and keeps the name the server gave', async () => {
    const fetchMock = answer(200, '# Werkplaats', {
      'content-disposition': 'attachment; filename="team.md"; filename*=UTF-8\'\'te%C3%A4m.md',
    })
    const file = await fetchSummary(sessionId, 'secret_token_0123456789', 'md', { names: true, language: 'en' })
    expect(file.fileName).toBe('teäm.md')
    expect(await file.blob.text()).toBe('# Werkplaats')
    const { url, init } = sent(fetchMock)
    expect(url).toBe(`/api/sessions/${sessionId}/export.md?names=true&lang=en`)
    expect(init.headers).toMatchObject({ authorization: 'Bearer secret_token_0123456789' })
  })

  it('names the file itself when the server did not, and passes a refusal on as an ApiError', async () => {
    answer(200, 'a,b')
    expect((await fetchSummary(sessionId, 'token', 'csv', { names: false, language: 'nl' })).fileName).toBe(
      'werkplaats.csv',
    )
    answer(403, { error: 'exports are for the facilitator' })
    const error = await refusalOf(fetchSummary(sessionId, 'token', 'pdf', { names: false, language: 'nl' }))
    expect(error).toMatchObject({ status: 403, message: 'exports are for the facilitator' })
  })
})
