import type { VoteRoundSettings } from '@werkplaats/shared'
import { checkVote } from '@werkplaats/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionRepository } from '../src/store/sessionRepository.ts'
import type { VoteRepository, VoteRoundRecord } from '../src/store/voteRepository.ts'

type MaybePromise<T> = T | Promise<T>

/**
 * What every VoteRepository must do, whatever engine is behind it. The factory gives a fresh vote repository with
 * the session repository of the same data (rounds belong to sessions), and a way to open another vote repository
 * on that data while the first is open, as a second server instance does.
 */
export function voteRepositoryContract(
  name: string,
  open: () => MaybePromise<{
    votes: VoteRepository
    sessions: SessionRepository
    another(): MaybePromise<VoteRepository>
    cleanup(): MaybePromise<void>
  }>,
): void {
  describe(`${name} (VoteRepository contract)`, () => {
    let handle: Awaited<ReturnType<typeof open>>
    let votes: VoteRepository
    const others: VoteRepository[] = []
    beforeEach(async () => {
      handle = await open()
      votes = handle.votes
      await handle.sessions.createSession(
        {
          id: 's1',
          title: 'Sessie',
          templateId: 'blank',
          code: 'ABCDEF',
          inviteHash: null,
          joinOpen: true,
          createdAt: 1,
          closedAt: null,
          lastActiveAt: 1,
        },
        [{ participantId: 'f', sessionId: 's1', name: 'Fien', role: 'facilitator', createdAt: 1 }],
        [],
      )
    })
    afterEach(async () => {
      for (const other of others.splice(0)) await other.close()
      await votes.close()
      await handle.sessions.close()
      await handle.cleanup()
    })
    async function another(): Promise<VoteRepository> {
      const other = await handle.another()
      others.push(other)
      return other
    }

    const settings: VoteRoundSettings = {
      votesPerParticipant: 3,
      maxVotesPerCard: 1,
      anonymous: true,
      results: 'on-reveal',
    }
    const round = (roundId: string, createdAt: number, extra: Partial<VoteRoundRecord> = {}): VoteRoundRecord => ({
      roundId,
      sessionId: 's1',
      stageId: 'kaderen',
      title: null,
      cardIds: ['q1', 'q2', 'q3', 'q4', 'q5'],
      settings,
      status: 'open',
      createdAt,
      ...extra,
    })
    const cast = (repository: VoteRepository, roundId: string, participantId: string, cardId: string) =>
      repository.castVote(roundId, participantId, cardId, (r, own) => checkVote(r, own, cardId))

    it('stores rounds and lists them in the order they were made, with their status', async () => {
      await votes.createRound(round('r2', 20, { title: 'Tweede', settings: { ...settings, maxVotesPerCard: 2 } }))
      await votes.createRound(round('r1', 10))
      await votes.setStatus('r1', 'revealed')
      expect(await votes.findRound('r2')).toEqual(
        round('r2', 20, { title: 'Tweede', settings: { ...settings, maxVotesPerCard: 2 } }),
      )
      expect((await votes.listRounds('s1')).map((r) => [r.roundId, r.status])).toEqual([
        ['r1', 'revealed'],
        ['r2', 'open'],
      ])
      expect(await votes.findRound('geen')).toBeNull()
      expect(await votes.listRounds('andere')).toEqual([])
    })

    it('counts the open rounds', async () => {
      expect(await votes.countOpenRounds()).toBe(0)
      await votes.createRound(round('r1', 10))
      await votes.createRound(round('r2', 20))
      await votes.createRound(round('r3', 30))
      await votes.setStatus('r3', 'closed')
      expect(await votes.countOpenRounds()).toBe(2)
    })

    it('casts votes within the budget and the per-card cap, and withdraws one at a time', async () => {
      await votes.createRound(round('r', 1, { settings: { ...settings, maxVotesPerCard: 2 } }))
      expect(await cast(votes, 'r', 'p1', 'q1')).toBeNull()
      expect(await cast(votes, 'r', 'p1', 'q1')).toBeNull()
      expect(await cast(votes, 'r', 'p1', 'q1')).toBe('card-cap-reached')
      expect(await cast(votes, 'r', 'p1', 'zz')).toBe('card-not-in-round')
      expect(await cast(votes, 'r', 'p1', 'q2')).toBeNull()
      expect(await cast(votes, 'r', 'p1', 'q3')).toBe('budget-spent')
      expect(await cast(votes, 'r', 'p2', 'q3')).toBeNull()
      expect(await cast(votes, 'geen', 'p2', 'q3')).toBe('round-not-open')
      expect(await votes.withdrawVote('r', 'p1', 'q1')).toBe(true)
      expect(await votes.withdrawVote('r', 'p1', 'q4')).toBe(false)
      expect(await votes.ballots('r')).toEqual([
        { participantId: 'p1', cardId: 'q1' },
        { participantId: 'p1', cardId: 'q2' },
        { participantId: 'p2', cardId: 'q3' },
      ])
      expect(await votes.ownVotes('r', 'p1')).toEqual(['q1', 'q2'])
      expect(await votes.ownVotes('r', 'p3')).toEqual([])
      expect(await votes.voterCount('r')).toBe(2)
      expect(await votes.voterCount('geen')).toBe(0)
      await votes.setStatus('r', 'closed')
      expect(await cast(votes, 'r', 'p2', 'q4')).toBe('round-not-open')
      expect(await votes.withdrawVote('r', 'p2', 'q3')).toBe(false)
    })

    it('keeps every budget when many votes of the same people arrive at once through two instances', async () => {
      const other = await another()
      await votes.createRound(round('r', 1))
      const attempts: Array<Promise<unknown>> = []
      for (let i = 0; i < 60; i++) {
        const participant = `p${i % 4}`
        attempts.push(cast(i % 2 ? votes : other, 'r', participant, `q${(i % 5) + 1}`))
      }
      await Promise.all(attempts)
      const ballots = await votes.ballots('r')
      for (let p = 0; p < 4; p++) {
        const own = ballots.filter((b) => b.participantId === `p${p}`).map((b) => b.cardId)
        expect(own.length).toBeLessThanOrEqual(3)
        expect(new Set(own).size, `p${p} voted twice on one card: ${own}`).toBe(own.length)
      }
      // Every participant had enough distinct cards offered to spend the whole budget.
      expect(ballots).toHaveLength(12)
    })

    it('takes no vote once the round is closed through another instance', async () => {
      const other = await another()
      await votes.createRound(round('r', 1, { settings: { ...settings, votesPerParticipant: 5 } }))
      const attempts = Array.from({ length: 20 }, (_, i) => cast(votes, 'r', `p${i}`, 'q1'))
      const closing = other.setStatus('r', 'closed')
      const results = await Promise.all(attempts)
      await closing
      const later = await cast(votes, 'r', 'laat', 'q1')
      expect(later).toBe('round-not-open')
      // Whatever was accepted before the close is exactly what is stored.
      expect((await votes.ballots('r')).length).toBe(results.filter((r) => r === null).length)
    })

    it('sets, changes and clears action marks', async () => {
      await votes.setMark('s1', 'p1', 'a1', 'geprobeerd')
      await votes.setMark('s1', 'p2', 'a1', 'willen-we-proberen')
      await votes.setMark('s1', 'p1', 'a1', 'willen-we-proberen')
      await votes.setMark('s1', 'p2', 'a0', 'geprobeerd')
      await votes.setMark('s1', 'p2', 'a0', null)
      expect(await votes.marks('s1')).toEqual([
        { participantId: 'p1', actionId: 'a1', mark: 'willen-we-proberen' },
        { participantId: 'p2', actionId: 'a1', mark: 'willen-we-proberen' },
      ])
    })

    it('forgets rounds, votes and marks with their session', async () => {
      await votes.createRound(round('r', 1))
      await cast(votes, 'r', 'p1', 'q1')
      await votes.setMark('s1', 'p1', 'a1', 'geprobeerd')
      await handle.sessions.deleteSession('s1')
      expect(await votes.findRound('r')).toBeNull()
      expect(await votes.ballots('r')).toEqual([])
      expect(await votes.marks('s1')).toEqual([])
    })
  })
}
