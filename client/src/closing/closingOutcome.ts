import {
  buildSummary,
  summaryDecisions,
  type ActionPlanItem,
  type FacilitationState,
  type MarkCounts,
  type PublicVoteRound,
  type SummaryDecisions,
  type Template,
} from '@werkplaats/shared'

/** What this screen knows that the outcome is made of: the control room's and the board room's public state. */
export interface OutcomeSources {
  template: Template | null
  facilitation: FacilitationState
  /** The control room's rounds: tallies only where everyone may see them. */
  voteRounds: readonly PublicVoteRound[]
  markCounts: ReadonlyMap<string, MarkCounts>
  actionPlan: readonly ActionPlanItem[]
  now: number
}

const noRecords = new Map()

/**
 * What the session decided, as Afsluiting shows it in the room: the same decisions the summary's first page
 * ("Besluiten en acties") names, from the same functions, so the room and the export never disagree. Built
 * without the board's stickies and without names: the decisions need neither.
 */
export function closingOutcome(sources: OutcomeSources): SummaryDecisions {
  return summaryDecisions(
    buildSummary({
      session: { id: '', title: '', createdAt: sources.now },
      template: sources.template,
      facilitation: sources.facilitation,
      people: [],
      includeNames: false,
      voteRounds: sources.voteRounds,
      markCounts: sources.markCounts,
      actionPlan: sources.actionPlan,
      boardRecords: noRecords,
      now: sources.now,
    }),
  )
}
