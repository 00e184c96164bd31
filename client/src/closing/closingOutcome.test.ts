import { summaryDecisions, buildSummary } from '@werkplaats/shared'
import { fixtureInput } from '@werkplaats/shared/summary/fixture'
import { describe, expect, it } from 'vitest'
import { closingOutcome } from './closingOutcome.ts'

describe('the outcome Afsluiting shows', () => {
  it("is the summary's decisions: the principle, the top questions, the plays and the plan with owners", () => {
    const outcome = closingOutcome({
      template: fixtureInput.template,
      facilitation: fixtureInput.facilitation,
      voteRounds: fixtureInput.voteRounds,
      markCounts: fixtureInput.markCounts,
      actionPlan: fixtureInput.actionPlan,
      now: fixtureInput.now,
    })
    const exported = summaryDecisions(buildSummary(fixtureInput))
    expect(outcome.principles).toEqual(exported.principles)
    expect(outcome.plays).toEqual(exported.plays)
    expect(outcome.actionPlan).toEqual(exported.actionPlan)
    expect(outcome.topQuestions.map((r) => r.questions.map((q) => [q.cardId, q.votes]))).toEqual(
      exported.topQuestions.map((r) => r.questions.map((q) => [q.cardId, q.votes])),
    )
    expect(outcome.actionPlan.map((item) => item.owner)).toContain('Zoë Ĳzerman')
  })
})
