import type { PublicVoteRound, VoteRoundSettings } from '@werkplaats/shared'

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
