import * as Y from 'yjs'
import { z } from 'zod'

/**
 * The action plan (Actieplan stage): items the team commits to, each with an owner, a first step and a date.
 * It lives in the session's board room, in the Y.Map `actionPlan`, because everyone may edit it live; each item
 * is one Y.Map of its own, so two people editing different fields of one item both keep their change.
 *
 * An item starts from a chosen action of a play (`source: { kind: 'action', id }`), from a sticky on the board
 * (`source: { kind: 'sticky', id: 'shape:…' }`) or from nothing (typed in).
 */
export const ACTION_PLAN_MAP = 'actionPlan'

export const actionPlanSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('action'), id: z.string().max(200) }),
  z.object({ kind: z.literal('sticky'), id: z.string().max(200) }),
])
export type ActionPlanSource = z.infer<typeof actionPlanSourceSchema>

/** A date as people type it in the plan: `YYYY-MM-DD`, or empty while not decided. */
const planDateSchema = z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)])

export const actionPlanItemSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** The action itself: never empty, or the plan would carry a row that commits nobody to anything. */
  text: z.string().max(2000).regex(/\S/, 'an action needs a text'),
  owner: z.string().max(200),
  firstStep: z.string().max(2000),
  date: planDateSchema,
  source: actionPlanSourceSchema.nullable(),
  /** Milliseconds since the epoch, for a stable order. */
  createdAt: z.number().int().nonnegative(),
})
export type ActionPlanItem = z.infer<typeof actionPlanItemSchema>

export type ActionPlanField = 'text' | 'owner' | 'firstStep' | 'date'

export function actionPlanMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ACTION_PLAN_MAP)
}

export function addActionPlanItem(doc: Y.Doc, item: ActionPlanItem): void {
  const parsed = actionPlanItemSchema.parse(item)
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    for (const [key, value] of Object.entries(parsed)) entry.set(key, value)
    actionPlanMap(doc).set(parsed.id, entry)
  })
}

export function updateActionPlanItem(doc: Y.Doc, id: string, field: ActionPlanField, value: string): void {
  const entry = actionPlanMap(doc).get(id)
  if (!entry) return
  const check = actionPlanItemSchema.shape[field].safeParse(value)
  if (!check.success) throw new Error(`invalid ${field}: ${check.error.issues[0]?.message ?? 'not allowed'}`)
  entry.set(field, check.data)
}

export function removeActionPlanItem(doc: Y.Doc, id: string): void {
  actionPlanMap(doc).delete(id)
}

/** Every well-formed item, oldest first; malformed entries (from a tampering client) are skipped. */
export function readActionPlan(doc: Y.Doc): ActionPlanItem[] {
  const items: ActionPlanItem[] = []
  for (const entry of actionPlanMap(doc).values()) {
    if (!(entry instanceof Y.Map)) continue
    const parsed = actionPlanItemSchema.safeParse(entry.toJSON())
    if (parsed.success) items.push(parsed.data)
  }
  return items.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}
