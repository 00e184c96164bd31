import type { Ballot } from './tally.ts'
import type { VoteRoundSettings, VoteRoundStatus } from './voteRound.ts'

/**
 * Live results of an anonymous round. Were every vote published as it came, anyone watching the tallies while
 * one person votes (a colleague across the table, a second tab) would see which card that person chose. So the
 * tallies of an open, anonymous, live round are published only once at least `minVoters` people have changed
 * their votes since the last publish (or the round closes): each published change then mixes several people's
 * votes. What each person chose stays theirs; what the room shows moves in steps.
 */

/** Fewest voters whose changes one published step of an anonymous live round mixes; see `LIVE_TALLY_MIN_VOTERS`. */
export const DEFAULT_LIVE_TALLY_MIN_VOTERS = 3

/** Whether a round's public state is held back until enough voters have changed (see above). */
export function holdsLiveTallies(round: { status: VoteRoundStatus; settings: VoteRoundSettings }): boolean {
  return round.status === 'open' && round.settings.anonymous && round.settings.results === 'live'
}

/** Each voter's votes as one comparable value: the cards they chose, sorted (the order they came in says nothing). */
export function ballotsByVoter(ballots: readonly Ballot[]): Map<string, string> {
  const cards = new Map<string, string[]>()
  for (const ballot of ballots) {
    const own = cards.get(ballot.participantId)
    if (own) own.push(ballot.cardId)
    else cards.set(ballot.participantId, [ballot.cardId])
  }
  return new Map([...cards].map(([participantId, own]) => [participantId, JSON.stringify(own.sort())]))
}

/**
 * How many voters' votes differ between two states (`ballotsByVoter`): someone who voted, took a vote back or
 * moved one. Someone who voted and took it back again counts as unchanged, as nothing of theirs would show.
 */
export function votersChanged(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): number {
  let changed = 0
  for (const [participantId, own] of after) if (before.get(participantId) !== own) changed++
  for (const participantId of before.keys()) if (!after.has(participantId)) changed++
  return changed
}
