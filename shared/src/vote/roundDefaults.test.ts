import { describe, expect, it } from 'vitest'
import { roundDefaults } from './roundDefaults.ts'

describe("a new round's defaults follow the stage's guide", () => {
  it('gives several dots that may go on one card, or one vote for every card', () => {
    const challenges = {
      id: 'c',
      kind: 'challenges',
      dotsPerParticipant: 3,
      vote: { perParticipant: 3, perCard: 3 },
    } as unknown as Parameters<typeof roundDefaults>[0]
    expect(roundDefaults(challenges, 12)).toEqual({ votesPerParticipant: 3, maxVotesPerCard: 3 })
  })

  it('keeps one per card within the bounds of a round, and three a card for a stage without a rule', () => {
    const assess = {
      id: 'x',
      kind: 'assess',
      vote: { perParticipant: 'per-card', perCard: 1 },
    } as unknown as Parameters<typeof roundDefaults>[0]
    expect(roundDefaults(assess, 0).votesPerParticipant).toBe(1)
    expect(roundDefaults(assess, 500).votesPerParticipant).toBe(99)
    const plain = { id: 'y', kind: 'welcome' } as unknown as Parameters<typeof roundDefaults>[0]
    expect(roundDefaults(plain, 4)).toEqual({ votesPerParticipant: 3, maxVotesPerCard: 1 })
  })
})
