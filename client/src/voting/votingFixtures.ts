import type { PublicVoteRound, VoteRoundSettings } from '@werkplaats/shared'
import { ApiError } from '../api/http.ts'
import type { VoteApi } from '../api/voteApi.ts'

/**
 * For tests: a vote round as the control room publishes it, open on "kaderen" over cards `a` and `b` with two
 * votes each and one per card. A test names only what it is about; `settings` are merged, not replaced.
 */
export function publicVoteRound(
  changes: Partial<Omit<PublicVoteRound, 'settings'>> & { settings?: Partial<VoteRoundSettings> } = {},
): PublicVoteRound {
  const { settings, ...rest } = changes
  return {
    roundId: 'r1',
    stageId: 'kaderen',
    cardIds: ['a', 'b'],
    status: 'open',
    voterCount: 0,
    createdAt: 1,
    ...rest,
    settings: { votesPerParticipant: 2, maxVotesPerCard: 1, anonymous: true, results: 'on-reveal', ...settings },
  }
}

/**
 * For tests: the vote API of a server that answers nothing a test did not ask for: every call not in `answers`
 * is refused, so a test that reaches the server unexpectedly fails on it.
 */
export function voteApiAnswering(answers: Partial<VoteApi> = {}): VoteApi {
  const refuse = () => Promise.reject(new ApiError(500, 'not in this test'))
  return {
    createRound: refuse,
    round: refuse,
    rounds: refuse,
    vote: refuse,
    withdraw: refuse,
    close: refuse,
    reveal: refuse,
    mark: refuse,
    marks: refuse,
    ...answers,
  }
}
