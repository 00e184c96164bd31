import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/apiClient.ts'
import { voteApi } from './voteApi.ts'

const sessionId = 'AbCdEfGhIjKlMnOpQrStUv'
const roundId = 'RoUnDiDrOuNdIdRoUnDiD0'
const view = {
  roundId,
  stageId: 'kaderen',
  cardIds: ['a'],
  settings: { votesPerParticipant: 3, maxVotesPerCard: 1, anonymous: true, results: 'on-reveal' },
  status: 'open',
  voterCount: 1,
  createdAt: 5,
  ownVotes: ['a'],
  remainingVotes: 2,
}

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

function sent(fetchMock: ReturnType<typeof answer>): {
  url: string
  method: string
  body: unknown
  authorization: string | undefined
} {
  const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
  const headers = init.headers as Record<string, string>
  return {
    url,
    method: init.method ?? 'GET',
    body: init.body ? JSON.parse(String(init.body)) : undefined,
    authorization: headers.authorization,
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('the vote API client', () => {
  const api = voteApi(sessionId, 'token_0123456789abcdef')

  it('casts a vote with the bearer token and reads the round as the voter sees it', async () => {
    const fetchMock = answer(201, view)
    expect(await api.vote(roundId, 'a')).toMatchObject({ ownVotes: ['a'], remainingVotes: 2 })
    expect(sent(fetchMock)).toEqual({
      url: `/api/sessions/${sessionId}/rounds/${roundId}/votes`,
      method: 'POST',
      body: { cardId: 'a' },
      authorization: 'Bearer token_0123456789abcdef',
    })
  })

  it("takes a sticky's vote back by its id in the address", async () => {
    const fetchMock = answer(200, view)
    await api.withdraw(roundId, 'shape:abc')
    expect(sent(fetchMock)).toMatchObject({
      url: `/api/sessions/${sessionId}/rounds/${roundId}/votes/shape%3Aabc`,
      method: 'DELETE',
    })
  })

  it('puts a mark and reads the marks', async () => {
    const fetchMock = answer(200, { actionId: 'x', mark: 'geprobeerd' })
    expect(await api.mark('x', 'geprobeerd')).toEqual({ actionId: 'x', mark: 'geprobeerd' })
    expect(sent(fetchMock)).toMatchObject({
      url: `/api/sessions/${sessionId}/marks/x`,
      method: 'PUT',
      body: { mark: 'geprobeerd' },
    })
    answer(200, { counts: { x: { geprobeerd: 1, 'willen-we-proberen': 0, 'niet-relevant': 0 } }, own: {} })
    expect((await api.marks()).counts.x?.geprobeerd).toBe(1)
  })

  it("says the server's refusal with its status, and refuses an answer that does not fit", async () => {
    answer(409, { error: 'no votes left in this round' })
    await expect(api.vote(roundId, 'a')).rejects.toMatchObject({ status: 409, message: 'no votes left in this round' })
    answer(200, { ...view, status: 'maybe' })
    await expect(api.round(roundId)).rejects.toBeInstanceOf(ApiError)
  })
})
