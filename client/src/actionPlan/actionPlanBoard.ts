import {
  ACTION_PLAN_MAP,
  addActionPlanItem,
  readActionPlan,
  removeActionPlanItem,
  updateActionPlanItem,
  type ActionPlanField,
  type ActionPlanItem,
  type ActionPlanSource,
} from '@werkplaats/shared'
import { atom, type Signal } from 'tldraw'
import type * as Y from 'yjs'

/**
 * The action plan as the Actieplan panel edits it: items in the board room, so every writer edits them live
 * and two people typing in different fields of one item both keep what they typed. Observers read only (the
 * server would close a connection that writes the board room without the right to).
 *
 * @example
 * const plan = new ActionPlanBoard(boardDoc)
 * plan.add(planItemFrom({ text: action.text, source: { kind: 'action', id: action.id } }))
 */
export class ActionPlanBoard {
  readonly #doc: Y.Doc
  readonly #itemsAtom = atom<ActionPlanItem[]>('action plan', [])

  constructor(doc: Y.Doc) {
    this.#doc = doc
    // Deep: a field edit changes an item's own Y.Map, not the plan's map.
    this.#doc.getMap(ACTION_PLAN_MAP).observeDeep(this.#read)
    this.#read()
  }

  get items(): Signal<ActionPlanItem[]> {
    return this.#itemsAtom
  }

  add(item: ActionPlanItem): void {
    addActionPlanItem(this.#doc, item)
  }

  update(id: string, field: ActionPlanField, value: string): void {
    updateActionPlanItem(this.#doc, id, field, value)
  }

  remove(id: string): void {
    removeActionPlanItem(this.#doc, id)
  }

  /** Whether something (an action or a sticky) is already in the plan, so it is not offered twice. */
  has(source: ActionPlanSource): boolean {
    return this.#itemsAtom.get().some((item) => item.source?.kind === source.kind && item.source.id === source.id)
  }

  dispose(): void {
    this.#doc.getMap(ACTION_PLAN_MAP).unobserveDeep(this.#read)
  }

  readonly #read = () => this.#itemsAtom.set(readActionPlan(this.#doc))
}

/** A new item: the text it starts from (an action's, a sticky's, or typed), with owner, step and date to fill in. */
export function planItemFrom(
  start: { text: string; source: ActionPlanSource | null },
  now: number = Date.now(),
  id: string = newItemId(),
): ActionPlanItem {
  return {
    id,
    text: start.text.slice(0, 2000),
    owner: '',
    firstStep: '',
    date: '',
    source: start.source,
    createdAt: now,
  }
}

function newItemId(): string {
  return crypto.randomUUID()
}
