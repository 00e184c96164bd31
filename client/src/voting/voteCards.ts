import { challengeQuestionId, type Round, type Stage, type Template } from '@werkplaats/shared'

/**
 * What can be put to the vote on a stage, and what each card says. Template cards are named by their template
 * ids (challenge questions by `challengeQuestionId`), stickies by their tldraw shape id: the same ids the
 * server checks a round's `cardIds` against and the tallies come back with.
 */

/** `unknown`: a template id the loaded template does not have (or the template is still loading). */
export type VoteCardKind = 'principle' | 'challenge-question' | 'assessment-question' | 'action' | 'sticky' | 'unknown'

export interface VoteCard {
  readonly cardId: string
  readonly kind: VoteCardKind
  /** What the card says, as plain text (rendered as text, never as HTML). */
  readonly text: string
  /** The principle a template card belongs to. */
  readonly principleId?: string
}

/** A sticky on the board, as far as voting needs it: its id, where it lies on the page, and its text. */
export interface BoardSticky {
  readonly id: string
  readonly bounds: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }
  readonly text: string
}

/** Every template card that can be voted on, by card id, in template order. */
export function templateVoteCards(template: Template): Map<string, VoteCard> {
  const cards = new Map<string, VoteCard>()
  const add = (card: VoteCard) => cards.set(card.cardId, card)
  for (const principle of template.principles) {
    add({
      cardId: principle.id,
      kind: 'principle',
      text: `${principle.number}. ${principle.title}`,
      principleId: principle.id,
    })
    principle.challengeQuestions.forEach((text, index) =>
      add({
        cardId: challengeQuestionId(principle.id, index),
        kind: 'challenge-question',
        text,
        principleId: principle.id,
      }),
    )
    for (const question of principle.assessmentQuestions) {
      add({ cardId: question.id, kind: 'assessment-question', text: question.text, principleId: principle.id })
    }
    for (const play of principle.plays) {
      for (const action of play.actions)
        add({ cardId: action.id, kind: 'action', text: action.text, principleId: principle.id })
    }
  }
  return cards
}

/** The principles whose questions an assess stage asks: its scope, else the chosen one(s), else all of them. */
export function principlesInScope(template: Template, stage: Stage, round: Round): string[] {
  const all = template.principles.map((p) => p.id)
  if (stage.kind === 'assess' && stage.scope === 'all-principles') return all
  const chosen = all.filter((id) => round.principleIds.includes(id))
  // A facilitator who skipped the choice can still run the round, on every principle's questions.
  return chosen.length > 0 ? chosen : all
}

/**
 * The cards a round on `stage` offers by default: at a challenges stage every principle with its challenge
 * questions, at an assess stage the assessment questions in scope, at an improve stage the actions of the
 * selected plays; and everywhere the stickies written in the stage's frame.
 */
export function stageVoteCards(
  template: Template,
  stage: Stage,
  round: Round,
  stickies: readonly BoardSticky[],
): VoteCard[] {
  const all = [...templateVoteCards(template).values()]
  const stickyCards = stickies.map((s): VoteCard => ({ cardId: s.id, kind: 'sticky', text: s.text }))
  switch (stage.kind) {
    case 'challenges':
      return [...all.filter((c) => c.kind === 'principle' || c.kind === 'challenge-question'), ...stickyCards]
    case 'assess': {
      const scope = new Set(principlesInScope(template, stage, round))
      return [...all.filter((c) => c.kind === 'assessment-question' && scope.has(c.principleId ?? '')), ...stickyCards]
    }
    case 'improve': {
      const actions = new Set(selectedActionIds(template, round))
      return [...all.filter((c) => actions.has(c.cardId)), ...stickyCards]
    }
    default:
      return stickyCards
  }
}

/** The actions of the plays selected in `round`, in template order. */
export function selectedActionIds(template: Template, round: Round): string[] {
  const plays = new Set(round.playIds)
  return template.principles.flatMap((p) =>
    p.plays.filter((play) => plays.has(play.id)).flatMap((play) => play.actions.map((a) => a.id)),
  )
}

/** Stickies whose centre lies inside `frame`: the ones written on that stage. */
export function stickiesInFrame(stickies: readonly BoardSticky[], frame: BoardSticky['bounds']): BoardSticky[] {
  return stickies.filter(({ bounds }) => {
    const cx = bounds.x + bounds.w / 2
    const cy = bounds.y + bounds.h / 2
    return cx >= frame.x && cx <= frame.x + frame.w && cy >= frame.y && cy <= frame.y + frame.h
  })
}

/**
 * A round's cards with their texts: template cards from the template, stickies from the board as they read
 * now (a sticky deleted since shows as such), so a participant sees what they vote on.
 */
export function cardsOfRound(
  cardIds: readonly string[],
  template: Template | null,
  stickies: readonly BoardSticky[],
  missing: string,
): VoteCard[] {
  const fromTemplate = template ? templateVoteCards(template) : new Map<string, VoteCard>()
  const fromBoard = new Map(stickies.map((s) => [s.id, s]))
  return cardIds.map((cardId): VoteCard => {
    const known = fromTemplate.get(cardId)
    if (known) return known
    const sticky = fromBoard.get(cardId)
    return { cardId, kind: cardId.startsWith('shape:') ? 'sticky' : 'unknown', text: sticky?.text.trim() || missing }
  })
}
