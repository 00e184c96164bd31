import type { PublicVoteRound, VoteRoundView } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import {
  currentVoteRound,
  mayTakeBack,
  mayVoteOn,
  mergeRoundView,
  remainingVotes,
  resultRows,
  roundsOfPass,
  talliesByCard,
  winningCardIds,
} from './roundView.ts'
import { publicVoteRound } from './votingFixtures.ts'

function round(changes: Partial<PublicVoteRound> = {}): PublicVoteRound {
  return publicVoteRound({
    cardIds: ['a', 'b', 'c'],
    settings: { votesPerParticipant: 3, maxVotesPerCard: 2 },
    ...changes,
  })
}

describe('the round a screen shows', () => {
  it('is the newest on the current stage, else the newest open one, else the newest finished one still ahead', () => {
    const rounds = [
      round({ roundId: 'old', createdAt: 1 }),
      round({ roundId: 'new', createdAt: 2 }),
      round({ roundId: 'other', stageId: 'startpunt', createdAt: 3, status: 'closed' }),
    ]
    expect(currentVoteRound(rounds, 'kaderen')?.roundId).toBe('new')
    expect(currentVoteRound(rounds, 'startpunt')?.roundId).toBe('other')
    expect(currentVoteRound(rounds, 'welkom')?.roundId).toBe('new')
    const revealed = [
      round({ roundId: 'kaderen', status: 'revealed', createdAt: 2 }),
      round({ roundId: 'startpunt', stageId: 'startpunt', status: 'revealed' }),
    ]
    const agenda = ['welkom', 'startpunt', 'kaderen', 'verbeteren']
    // A finished round stays on its own stage, and shows from the stages before it, never in the ones after it.
    expect(currentVoteRound(revealed, 'verbeteren', agenda)).toBeNull()
    expect(currentVoteRound(revealed, 'kaderen', agenda)?.roundId).toBe('kaderen')
    expect(currentVoteRound(revealed, 'welkom', agenda)?.roundId).toBe('kaderen')
    expect(currentVoteRound([round({ status: 'closed' })], 'verbeteren', agenda)).toBeNull()
    expect(currentVoteRound([], null)).toBeNull()
  })

  it("takes status, count and public tallies from the room, own votes from the server's answer", () => {
    const own: VoteRoundView = {
      ...round(),
      ownVotes: ['a', 'a'],
      remainingVotes: 1,
      tallies: [{ cardId: 'a', votes: 2, voters: 1 }],
    }
    const merged = mergeRoundView(round({ status: 'closed', voterCount: 4 }), own)
    expect(merged).toMatchObject({ status: 'closed', voterCount: 4, ownVotes: ['a', 'a'], remainingVotes: 1 })
    // The facilitator's tallies before reveal come only from the server's answer.
    expect(merged.tallies).toEqual(own.tallies)
    const revealed = [{ cardId: 'b', votes: 5, voters: 4 }]
    expect(mergeRoundView(round({ tallies: revealed }), own).tallies).toEqual(revealed)
    // An answer about another round says nothing about this one.
    expect(mergeRoundView(round({ roundId: 'r2' }), own)).toMatchObject({ ownVotes: [], remainingVotes: null })
  })
})

describe('what a participant may do', () => {
  const view = (ownVotes: string[], remaining: number | null, changes: Partial<PublicVoteRound> = {}) => ({
    ...round(changes),
    ownVotes,
    remainingVotes: remaining,
    pass: 0,
  })

  it("vote within the budget and the per-card cap, on the round's cards, while it is open", () => {
    expect(mayVoteOn(view([], null), 'a')).toBe(true)
    expect(mayVoteOn(view(['a', 'a'], 1), 'a')).toBe(false)
    expect(mayVoteOn(view(['a', 'a'], 1), 'b')).toBe(true)
    expect(mayVoteOn(view(['a', 'b', 'c'], 0), 'c')).toBe(false)
    expect(mayVoteOn(view([], 3), 'x')).toBe(false)
    expect(mayVoteOn(view([], 3, { status: 'closed' }), 'a')).toBe(false)
  })

  it("count what is left from the server's word, or from the own votes before its first answer", () => {
    expect(remainingVotes(view(['a'], null))).toBe(2)
    expect(remainingVotes(view(['a'], 0))).toBe(0)
  })

  it('take back only an own vote, only while open', () => {
    expect(mayTakeBack(view(['a'], 2), 'a')).toBe(true)
    expect(mayTakeBack(view(['a'], 2), 'b')).toBe(false)
    expect(mayTakeBack(view(['a'], 2, { status: 'closed' }), 'a')).toBe(false)
  })
})

describe('results', () => {
  it('list every card, most votes first, with the share of the voters; nothing while hidden', () => {
    const tallies = [
      { cardId: 'c', votes: 1, voters: 1 },
      { cardId: 'a', votes: 4, voters: 3 },
      { cardId: 'b', votes: 0, voters: 0 },
    ]
    expect(resultRows({ tallies, voterCount: 4 })).toEqual([
      { cardId: 'a', votes: 4, voters: 3, share: 0.75 },
      { cardId: 'c', votes: 1, voters: 1, share: 0.25 },
      { cardId: 'b', votes: 0, voters: 0, share: 0 },
    ])
    expect(resultRows({ voterCount: 4 })).toBeNull()
    expect(talliesByCard({ tallies }).get('a')).toBe(4)
    expect(talliesByCard(null).size).toBe(0)
  })
})

describe('rounds of a pass', () => {
  const history = [
    { stageId: 'startpunt', round: 0, at: 100 },
    { stageId: 'afsluiting', round: 0, at: 200 },
    { stageId: 'startpunt', round: 1, at: 300 },
  ]

  it("keeps an earlier pass's round off the current pass, on the same stage too", () => {
    const first = round({ roundId: 'first', stageId: 'startpunt', createdAt: 150, status: 'revealed' })
    const second = round({ roundId: 'second', stageId: 'startpunt', createdAt: 350 })
    expect(roundsOfPass([first, second], history, 0).map((r) => r.roundId)).toEqual(['first'])
    expect(currentVoteRound(roundsOfPass([first], history, 1), 'startpunt')).toBeNull()
    expect(currentVoteRound(roundsOfPass([first, second], history, 1), 'startpunt')?.roundId).toBe('second')
  })
})

describe('winning cards', () => {
  const tallies = [
    { cardId: 'a', votes: 3, voters: 2 },
    { cardId: 'b', votes: 3, voters: 3 },
    { cardId: 'c', votes: 1, voters: 1 },
    { cardId: 'd', votes: 0, voters: 0 },
  ]

  it('are the cards with the most votes, ties included, none while hidden or without votes', () => {
    expect(winningCardIds({ tallies }, 1)).toEqual(new Set(['a', 'b']))
    expect(winningCardIds({ tallies }, 3)).toEqual(new Set(['a', 'b', 'c']))
    expect(winningCardIds({ tallies: undefined }, 1).size).toBe(0)
    expect(winningCardIds({ tallies: [{ cardId: 'd', votes: 0, voters: 0 }] }, 1).size).toBe(0)
  })
})
