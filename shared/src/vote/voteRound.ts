import { z } from 'zod'
import { templateIdSchema } from '../template/text.ts'

/**
 * A vote round: the facilitator puts a set of cards to the vote ("We moeten dit verbeteren!" on assessment
 * questions, dots elsewhere); participants vote through the server within a budget; the results stay hidden
 * until the facilitator reveals them (or show live, when the facilitator chose so).
 */

/**
 * What can be voted on: a template id (principle, assessment question, action, or a challenge question as
 * `challengeQuestionId` names it) or a sticky on the board (`shape:…`).
 */
export const voteCardIdSchema = z
  .string()
  .regex(/^(?:shape:[A-Za-z0-9_:-]{1,120}|[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'not a card id')

export const voteRoundStatuses = ['open', 'closed', 'revealed'] as const
export const voteRoundStatusSchema = z.enum(voteRoundStatuses)
export type VoteRoundStatus = z.infer<typeof voteRoundStatusSchema>

export const resultsVisibilitySchema = z.enum(['on-reveal', 'live'])
export type ResultsVisibility = z.infer<typeof resultsVisibilitySchema>

export const voteRoundSettingsSchema = z.object({
  votesPerParticipant: z.int().min(1).max(99),
  maxVotesPerCard: z.int().min(1).max(99),
  /** Who voted what is never shown to anyone; when false, the facilitator (only) may see it. */
  anonymous: z.boolean(),
  results: resultsVisibilitySchema,
})
export type VoteRoundSettings = z.infer<typeof voteRoundSettingsSchema>

export const createVoteRoundRequestSchema = z.object({
  stageId: templateIdSchema,
  title: z.string().trim().min(1).max(120).optional(),
  cardIds: z
    .array(voteCardIdSchema)
    .min(1, 'a round needs at least one card')
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'cardIds must not repeat'),
  votesPerParticipant: z.int().min(1).max(99),
  maxVotesPerCard: z.int().min(1).max(99),
  anonymous: z.boolean().default(true),
  results: resultsVisibilitySchema.default('on-reveal'),
})
export type CreateVoteRoundRequest = z.input<typeof createVoteRoundRequestSchema>

export const castVoteRequestSchema = z.object({ cardId: voteCardIdSchema })

/** One card's result: votes cast on it, and by how many different participants. */
export const tallySchema = z.object({ cardId: z.string(), votes: z.int().min(0), voters: z.int().min(0) })
export type Tally = z.infer<typeof tallySchema>

export const voteRoundViewSchema = z.object({
  roundId: z.string(),
  stageId: z.string(),
  title: z.string().optional(),
  cardIds: z.array(z.string()),
  settings: voteRoundSettingsSchema,
  status: voteRoundStatusSchema,
  /** How many participants have cast at least one vote: everyone may know this, it says nothing of what. */
  voterCount: z.int().min(0),
  createdAt: z.int(),
  /** The asking participant's own votes, one entry per vote (a card may appear several times). */
  ownVotes: z.array(z.string()).optional(),
  /** Votes the asking participant has left. */
  remainingVotes: z.int().min(0).optional(),
  /** Sorted by votes; present for whoever may see results now (see `maySeeTallies`). */
  tallies: z.array(tallySchema).optional(),
  /** Who voted what: only for the facilitator, only in a round that is not anonymous. */
  ballots: z.array(z.object({ participantId: z.string(), cardIds: z.array(z.string()) })).optional(),
})
export type VoteRoundView = z.infer<typeof voteRoundViewSchema>

export const createdVoteRoundSchema = z.object({ roundId: z.string() })
