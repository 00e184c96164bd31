import {
  passOfVoteRound,
  topWithTies,
  voterShare,
  type PublicVoteRound,
  type StageVisit,
  type Tally,
  type TemplateLayout,
  type VoteRoundView,
} from '@werkplaats/shared'

/**
 * A vote round as one screen shows it, put together from two sources: the control room (settings, status,
 * voter count, and tallies once everyone may see them; live on every screen) and the server's answers to
 * this browser (its own votes and remaining budget; the facilitator's tallies before reveal). The control
 * room is the newer of the two for everything it carries, so it wins there.
 */
export interface RoundView extends PublicVoteRound {
  /** This participant's votes, one entry per vote; empty for who has not voted (or may not). */
  readonly ownVotes: readonly string[]
  /** Votes left, when the server has told us; null before its first answer. */
  readonly remainingVotes: number | null
  /** The pass of the journey the round belongs to: its chips show on that pass's cards only. */
  readonly pass: number
}

export function mergeRoundView(round: PublicVoteRound, own: VoteRoundView | undefined, pass = 0): RoundView {
  const sameRound = own?.roundId === round.roundId ? own : undefined
  return {
    ...round,
    pass,
    tallies: round.tallies ?? sameRound?.tallies,
    ownVotes: sameRound?.ownVotes ?? [],
    remainingVotes: sameRound?.remainingVotes ?? null,
  }
}

/**
 * The round a screen shows: the newest round on the current stage; when the stage has none, the newest open
 * round anywhere (a facilitator may run a round on another stage's cards), else the newest finished round whose
 * stage is still ahead in the agenda (`stageOrder`, the stage ids in order). A finished round belongs to its stage:
 * it does not follow people into the stages after it.
 */
export function currentVoteRound<R extends PublicVoteRound>(
  rounds: readonly R[],
  stageId: string | null,
  stageOrder: readonly string[] = [],
): R | null {
  const newestFirst = [...rounds].sort((a, b) => b.createdAt - a.createdAt)
  const here = stageId === null ? -1 : stageOrder.indexOf(stageId)
  const notBehind = (r: R) =>
    here === -1 || stageOrder.indexOf(r.stageId) === -1 || here < stageOrder.indexOf(r.stageId)
  return (
    newestFirst.find((r) => r.stageId === stageId) ??
    newestFirst.find((r) => r.status === 'open') ??
    newestFirst.find(notBehind) ??
    null
  )
}

/**
 * The rounds started in pass `pass` of the journey: a later pass shows the same template cards again, and
 * must not show an earlier pass's round on them, nor keep its results in view.
 */
export function roundsOfPass<R extends PublicVoteRound>(
  rounds: readonly R[],
  stageHistory: readonly StageVisit[],
  pass: number,
): R[] {
  return rounds.filter((round) => passOfVoteRound(round.createdAt, stageHistory) === pass)
}

/** The stage ids in the agenda's order, as the layout lays their frames out (first pass first). */
export function stageOrderOf(layout: TemplateLayout): string[] {
  const order: string[] = []
  for (const frame of layout.frames)
    if (frame.kind === 'stage' && frame.stageId !== null && !order.includes(frame.stageId)) order.push(frame.stageId)
  return order
}

/** How many of this participant's votes are on `cardId`. */
export function ownVotesOn(round: Pick<RoundView, 'ownVotes'>, cardId: string): number {
  return round.ownVotes.filter((id) => id === cardId).length
}

/** Votes left: the server's word when we have it, else the budget minus what we know we cast. */
export function remainingVotes(round: RoundView): number {
  return round.remainingVotes ?? Math.max(0, round.settings.votesPerParticipant - round.ownVotes.length)
}

/** Whether one more vote on `cardId` would be accepted, as far as this screen knows (the server decides). */
export function mayVoteOn(round: RoundView, cardId: string): boolean {
  return (
    round.status === 'open' &&
    round.cardIds.includes(cardId) &&
    remainingVotes(round) > 0 &&
    ownVotesOn(round, cardId) < round.settings.maxVotesPerCard
  )
}

export function mayTakeBack(round: RoundView, cardId: string): boolean {
  return round.status === 'open' && ownVotesOn(round, cardId) > 0
}

export interface ResultRow extends Tally {
  /** Share of the round's voters who voted for this card, 0–1. */
  readonly share: number
}

/** The results list: every card with its votes and share of voters, most votes first; null while hidden. */
export function resultRows(round: Pick<PublicVoteRound, 'tallies' | 'voterCount'>): ResultRow[] | null {
  if (!round.tallies) return null
  return [...round.tallies]
    .sort((a, b) => b.votes - a.votes)
    .map((tally) => ({ ...tally, share: voterShare(tally, round.voterCount) }))
}

/** Votes per card, for the badges on the cards; empty while the tallies are hidden. */
export function talliesByCard(round: Pick<PublicVoteRound, 'tallies'> | null): Map<string, number> {
  return new Map((round?.tallies ?? []).map((t) => [t.cardId, t.votes]))
}

/**
 * The cards a revealed round's tallies put first, ties included, highlighted on the board: the `count` with the
 * most votes (the assess stage's top questions, else the one card in front). Empty while the tallies are hidden.
 */
export function winningCardIds(round: Pick<PublicVoteRound, 'tallies'> | null, count: number): Set<string> {
  return new Set(topWithTies(round?.tallies ?? [], count).map((t) => t.cardId))
}
