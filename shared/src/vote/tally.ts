import type { Role } from '../session/role.ts'
import type { Tally, VoteRoundSettings, VoteRoundStatus } from './voteRound.ts'

/** One vote as the server stores it. A participant may cast several on one card, up to the round's cap. */
export interface Ballot {
  participantId: string
  cardId: string
}

/**
 * The results of a round: every card of the round with its votes and distinct voters, most votes first.
 * Ties keep the order the cards were put to the vote, so every screen shows the same order.
 */
export function tallyVotes(cardIds: readonly string[], ballots: readonly Ballot[]): Tally[] {
  const votes = new Map<string, number>()
  const voters = new Map<string, Set<string>>()
  for (const ballot of ballots) {
    votes.set(ballot.cardId, (votes.get(ballot.cardId) ?? 0) + 1)
    let set = voters.get(ballot.cardId)
    if (!set) voters.set(ballot.cardId, (set = new Set()))
    set.add(ballot.participantId)
  }
  const order = new Map(cardIds.map((id, index) => [id, index]))
  return cardIds
    .map((cardId) => ({ cardId, votes: votes.get(cardId) ?? 0, voters: voters.get(cardId)?.size ?? 0 }))
    .sort((a, b) => b.votes - a.votes || (order.get(a.cardId) ?? 0) - (order.get(b.cardId) ?? 0))
}

/** Participants who cast at least one vote. */
export function countVoters(ballots: readonly Ballot[]): number {
  return new Set(ballots.map((b) => b.participantId)).size
}

/**
 * The cards with the most votes, ties included: the top `count` places, and every card that ties with the
 * last of them. Cards without votes are never "top".
 */
export function topWithTies(tallies: readonly Tally[], count: number): Tally[] {
  const ranked = [...tallies].filter((t) => t.votes > 0).sort((a, b) => b.votes - a.votes)
  if (ranked.length <= count) return ranked
  const threshold = ranked[count - 1]?.votes ?? 0
  return ranked.filter((t) => t.votes >= threshold)
}

/** Share of the voters who voted for a card (0–1); 0 when nobody voted. */
export function voterShare(tally: Tally, voterCount: number): number {
  return voterCount === 0 ? 0 : tally.voters / voterCount
}

/** Whether someone in `role` may see a round's tallies now. Individual ballots are another matter (`maySeeBallots`). */
export function maySeeTallies(role: Role, status: VoteRoundStatus, settings: VoteRoundSettings): boolean {
  return status === 'revealed' || settings.results === 'live' || role === 'facilitator'
}

/** Who voted what: the facilitator of a round that is not anonymous, and nobody else, ever. */
export function maySeeBallots(role: Role, settings: VoteRoundSettings): boolean {
  return role === 'facilitator' && !settings.anonymous
}

export type VoteRefusal = 'round-not-open' | 'card-not-in-round' | 'budget-spent' | 'card-cap-reached'

/**
 * Whether a participant who has cast `own` votes in the round may cast one more on `cardId`. The server
 * checks this inside the same transaction that stores the vote, so the budget holds under concurrent requests.
 */
export function checkVote(
  round: { status: VoteRoundStatus; cardIds: readonly string[]; settings: VoteRoundSettings },
  own: readonly string[],
  cardId: string,
): VoteRefusal | null {
  if (round.status !== 'open') return 'round-not-open'
  if (!round.cardIds.includes(cardId)) return 'card-not-in-round'
  if (own.length >= round.settings.votesPerParticipant) return 'budget-spent'
  if (own.filter((id) => id === cardId).length >= round.settings.maxVotesPerCard) return 'card-cap-reached'
  return null
}
