import type { SessionSummary, SummaryActionPlanItem, SummaryTally } from './model.ts'

/** How many of a round's questions the decisions name: the ones the team wants to improve most. */
export const TOP_QUESTIONS = 3

export interface SummaryDecisions {
  principles: SessionSummary['principles']
  /** Per revealed round held in an assessment stage ("Waar staan we?"): its questions with the most votes. */
  topQuestions: Array<{ roundTitle: string; questions: SummaryTally[] }>
  plays: Array<{ round: number; title: string; question: string }>
  actionPlan: SummaryActionPlanItem[]
}

/**
 * What was decided, for the page a facilitator forwards: the principle chosen, the questions the team voted
 * most to improve, the plays taken up and the action plan. Questions without a vote are not decisions.
 */
export function summaryDecisions(summary: SessionSummary): SummaryDecisions {
  const assessStages = new Set(summary.stages.filter((s) => s.kind === 'assess').map((s) => s.stageId))
  return {
    principles: summary.principles,
    topQuestions: summary.voteRounds
      .filter((round) => assessStages.has(round.stageId) && round.tallies !== null)
      .map((round) => ({
        roundTitle: round.title,
        questions: (round.tallies ?? []).filter((t) => t.votes > 0).slice(0, TOP_QUESTIONS),
      }))
      .filter((round) => round.questions.length > 0),
    plays: summary.plays.map((play) => ({ round: play.round, title: play.title, question: play.question.text })),
    actionPlan: summary.actionPlan,
  }
}

/** A round's tallies split into those with votes and the rest, which a report lists on one line. */
export function withAndWithoutVotes(tallies: SummaryTally[]): { voted: SummaryTally[]; unvoted: SummaryTally[] } {
  return { voted: tallies.filter((t) => t.votes > 0), unvoted: tallies.filter((t) => t.votes === 0) }
}
