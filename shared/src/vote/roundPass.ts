import type { StageVisit } from '../facilitation/state.ts'

/**
 * The pass of the journey a vote round was started in. Passes repeat the same template cards ("Kies een
 * andere uitdaging" lays the stages out again), so a round's chips and tallies belong on the cards of its own
 * pass only. The round does not carry its pass; the stage history does: the facilitator was on the stage of
 * the last visit before the round was created (both stamped in server time).
 */
export function passOfVoteRound(createdAt: number, stageHistory: readonly StageVisit[]): number {
  let pass = 0
  for (const visit of stageHistory) {
    if (visit.at > createdAt) break
    pass = visit.round
  }
  return pass
}
