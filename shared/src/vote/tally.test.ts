import { describe, expect, it } from 'vitest'
import { checkVote, countVoters, maySeeBallots, maySeeTallies, tallyVotes, topWithTies, voterShare } from './tally.ts'
import type { VoteRoundSettings } from './voteRound.ts'

const settings: VoteRoundSettings = {
  votesPerParticipant: 3,
  maxVotesPerCard: 2,
  anonymous: true,
  results: 'on-reveal',
}

describe('tallies', () => {
  const ballots = [
    { participantId: 'anna', cardId: 'b' },
    { participantId: 'anna', cardId: 'b' },
    { participantId: 'bram', cardId: 'b' },
    { participantId: 'bram', cardId: 'c' },
    { participantId: 'cor', cardId: 'c' },
  ]
  it('count votes and distinct voters per card, most votes first, every card of the round included', () => {
    expect(tallyVotes(['a', 'b', 'c'], ballots)).toEqual([
      { cardId: 'b', votes: 3, voters: 2 },
      { cardId: 'c', votes: 2, voters: 2 },
      { cardId: 'a', votes: 0, voters: 0 },
    ])
  })
  it('keep the order the cards were put to the vote when they tie', () => {
    const tie = [
      { participantId: 'x', cardId: 'z' },
      { participantId: 'y', cardId: 'y' },
    ]
    expect(tallyVotes(['z', 'y'], tie).map((t) => t.cardId)).toEqual(['z', 'y'])
    expect(tallyVotes(['y', 'z'], tie).map((t) => t.cardId)).toEqual(['y', 'z'])
  })
  it('count voters and shares', () => {
    expect(countVoters(ballots)).toBe(3)
    expect(voterShare({ cardId: 'b', votes: 3, voters: 2 }, 3)).toBeCloseTo(2 / 3)
    expect(voterShare({ cardId: 'b', votes: 0, voters: 0 }, 0)).toBe(0)
  })
  it('take the top places with their ties, never a card without votes', () => {
    const tallies = [
      { cardId: 'a', votes: 5, voters: 5 },
      { cardId: 'b', votes: 3, voters: 3 },
      { cardId: 'c', votes: 3, voters: 3 },
      { cardId: 'd', votes: 1, voters: 1 },
      { cardId: 'e', votes: 0, voters: 0 },
    ]
    expect(topWithTies(tallies, 2).map((t) => t.cardId)).toEqual(['a', 'b', 'c'])
    expect(topWithTies(tallies, 4).map((t) => t.cardId)).toEqual(['a', 'b', 'c', 'd'])
    expect(topWithTies(tallies, 9).map((t) => t.cardId)).toEqual(['a', 'b', 'c', 'd'])
  })
})

describe('budgets and caps', () => {
  const open = { status: 'open' as const, cardIds: ['a', 'b'], settings }
  it('allow a vote within the budget and the per-card cap', () => {
    expect(checkVote(open, [], 'a')).toBeNull()
    expect(checkVote(open, ['a'], 'a')).toBeNull()
  })
  it('refuse past the per-card cap, past the budget, outside the round, and when not open', () => {
    expect(checkVote(open, ['a', 'a'], 'a')).toBe('card-cap-reached')
    expect(checkVote(open, ['a', 'b', 'b'], 'a')).toBe('budget-spent')
    expect(checkVote(open, [], 'x')).toBe('card-not-in-round')
    expect(checkVote({ ...open, status: 'closed' }, [], 'a')).toBe('round-not-open')
    expect(checkVote({ ...open, status: 'revealed' }, [], 'a')).toBe('round-not-open')
  })
})

describe('who sees what', () => {
  it('tallies: the facilitator always, everyone after reveal or in a live round', () => {
    expect(maySeeTallies('participant', 'open', settings)).toBe(false)
    expect(maySeeTallies('observer', 'closed', settings)).toBe(false)
    expect(maySeeTallies('facilitator', 'open', settings)).toBe(true)
    expect(maySeeTallies('participant', 'revealed', settings)).toBe(true)
    expect(maySeeTallies('observer', 'open', { ...settings, results: 'live' })).toBe(true)
  })
  it('ballots: the facilitator of a round that is not anonymous, nobody else ever', () => {
    expect(maySeeBallots('facilitator', settings)).toBe(false)
    expect(maySeeBallots('facilitator', { ...settings, anonymous: false })).toBe(true)
    expect(maySeeBallots('participant', { ...settings, anonymous: false })).toBe(false)
  })
})
