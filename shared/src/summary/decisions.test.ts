import { describe, expect, it } from 'vitest'
import { buildSummary } from './build.ts'
import { summaryDecisions, withAndWithoutVotes } from './decisions.ts'
import { fixtureInput } from './fixture.ts'
import { localDateTime, summaryLabels } from './labels.ts'

describe('the decisions of a session', () => {
  const decisions = summaryDecisions(buildSummary(fixtureInput))

  it('names the chosen principle, the questions voted most to improve, the plays and the action plan', () => {
    expect(decisions.principles.map((p) => p.title)).toEqual(['Zie wat niemand ziet', 'Zie wat niemand ziet'])
    expect(decisions.topQuestions).toHaveLength(1)
    expect(decisions.topQuestions[0]?.questions.map((q) => [q.votes, q.label])).toEqual([
      [3, 'Kijken we naar de gebruiker?'],
      [2, expect.stringContaining('<script>')],
      [1, 'Delen we wat we zien?'],
    ])
    expect(decisions.plays).toEqual([{ round: 0, title: 'Ga op pad', question: 'Kijken we naar de gebruiker?' }])
    expect(decisions.actionPlan.map((item) => item.owner)).toContain('Zoë Ĳzerman')
  })

  it('leaves out rounds whose results were not shown, and questions nobody voted for', () => {
    const summary = buildSummary(fixtureInput)
    const round = summary.voteRounds[0]
    if (!round?.tallies) throw new Error('fixture has a revealed round first')
    const quiet = { ...summary, voteRounds: [{ ...round, tallies: round.tallies.map((t) => ({ ...t, votes: 0 })) }] }
    expect(summaryDecisions(quiet).topQuestions).toEqual([])
    expect(withAndWithoutVotes(round.tallies.map((t, i) => ({ ...t, votes: i }))).unvoted).toHaveLength(1)
  })
})

describe('words around the data', () => {
  it('counts votes with the right plural', () => {
    expect([1, 2].map(summaryLabels.nl.voteCount)).toEqual(['1 stem', '2 stemmen'])
    expect([1, 2].map(summaryLabels.en.voteCount)).toEqual(['1 vote', '2 votes'])
  })

  it('says a moment in local time with its zone, not in UTC', () => {
    expect(localDateTime('2026-12-04T20:30:00.000Z', 'Europe/Amsterdam', 'nl')).toBe('4 december 2026 om 21:30 CET')
    expect(localDateTime('2026-07-04T20:30:00.000Z', 'Europe/Brussels', 'en')).toBe('4 July 2026 at 22:30 CEST')
  })
})
