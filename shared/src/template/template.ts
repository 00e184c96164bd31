import { z } from 'zod'
import { stageSchema } from './agenda.ts'
import type { Stage } from './agenda.ts'
import { principleSchema } from './principle.ts'
import type { Principle } from './principle.ts'
import { cleanTextSchema, paragraphsSchema, templateIdSchema } from './text.ts'

/**
 * A workshop template: published content (principles, questions, plays) plus our own agenda for running
 * it with a team. Client and server only ever see a template through this schema, and the cross-reference
 * rules live here (not in a loader) so every consumer gets the same guarantees.
 */

export const sectionSchema = z.object({
  id: templateIdSchema,
  title: cleanTextSchema,
  text: paragraphsSchema,
})
export type Section = z.infer<typeof sectionSchema>

/**
 * Reference material the facilitator can open beside the stages: one group per source document (or part of
 * one), so the board can show each group as a block with its title and the facilitator can hide the area.
 * The sections are published text; a group title may be ours where the source has no usable title.
 */
export const backgroundGroupSchema = z.object({
  id: templateIdSchema,
  title: cleanTextSchema,
  sections: z.array(sectionSchema).min(1, 'a background group needs at least one section'),
})
export type BackgroundGroup = z.infer<typeof backgroundGroupSchema>

/** An innovation facet of a portfolio (OECD Declaration, point 9 a–d). */
export const facetSchema = z.object({
  id: templateIdSchema,
  letter: z.string().regex(/^[a-z]$/, 'facet letter is a single lowercase letter'),
  name: cleanTextSchema,
  text: cleanTextSchema,
})
export type Facet = z.infer<typeof facetSchema>

export const templateSourceSchema = z.object({
  title: cleanTextSchema,
  publisher: cleanTextSchema,
  year: z.int().min(1900).max(2100).optional(),
})

const templateObjectSchema = z.object({
  schemaVersion: z.literal(1),
  id: templateIdSchema,
  title: cleanTextSchema,
  language: z.literal('nl'),
  source: templateSourceSchema,
  /** Introduction and how-to-use texts of the source. */
  intro: z.array(sectionSchema).min(1, 'a template needs an introduction'),
  /** The steps the source takes a team through (may be empty when the source has none). */
  journey: z.array(sectionSchema),
  principles: z.array(principleSchema).min(1, 'a template needs at least one principle'),
  facets: z.array(facetSchema),
  /** Reference material shown beside the canvases (e.g. questions and answers, the studies behind it). */
  background: z.array(backgroundGroupSchema),
  agenda: z.array(stageSchema).min(1, 'a template needs an agenda'),
})

type TemplateObject = z.infer<typeof templateObjectSchema>
type Ctx = z.RefinementCtx<TemplateObject>
type Path = (string | number)[]

function reportDuplicates(ctx: Ctx, what: string, entries: { id: string; path: Path }[]): void {
  const seen = new Map<string, Path>()
  for (const { id, path } of entries) {
    const first = seen.get(id)
    if (first)
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'id'],
        message: `duplicate ${what} id "${id}" (first at ${formatPath(first)})`,
      })
    else seen.set(id, path)
  }
}

function checkUniqueIds(t: TemplateObject, ctx: Ctx): void {
  const principles = t.principles.map((p, i) => ({ p, path: ['principles', i] as Path }))
  reportDuplicates(
    ctx,
    'principle',
    principles.map(({ p, path }) => ({ id: p.id, path })),
  )
  reportDuplicates(
    ctx,
    'assessment question',
    principles.flatMap(({ p, path }) =>
      p.assessmentQuestions.map((q, j) => ({ id: q.id, path: [...path, 'assessmentQuestions', j] })),
    ),
  )
  reportDuplicates(
    ctx,
    'play',
    principles.flatMap(({ p, path }) => p.plays.map((play, k) => ({ id: play.id, path: [...path, 'plays', k] }))),
  )
  reportDuplicates(
    ctx,
    'action',
    principles.flatMap(({ p, path }) =>
      p.plays.flatMap((play, k) =>
        play.actions.map((a, l) => ({ id: a.id, path: [...path, 'plays', k, 'actions', l] })),
      ),
    ),
  )
  reportDuplicates(
    ctx,
    'stage',
    t.agenda.map((s, i) => ({ id: s.id, path: ['agenda', i] })),
  )
  for (const key of ['intro', 'journey', 'background', 'facets'] as const) {
    reportDuplicates(
      ctx,
      key,
      t[key].map((s, i) => ({ id: s.id, path: [key, i] })),
    )
  }
  // Section ids are unique across groups: the board derives one card id from each.
  reportDuplicates(
    ctx,
    'background section',
    t.background.flatMap((g, i) => g.sections.map((s, j) => ({ id: s.id, path: ['background', i, 'sections', j] }))),
  )
}

/** Principles are numbered 1, 2, 3 … in the order they are listed. */
function checkNumbering(t: TemplateObject, ctx: Ctx): void {
  t.principles.forEach((p, i) => {
    if (p.number !== i + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['principles', i, 'number'],
        message: `expected principle number ${i + 1}, got ${p.number}`,
      })
    }
  })
}

/** Every question leads to a play of its own principle, and every play is reached by exactly one question. */
function checkQuestionsReachPlays(p: Principle, i: number, ctx: Ctx): void {
  const playIds = new Set(p.plays.map((play) => play.id))
  const reachedBy = new Map<string, string[]>()
  p.assessmentQuestions.forEach((q, j) => {
    if (!playIds.has(q.playId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['principles', i, 'assessmentQuestions', j, 'playId'],
        message: `play "${q.playId}" does not exist in principle "${p.id}"`,
      })
      return
    }
    reachedBy.set(q.playId, [...(reachedBy.get(q.playId) ?? []), q.id])
  })
  p.plays.forEach((play, k) => {
    const questions = reachedBy.get(play.id) ?? []
    if (questions.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['principles', i, 'plays', k],
        message:
          questions.length === 0
            ? `play "${play.id}" is not reached by any assessment question`
            : `play "${play.id}" is reached by ${questions.length} assessment questions (${questions.join(', ')}); expected exactly one`,
      })
    }
  })
}

/** The agenda must be runnable: referenced stages exist and each stage has what it needs before it. */
function checkAgenda(t: TemplateObject, ctx: Ctx): void {
  const stageIds = new Set(t.agenda.map((s) => s.id))
  const journeyIds = new Set(t.journey.map((s) => s.id))
  const seenKinds = new Set<Stage['kind']>()
  t.agenda.forEach((stage, i) => {
    const path: Path = ['agenda', i]
    if (stage.journeyStepId !== undefined && !journeyIds.has(stage.journeyStepId)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'journeyStepId'],
        message: `journey step "${stage.journeyStepId}" does not exist`,
      })
    }
    switch (stage.kind) {
      case 'challenges':
        t.principles.forEach((p, j) => {
          if (p.challengeQuestions.length === 0) {
            ctx.addIssue({
              code: 'custom',
              path: ['principles', j, 'challengeQuestions'],
              message: `stage "${stage.id}" lets the team choose a principle, so every principle needs challenge questions`,
            })
          }
        })
        break
      case 'assess':
        if (stage.scope === 'chosen-principle' && !seenKinds.has('challenges')) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'scope'],
            message: 'scope "chosen-principle" needs a "challenges" stage before it, where the principle is chosen',
          })
        }
        break
      case 'improve':
        if (!seenKinds.has('assess')) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'kind'],
            message: 'an "improve" stage needs an "assess" stage before it, whose votes pick the plays',
          })
        }
        break
      case 'closing':
        if (stage.restart && !stageIds.has(stage.restart.stageId)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'restart', 'stageId'],
            message: `stage "${stage.restart.stageId}" does not exist`,
          })
        }
        break
      case 'welcome':
      case 'action-plan':
        break
    }
    seenKinds.add(stage.kind)
  })
}

export const templateSchema = templateObjectSchema.superRefine((t, ctx) => {
  checkUniqueIds(t, ctx)
  checkNumbering(t, ctx)
  t.principles.forEach((p, i) => checkQuestionsReachPlays(p, i, ctx))
  checkAgenda(t, ctx)
})

export type Template = z.infer<typeof templateSchema>

/** `['principles', 2, 'plays', 0, 'id']` → `principles[2].plays[0].id`: the form used in error messages. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(root)' : out
}
