import { z } from 'zod'
import { actionPlanSourceSchema } from '../actionPlan/layout.ts'
import { markCountsSchema } from '../vote/marks.ts'
import { voteRoundStatusSchema } from '../vote/voteRound.ts'

/**
 * The summary of a session: what the facilitator sends the team and their manager afterwards, and what every
 * export (Markdown, CSV, JSON, PDF) renders. Built by a pure function (`build.ts`) from what the server holds;
 * its JSON form is a published format, so it carries `schemaVersion` and its JSON Schema is served at
 * `/api/schemas/summary.json`. A change that breaks readers raises the version.
 *
 * It holds what everyone may know: tallies of rounds whose results were shown to everyone, never who voted
 * what, and participants' names only when the facilitator asks for them.
 */
export const SUMMARY_SCHEMA_VERSION = 1

const isoTime = z.iso.datetime({ offset: true })
const day = z.iso.date()

export const summaryLinkedTextSchema = z.object({
  title: z.string().nullable(),
  text: z.string(),
  links: z.array(z.string()),
})

/** One stage of the agenda in one pass through the journey, with the time spent on it. */
export const summaryStageSchema = z.object({
  stageId: z.string(),
  /** The pass through the journey, from 0; later passes repeat the stages from the restart stage on. */
  round: z.int().min(0),
  title: z.string(),
  kind: z.string(),
  plannedMinutes: z.int().min(0),
  /** When the facilitator first opened it; null when it was never opened. */
  startedAt: isoTime.nullable(),
  /** Time the stage was open, over every visit. */
  spentMs: z.int().min(0),
})

export const summaryTallySchema = z.object({
  cardId: z.string(),
  /** What was voted on: the card's text (template text or the sticky's words). */
  label: z.string(),
  votes: z.int().min(0),
  /** Distinct participants who voted for it. */
  voters: z.int().min(0),
  /** Share of the round's voters who voted for it, 0–1. */
  share: z.number().min(0).max(1),
})

export const summaryVoteRoundSchema = z.object({
  roundId: z.string(),
  stageId: z.string(),
  stageTitle: z.string(),
  title: z.string(),
  status: voteRoundStatusSchema,
  anonymous: z.boolean(),
  votesPerParticipant: z.int().min(1),
  voterCount: z.int().min(0),
  /** Most votes first; null while the results have not been shown to everyone. */
  tallies: z.array(summaryTallySchema).nullable(),
})

export const summaryActionSchema = z.object({
  actionId: z.string(),
  text: z.string(),
  attribution: z.string().nullable(),
  /** "Heb je dit al geprobeerd?": the team's answers. */
  marks: markCountsSchema,
})

/** A play the team took up: the question whose votes led to it, its actions and where to read more. */
export const summaryPlaySchema = z.object({
  round: z.int().min(0),
  principleId: z.string(),
  playId: z.string(),
  title: z.string(),
  question: z.object({ questionId: z.string(), text: z.string(), votes: z.int().min(0).nullable() }),
  actions: z.array(summaryActionSchema),
  /** "Praktijkvoorbeeld". */
  case: summaryLinkedTextSchema.nullable(),
  toolkit: summaryLinkedTextSchema.nullable(),
})

export const summaryPrincipleSchema = z.object({
  round: z.int().min(0),
  principleId: z.string(),
  number: z.int(),
  title: z.string(),
})

export const summaryActionPlanItemSchema = z.object({
  id: z.string(),
  action: z.string(),
  owner: z.string(),
  firstStep: z.string(),
  /** `YYYY-MM-DD`, or '' while not decided. */
  date: z.string(),
  source: actionPlanSourceSchema.nullable(),
})

export const summaryStickySchema = z.object({
  id: z.string(),
  text: z.string(),
  /** Votes on this sticky in rounds whose results everyone saw; null when it was never put to such a vote. */
  votes: z.int().min(0).nullable(),
})

/**
 * Stickies of one place on the board: a stage's frame in one pass, everything outside the frames
 * (`elsewhere`), or the whole of a board without a template (`board`).
 */
export const summaryStickyGroupSchema = z.object({
  kind: z.enum(['stage', 'elsewhere', 'board']),
  stageId: z.string().nullable(),
  round: z.int().min(0).nullable(),
  /** The stage's title; null for `elsewhere` and `board`, which each renderer names in its own language. */
  title: z.string().nullable(),
  stickies: z.array(summaryStickySchema),
})

export const sessionSummarySchema = z.object({
  schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION),
  session: z.object({
    id: z.string(),
    title: z.string(),
    /** The workshop's date: the day its first stage opened (or the session was made), in the workshop's time zone. */
    date: day,
    createdAt: isoTime,
    exportedAt: isoTime,
  }),
  template: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** From the first stage opened to the end of the last; null before any stage opened. */
  duration: z.object({ startedAt: isoTime, endedAt: isoTime, ms: z.int().min(0) }).nullable(),
  participants: z.object({
    count: z.int().min(0),
    /** Only when the facilitator chose to include them. */
    names: z.array(z.string()).nullable(),
  }),
  stages: z.array(summaryStageSchema),
  principles: z.array(summaryPrincipleSchema),
  voteRounds: z.array(summaryVoteRoundSchema),
  plays: z.array(summaryPlaySchema),
  actionPlan: z.array(summaryActionPlanItemSchema),
  stickyGroups: z.array(summaryStickyGroupSchema),
})

export type SessionSummary = z.infer<typeof sessionSummarySchema>
export type SummaryStage = z.infer<typeof summaryStageSchema>
export type SummaryVoteRound = z.infer<typeof summaryVoteRoundSchema>
export type SummaryTally = z.infer<typeof summaryTallySchema>
export type SummaryPlay = z.infer<typeof summaryPlaySchema>
export type SummaryActionPlanItem = z.infer<typeof summaryActionPlanItemSchema>
export type SummaryStickyGroup = z.infer<typeof summaryStickyGroupSchema>
export type SummaryLinkedText = z.infer<typeof summaryLinkedTextSchema>

/** The JSON Schema of the summary's JSON form, generated from the zod schema so the two cannot drift. */
export function summaryJsonSchema(id?: string): Record<string, unknown> {
  return {
    ...(id ? { $id: id } : {}),
    title: 'Werkplaats session summary',
    ...z.toJSONSchema(sessionSummarySchema, { target: 'draft-2020-12' }),
  }
}
