import type * as Y from 'yjs'
import { z } from 'zod'
import { type MarkCounts, markCountsSchema } from './marks.ts'
import { voteRoundViewSchema } from './voteRound.ts'

/**
 * What the control room carries of votes, written by the server only: what everyone may know. For each round
 * its settings, status and voter count, and tallies only once everyone may see them (revealed, or a live
 * round). Individual votes never enter a room. For each action, the team's "Heb je dit al geprobeerd?" counts.
 */
export const CONTROL_VOTE_ROUNDS_MAP = 'voteRounds'
export const CONTROL_MARKS_MAP = 'actionMarks'

export const publicVoteRoundSchema = voteRoundViewSchema.omit({ ownVotes: true, remainingVotes: true, ballots: true })
export type PublicVoteRound = z.infer<typeof publicVoteRoundSchema>

export function writePublicVoteRound(doc: Y.Doc, round: PublicVoteRound): void {
  doc.getMap<unknown>(CONTROL_VOTE_ROUNDS_MAP).set(round.roundId, publicVoteRoundSchema.parse(round))
}

/** Every well-formed round, oldest first. */
export function readPublicVoteRounds(doc: Y.Doc): PublicVoteRound[] {
  const rounds: PublicVoteRound[] = []
  for (const value of doc.getMap<unknown>(CONTROL_VOTE_ROUNDS_MAP).values()) {
    const parsed = publicVoteRoundSchema.safeParse(value)
    if (parsed.success) rounds.push(parsed.data)
  }
  return rounds.sort((a, b) => a.createdAt - b.createdAt || a.roundId.localeCompare(b.roundId))
}

export function writeMarkCounts(doc: Y.Doc, actionId: string, counts: MarkCounts): void {
  doc.getMap<unknown>(CONTROL_MARKS_MAP).set(actionId, { ...counts })
}

export function readMarkCounts(doc: Y.Doc): Map<string, MarkCounts> {
  const counts = new Map<string, MarkCounts>()
  for (const [actionId, value] of doc.getMap<unknown>(CONTROL_MARKS_MAP).entries()) {
    const parsed = markCountsSchema.safeParse(value)
    if (parsed.success) counts.set(actionId, parsed.data)
  }
  return counts
}
