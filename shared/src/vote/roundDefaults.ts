import type { Stage } from '../template/agenda.ts'

/** Votes per person and per card a new round on `stage` starts with, before the facilitator changes them. */
export interface RoundDefaults {
  votesPerParticipant: number
  maxVotesPerCard: number
}

/** The most votes a round may give one person (the dialog's bound too). */
export const MAX_VOTES_PER_PARTICIPANT = 99

/**
 * What the stage's guide says about voting, for a round on `cardCount` cards: "one vote per question, on as many
 * as you like" is one per card; "three dots, several on one sticky are fine" is three, up to three on one card. A
 * stage whose template says nothing gets three votes, one per card.
 */
export function roundDefaults(stage: Stage, cardCount: number): RoundDefaults {
  const rule = stage.vote
  if (!rule) {
    return { votesPerParticipant: stage.kind === 'challenges' ? stage.dotsPerParticipant : 3, maxVotesPerCard: 1 }
  }
  const votes =
    rule.perParticipant === 'per-card'
      ? Math.min(MAX_VOTES_PER_PARTICIPANT, Math.max(1, cardCount))
      : rule.perParticipant
  return { votesPerParticipant: votes, maxVotesPerCard: Math.min(rule.perCard, votes) }
}
