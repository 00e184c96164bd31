import { z } from 'zod'
import { cleanTextSchema, paragraphsSchema, templateIdSchema } from './text.ts'

/**
 * The workshop agenda: one canvas per stage. The client switches on `kind` to pick the canvas mechanics,
 * so kinds are few and generic; everything a stage says to people (titles, instructions, the facilitator's
 * guide) is data. Kind-specific knobs live on the variant that uses them.
 */

export const stageKinds = ['welcome', 'challenges', 'assess', 'improve', 'action-plan', 'closing'] as const
export const stageKindSchema = z.enum(stageKinds)
export type StageKind = z.infer<typeof stageKindSchema>

/**
 * Template content a stage's frame shows as cards (see `layout/templateLayout.ts`). Which principles and
 * plays follows from the session: `principles` shows every principle with its challenge questions;
 * `principle-details` (dimensions, "waarom") and `assessment-questions` show the principles in scope (an
 * assess stage's `scope`, otherwise the chosen principle when the agenda lets the team choose, else all);
 * `plays` shows the plays the facilitator selected.
 */
export const stageContentKinds = [
  'intro',
  'journey',
  'principles',
  'principle-details',
  'assessment-questions',
  'plays',
] as const
export const stageContentSchema = z.enum(stageContentKinds)
export type StageContent = z.infer<typeof stageContentSchema>

const stageBase = {
  id: templateIdSchema,
  title: cleanTextSchema,
  /** Suggested duration. */
  minutes: z.int().positive().max(240),
  /** What the stage should achieve, in one or two sentences (shown to everyone). */
  goal: cleanTextSchema,
  /** What participants do on this canvas (shown to everyone). */
  participantInstruction: paragraphsSchema,
  /** Markdown for the facilitator only: what to say, ask, watch for and how to decide. */
  facilitatorGuide: paragraphsSchema,
  /** The step of the template's journey this stage belongs to, if any. */
  journeyStepId: templateIdSchema.optional(),
  /** The template content on this stage's frame, in this order (may be empty: a stage for writing only). */
  shows: z.array(stageContentSchema).max(stageContentKinds.length),
  /** The empty area of the frame where participants put their stickies, and its label. */
  writingZone: z.object({ label: cleanTextSchema }).optional(),
  /**
   * The guide's rule for a vote on this stage, which a new round starts with: votes per person (a number, or
   * `per-card`: one for every card, "as many as you like") and at most how many on one card.
   */
  vote: z
    .object({
      perParticipant: z.union([z.int().positive().max(99), z.literal('per-card')]),
      perCard: z.int().positive().max(99),
    })
    .optional(),
}

/** Check-in: everyone adds a sticky. */
export const welcomeStageSchema = z.object({ ...stageBase, kind: z.literal('welcome') })

/**
 * Principles side by side with their challenge questions; participants add their own challenges as
 * stickies and dot-vote. The vote proposes a principle; the facilitator chooses.
 */
export const challengesStageSchema = z.object({
  ...stageBase,
  kind: z.literal('challenges'),
  dotsPerParticipant: z.int().positive().max(20),
})

/** Participants vote `voteLabel` on the assessment questions where the team has a gap. */
export const assessStageSchema = z.object({
  ...stageBase,
  kind: z.literal('assess'),
  /** `chosen-principle`: only the principle picked in the challenges stage; `all-principles`: every one. */
  scope: z.enum(['chosen-principle', 'all-principles']),
  voteLabel: cleanTextSchema,
  /** Votes stay hidden until the facilitator reveals them, so people do not follow the crowd. */
  hiddenUntilRevealed: z.boolean(),
})

/** The plays of the most-voted questions: participants mark actions and add their own. */
export const improveStageSchema = z.object({
  ...stageBase,
  kind: z.literal('improve'),
  /** How many of the most-voted questions bring their play onto the canvas. */
  topQuestions: z.int().positive().max(10),
})

/** Chosen actions, each with an owner, a first step and a date. */
export const actionPlanStageSchema = z.object({ ...stageBase, kind: z.literal('action-plan') })

/** Check-out; the facilitator exports the summary and may start the journey again. */
export const closingStageSchema = z.object({
  ...stageBase,
  kind: z.literal('closing'),
  /** Offered as a button to run the journey again with another principle. */
  restart: z.object({ label: cleanTextSchema, stageId: templateIdSchema }).optional(),
})

export const stageSchema = z.discriminatedUnion('kind', [
  welcomeStageSchema,
  challengesStageSchema,
  assessStageSchema,
  improveStageSchema,
  actionPlanStageSchema,
  closingStageSchema,
])
export type Stage = z.infer<typeof stageSchema>
export type StageOfKind<K extends StageKind> = Extract<Stage, { kind: K }>
