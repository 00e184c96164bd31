import { selectPlays, type Round, type Tally, type Template } from '@werkplaats/shared'

/**
 * What the facilitator's choices after a round do to the journey: "Dit principe kiezen" sets the current
 * pass's principle, "Deze plays kiezen" its plays. Both change only the last (current) pass of `rounds`,
 * so earlier passes ("Kies een andere uitdaging") keep what was chosen there.
 */

function withCurrent(rounds: readonly Round[], change: (round: Round) => Round): Round[] {
  const current = rounds.at(-1) ?? { principleIds: [], playIds: [] }
  return [...rounds.slice(0, -1), change(current)]
}

/**
 * The pass with `principleId` chosen. Plays selected earlier for another principle go: they answered that
 * principle's questions, not this one's.
 */
export function withChosenPrinciple(template: Template, rounds: readonly Round[], principleId: string): Round[] {
  const plays = new Set(template.principles.find((p) => p.id === principleId)?.plays.map((play) => play.id) ?? [])
  return withCurrent(rounds, (round) => ({
    principleIds: [principleId],
    playIds: round.playIds.filter((id) => plays.has(id)),
  }))
}

export function withSelectedPlays(rounds: readonly Round[], playIds: readonly string[]): Round[] {
  return withCurrent(rounds, (round) => ({ ...round, playIds: [...new Set(playIds)] }))
}

/** The plays the questions lead to, in the order of the questions, each once. */
export function playsOfQuestions(template: Template, questionIds: readonly string[]): string[] {
  const playOf = new Map(
    template.principles.flatMap((p) => p.assessmentQuestions.map((q) => [q.id, q.playId] as const)),
  )
  const plays = questionIds.flatMap((id) => {
    const play = playOf.get(id)
    return play === undefined ? [] : [play]
  })
  return [...new Set(plays)]
}

/**
 * How many top questions bring their play: the template's improve stage says (the OECD playbook: 3), else 3.
 */
export function topQuestionCount(template: Template): number {
  const improve = template.agenda.find((stage) => stage.kind === 'improve')
  return improve?.kind === 'improve' ? improve.topQuestions : 3
}

/** The questions ticked by default after an assess round: the top ones with their ties. */
export function defaultQuestionSelection(template: Template, tallies: readonly Tally[]): string[] {
  return selectPlays(template, tallies, topQuestionCount(template)).questionIds
}
