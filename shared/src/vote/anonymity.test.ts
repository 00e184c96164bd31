import { describe, expect, it } from 'vitest'
import { ballotsByVoter, holdsLiveTallies, votersChanged } from './anonymity.ts'
import type { VoteRoundSettings } from './voteRound.ts'

const live: VoteRoundSettings = { votesPerParticipant: 3, maxVotesPerCard: 2, anonymous: true, results: 'live' }

describe('anonymous live rounds', () => {
  it('hold back only what an open, anonymous round with live results shows', () => {
    expect(holdsLiveTallies({ status: 'open', settings: live })).toBe(true)
    expect(holdsLiveTallies({ status: 'closed', settings: live })).toBe(false)
    expect(holdsLiveTallies({ status: 'revealed', settings: live })).toBe(false)
    expect(holdsLiveTallies({ status: 'open', settings: { ...live, anonymous: false } })).toBe(false)
    expect(holdsLiveTallies({ status: 'open', settings: { ...live, results: 'on-reveal' } })).toBe(false)
  })

  it('count the voters whose votes differ, whatever order they came in', () => {
    const before = ballotsByVoter([
      { participantId: 'anna', cardId: 'a' },
      { participantId: 'anna', cardId: 'b' },
      { participantId: 'bram', cardId: 'a' },
    ])
    expect(votersChanged(before, before)).toBe(0)
    const reordered = ballotsByVoter([
      { participantId: 'bram', cardId: 'a' },
      { participantId: 'anna', cardId: 'b' },
      { participantId: 'anna', cardId: 'a' },
    ])
    expect(votersChanged(before, reordered)).toBe(0)
    const after = ballotsByVoter([
      { participantId: 'anna', cardId: 'a' },
      { participantId: 'anna', cardId: 'c' }, // moved a vote
      { participantId: 'cor', cardId: 'a' }, // new; bram took his back
    ])
    expect(votersChanged(before, after)).toBe(3)
  })

  it('count someone who voted and took it back as unchanged, and someone who left as changed', () => {
    const before = ballotsByVoter([{ participantId: 'anna', cardId: 'a' }])
    expect(votersChanged(before, ballotsByVoter([{ participantId: 'anna', cardId: 'a' }]))).toBe(0)
    expect(votersChanged(before, new Map())).toBe(1)
    expect(votersChanged(new Map(), before)).toBe(1)
  })
})
