import type { Template } from '../template/template.ts'
import { type Tally } from './voteRound.ts'
import { topWithTies } from './tally.ts'

/**
 * The playbook's own logic, from votes to what comes next: the challenges round proposes a principle, the
 * assessment round leads to the plays of the questions with the most votes.
 */

/** The id a challenge question ("Hoe kunnen we …?") is voted on by: the template gives them no id of their own. */
export function challengeQuestionId(principleId: string, index: number): string {
  return `${principleId}-challenge-${index + 1}`
}

/** Every template id a vote round may put to the vote: principles, challenge questions, assessment questions, actions. */
export function votableTemplateIds(template: Template): Set<string> {
  const ids = new Set<string>()
  for (const principle of template.principles) {
    ids.add(principle.id)
    principle.challengeQuestions.forEach((_, index) => ids.add(challengeQuestionId(principle.id, index)))
    for (const question of principle.assessmentQuestions) ids.add(question.id)
    for (const play of principle.plays) for (const action of play.actions) ids.add(action.id)
  }
  return ids
}

export interface PrincipleProposal {
  /** The principle(s) with the most votes; several when they tie, none when nobody voted. */
  principleIds: string[]
  /** Votes per principle (its own card, its challenge questions and the stickies in its column), in template order. */
  votes: Array<{ principleId: string; votes: number }>
}

/**
 * The principle the challenges round proposes: every vote on a principle, on one of its challenge questions, or
 * on a sticky the team placed in its column (`stickyPrinciples`, from `principlesOfStickies`) counts for that
 * principle. The facilitator confirms it or picks another.
 */
export function proposePrinciple(
  template: Template,
  tallies: readonly Tally[],
  stickyPrinciples: ReadonlyMap<string, string> = new Map(),
): PrincipleProposal {
  const byCard = new Map(tallies.map((t) => [t.cardId, t.votes]))
  const onStickies = new Map<string, number>()
  for (const [stickyId, principleId] of stickyPrinciples)
    onStickies.set(principleId, (onStickies.get(principleId) ?? 0) + (byCard.get(stickyId) ?? 0))
  const votes = template.principles.map((principle) => ({
    principleId: principle.id,
    votes:
      (byCard.get(principle.id) ?? 0) +
      principle.challengeQuestions.reduce(
        (sum, _, index) => sum + (byCard.get(challengeQuestionId(principle.id, index)) ?? 0),
        0,
      ) +
      (onStickies.get(principle.id) ?? 0),
  }))
  const most = Math.max(0, ...votes.map((v) => v.votes))
  return { principleIds: most === 0 ? [] : votes.filter((v) => v.votes === most).map((v) => v.principleId), votes }
}

export interface PlaySelection {
  /** The assessment questions with the most votes (ties included), most votes first. */
  questionIds: string[]
  /** Their plays, in the same order. */
  playIds: string[]
}

/**
 * The plays the assessment round leads to: the `top` questions with the most "We moeten dit verbeteren!"
 * votes (ties included) and the play each question leads to. The facilitator may adjust the selection.
 */
export function selectPlays(template: Template, tallies: readonly Tally[], top = 3): PlaySelection {
  const playOf = new Map<string, string>()
  for (const principle of template.principles)
    for (const question of principle.assessmentQuestions) playOf.set(question.id, question.playId)
  const questions = topWithTies(
    tallies.filter((t) => playOf.has(t.cardId)),
    top,
  )
  const playIds: string[] = []
  for (const { cardId } of questions) {
    const playId = playOf.get(cardId) as string
    if (!playIds.includes(playId)) playIds.push(playId)
  }
  return { questionIds: questions.map((q) => q.cardId), playIds }
}
