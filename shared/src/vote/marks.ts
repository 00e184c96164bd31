import { z } from 'zod'

/** "Heb je dit al geprobeerd?": each participant's answer for an action, one per participant, changeable. */
export const actionMarks = ['geprobeerd', 'willen-we-proberen', 'niet-relevant'] as const
export const actionMarkSchema = z.enum(actionMarks)
export type ActionMark = z.infer<typeof actionMarkSchema>

export const setMarkRequestSchema = z.object({ mark: actionMarkSchema.nullable() })

export const markCountsSchema = z.object({
  geprobeerd: z.int().min(0),
  'willen-we-proberen': z.int().min(0),
  'niet-relevant': z.int().min(0),
})
export type MarkCounts = z.infer<typeof markCountsSchema>

/** `GET …/marks`: the team's counts per action, and the asking participant's own marks. */
export const marksViewSchema = z.object({
  counts: z.record(z.string(), markCountsSchema),
  own: z.record(z.string(), actionMarkSchema),
})
export type MarksView = z.infer<typeof marksViewSchema>

/** `PUT …/marks/:actionId`: the mark as stored (null: cleared). */
export const markAnswerSchema = z.object({ actionId: z.string(), mark: actionMarkSchema.nullable() })

export function emptyMarkCounts(): MarkCounts {
  return { geprobeerd: 0, 'willen-we-proberen': 0, 'niet-relevant': 0 }
}

/** The team's counts per action from everyone's marks. */
export function countMarks(marks: ReadonlyArray<{ actionId: string; mark: ActionMark }>): Map<string, MarkCounts> {
  const counts = new Map<string, MarkCounts>()
  for (const { actionId, mark } of marks) {
    let forAction = counts.get(actionId)
    if (!forAction) counts.set(actionId, (forAction = emptyMarkCounts()))
    forAction[mark] += 1
  }
  return counts
}
