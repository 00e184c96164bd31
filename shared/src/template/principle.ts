import { z } from 'zod'
import { cleanTextSchema, linkedTextSchema, paragraphsSchema, templateIdSchema } from './text.ts'

/**
 * The content of a template: principles, the questions a team uses to find its gaps, and the "plays" (sets
 * of actions) each question leads to. The shape follows the OECD Innovatie Playbook, but nothing in it is
 * specific to that playbook: a template with one question and one play per principle fits as well.
 */

/** One concrete action of a play ("Hoe verbeteren we" bullet, or a practical tip). */
export const actionSchema = z.object({
  id: templateIdSchema,
  text: cleanTextSchema,
  /** Who said it, when the action is a quoted expert tip. */
  attribution: cleanTextSchema.optional(),
})
export type Action = z.infer<typeof actionSchema>

/** A play: what a team can do about one gap, with an example from practice and a tool to use. */
export const playSchema = z.object({
  id: templateIdSchema,
  title: cleanTextSchema,
  /** The play's own question, as printed on its page. */
  question: cleanTextSchema,
  actions: z.array(actionSchema).min(1, 'a play needs at least one action'),
  /** "Praktijkvoorbeeld": how someone else did it. */
  case: linkedTextSchema.optional(),
  /** "Toolkit": an instrument the team can pick up. */
  toolkit: linkedTextSchema.optional(),
})
export type Play = z.infer<typeof playSchema>

/** A question the team answers about its current situation; voting "we must improve this" leads to its play. */
export const assessmentQuestionSchema = z.object({
  id: templateIdSchema,
  text: cleanTextSchema,
  playId: templateIdSchema,
})
export type AssessmentQuestion = z.infer<typeof assessmentQuestionSchema>

export const principleSchema = z.object({
  id: templateIdSchema,
  number: z.int().positive(),
  title: cleanTextSchema,
  /** Short statement of the principle, when the source gives one. */
  summary: cleanTextSchema.optional(),
  /** The "belangrijke dimensies" of the principle. */
  dimensions: z.array(cleanTextSchema),
  /** Why the principle matters: paragraphs separated by blank lines. */
  why: paragraphsSchema.optional(),
  /** "Hoe kunnen we …?" questions that help a team recognise its challenge in this principle. */
  challengeQuestions: z.array(cleanTextSchema),
  assessmentQuestions: z.array(assessmentQuestionSchema).min(1, 'a principle needs at least one assessment question'),
  plays: z.array(playSchema).min(1, 'a principle needs at least one play'),
})
export type Principle = z.infer<typeof principleSchema>
