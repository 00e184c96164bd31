import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import { getTemplate } from '@werkplaats/playbook-data'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { DISCARDED_MEMORY_MS } from '../src/rooms/roomManager.ts'
import { callApi } from './support/api.ts'
import { useServer } from './support/useServer.ts'
import { createSession } from './support/sessions.ts'

const questions = getTemplate('oecd-innovatie-playbook')?.principles[0]?.assessmentQuestions.map((q) => q.id) ?? []

/** A full garbage collection, without starting node with --expose-gc (the flag may be set at run time). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
}

describe('what the server keeps per session', () => {
  // A thousand sessions from one address is what the per-address limits stop; this test is about what is kept.
  const oneAddress = { SESSION_CREATION_BURST_PER_ADDRESS: '1000000', JOIN_BURST_PER_ADDRESS: '1000000' }
  const server = useServer({ env: { ROOM_UNLOAD_AFTER_MS: '60000', ...oneAddress } })
  const url = () => server.url
  afterAll(() => {
    vi.useRealTimers()
  })

  /** A session that touches every per-room and per-round map: rooms loaded, a live round voted in and closed, an open one. */
  async function sessionLived(): Promise<void> {
    const session = await createSession(url(), 'oecd-innovatie-playbook')
    const anna = await session.join('Anna')
    const rounds = `/api/sessions/${session.id}/rounds`
    const round = (results: string) =>
      callApi(url(), rounds, session.facilitatorToken, 'POST', {
        stageId: 'kaderen',
        cardIds: questions,
        votesPerParticipant: 1,
        maxVotesPerCard: 1,
        results,
      })
    const [closed, open] = [String((await round('live')).body.roundId), String((await round('on-reveal')).body.roundId)]
    for (const roundId of [closed, open]) {
      expect(
        (await callApi(url(), `${rounds}/${roundId}/votes`, anna.token, 'POST', { cardId: questions[0] })).status,
      ).toBe(201)
    }
    expect((await callApi(url(), `${rounds}/${closed}/reveal`, session.facilitatorToken, 'POST')).status).toBe(200)
    expect(
      (await callApi(url(), `/api/sessions/${session.id}/private/reveal`, session.facilitatorToken, 'POST')).status,
    ).toBe(200)
    expect((await callApi(url(), `/api/sessions/${session.id}`, session.facilitatorToken, 'DELETE')).status).toBe(204)
  }

  async function live(count: number): Promise<void> {
    const parallel = 4
    for (let done = 0; done < count; done += parallel)
      await Promise.all(Array.from({ length: Math.min(parallel, count - done) }, sessionLived))
    await server.votes.settled()
  }

  it('keeps nothing of 1,000 sessions once they are deleted, and the heap comes back', async () => {
    // Warm-up: the code paths compiled, the statement caches and connection pools filled.
    await live(50)
    collectGarbage()
    const heapBefore = process.memoryUsage().heapUsed

    await live(1000)
    expect(server.votes.held).toEqual({ rounds: 0, publishing: 0 })
    const held = server.rooms.held
    expect({ ...held, discarded: 0 }).toEqual({ rooms: 0, unloadTimers: 0, unloading: 0, discarded: 0 })
    // Deleted rooms' names are kept a while, so a connection let in just before cannot bring one back; then they go.
    expect(held.discarded).toBeGreaterThan(0)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + DISCARDED_MEMORY_MS + 1 })
    expect(server.rooms.held.discarded).toBe(0)
    vi.useRealTimers()

    collectGarbage()
    const grown = process.memoryUsage().heapUsed - heapBefore
    console.info(`heap after 1,000 sessions, less before: ${(grown / 1024 / 1024).toFixed(1)} MiB`)
    // A loaded room alone is tens of KiB; 1,000 kept would be tens of MiB. What remains is noise.
    expect(grown).toBeLessThan(8 * 1024 * 1024)
  }, 300_000)
})
