import { withOverrides, type LayoutOverride, type LayoutOverrides } from '@werkplaats/shared'
import { isEqual, PageRecordType, type TLPageId, type TLShape, type TLStore } from 'tldraw'
import { isTemplateLayerRecordId, layoutIdOf } from './ids.ts'
import { canRearrange, templateLayerShapes, type TemplateLayerState } from './layerShapes.ts'

/**
 * Keeps the template layer in a tldraw store and guards it.
 *
 * - The layer's records are put as remote changes (`mergeRemoteChanges`): they never enter anyone's undo
 *   history, and the store binding keeps them out of the board room (see `storeBinding.ts`).
 * - Each `update` recomputes the layer only when something it depends on changed, and puts only the records
 *   that differ from what the store holds (which also repairs a record someone tampered with).
 * - A local change to a template shape is reverted, unless it is the facilitator's move or removal of a card
 *   while the layer is unlocked. That is not kept in the store either: it is reported as a layout override
 *   for the control room, and comes back to every screen, the facilitator's included, through `update`.
 *
 * @example
 * const layer = mountTemplateLayer(editor.store, { onLayoutOverride: (id, o) => control.writeLayoutOverride(id, o) })
 * layer.update({ template, layout: control.layout.get(), facilitation: control.facilitation.get(), role, messages })
 */

export interface TemplateLayerOptions {
  /** The page the layer lies on; the board's first page by default. */
  pageId?: TLPageId
  /**
   * The facilitator moved (x, y) or removed (hidden) a card while the layer was unlocked. The override is
   * whole (it keeps what was already overridden), to be stored under `cardId` in the control room's
   * `layoutOverrides`. Called at most once per card per `overrideDelayMs`, not on every frame of a drag.
   */
  onLayoutOverride(cardId: string, override: LayoutOverride): void
  /** How long a drag must rest before its position is reported; 200 ms by default. */
  overrideDelayMs?: number
}

export interface TemplateLayer {
  /** Shows the layer for this state. Cheap when nothing the layer depends on has changed. */
  update(state: TemplateLayerState): void
  /** Reports what is still pending, stops guarding and removes the layer's shapes from the store. */
  dispose(): void
}

/** `overrides` with `override` stored for `cardId`: what the caller writes back as `layoutOverrides`. */
export function withLayoutOverride(
  overrides: LayoutOverrides,
  cardId: string,
  override: LayoutOverride,
): LayoutOverrides {
  return { ...overrides, [cardId]: override }
}

export function mountTemplateLayer(store: TLStore, options: TemplateLayerOptions): TemplateLayer {
  const pageId = options.pageId ?? PageRecordType.createId('page')
  const delay = options.overrideDelayMs ?? 200
  let state: TemplateLayerState | null = null
  let stateKey = ''
  /** Overrides reported (or about to be) that the control state does not show yet: applied meanwhile. */
  const awaiting = new Map<string, LayoutOverride>()
  const unreported = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null

  const report = () => {
    timer = null
    for (const cardId of unreported) {
      const override = awaiting.get(cardId)
      if (override) options.onLayoutOverride(cardId, override)
    }
    unreported.clear()
  }

  const propose = (cardId: string, override: LayoutOverride) => {
    awaiting.set(cardId, override)
    unreported.add(cardId)
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(report, delay)
  }

  /** The override a card has now: the control state's, or the one we reported and wait to see there. */
  const currentOverride = (cardId: string): LayoutOverride =>
    awaiting.get(cardId) ?? state?.facilitation.layoutOverrides[cardId] ?? {}

  /** A card the facilitator may rearrange now (frames are placed by the layout and the plan's table by the plan). */
  const rearrangeable = (shape: TLShape): boolean =>
    state !== null && canRearrange(state) && shape.type !== 'stage-frame' && shape.type !== 'action-plan-table'

  const render = () => {
    if (!state) return
    // What we reported and wait to see in the control state is shown meanwhile, over the control room's layout.
    const desired = templateLayerShapes(
      { ...state, layout: withOverrides(state.layout, Object.fromEntries(awaiting)) },
      pageId,
    )
    putLayer(store, desired)
  }

  const stopGuarding = [
    store.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user' || !isTemplateLayerRecordId(prev.id)) return next
      const cardId = layoutIdOf(prev.id)
      // A move is all the facilitator may do; anything else (resize, rotate, reparent, restyle) is undone.
      if (cardId === null || !rearrangeable(prev) || next.parentId !== prev.parentId) return prev
      if (next.x === prev.x && next.y === prev.y) return prev
      propose(cardId, { ...currentOverride(cardId), x: next.x, y: next.y })
      return { ...prev, x: next.x, y: next.y }
    }),
    store.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
      if (source !== 'user' || !isTemplateLayerRecordId(shape.id)) return
      const cardId = layoutIdOf(shape.id)
      // Removing is how the facilitator hides a card: it stays in the store, faded on their screen only.
      if (cardId !== null && rearrangeable(shape)) {
        propose(cardId, { ...currentOverride(cardId), hidden: true })
        // The store keeps the shape; show it faded right away rather than after the control room answers.
        queueMicrotask(render)
      }
      return false
    }),
  ]

  return {
    update(next) {
      const { layoutOverrides, templateLock } = next.facilitation
      // Overrides the control state now shows are no longer ours to apply; locking drops the rest.
      for (const [cardId, override] of awaiting) {
        if (templateLock === 'locked' || isEqual(layoutOverrides[cardId], override)) awaiting.delete(cardId)
      }
      // The layout is the control room's: a new one only when its inputs changed.
      const key = JSON.stringify([layoutOverrides, templateLock, next.role])
      const same =
        state &&
        key === stateKey &&
        next.layout === state.layout &&
        next.template === state.template &&
        next.messages === state.messages &&
        next.actionPlan === state.actionPlan
      if (same) return
      state = next
      stateKey = key
      render()
    },
    dispose() {
      if (timer !== null) {
        clearTimeout(timer)
        report()
      }
      for (const stop of stopGuarding) stop()
      putLayer(store, [])
    },
  }
}

/** Makes the store's template layer exactly `desired`, writing only what differs, as a remote change. */
function putLayer(store: TLStore, desired: readonly TLShape[]): void {
  const wanted = new Set<string>(desired.map((shape) => shape.id))
  const stale = store
    .allRecords()
    .filter((record) => isTemplateLayerRecordId(record.id) && !wanted.has(record.id))
    .map((record) => record.id)
  const changed = desired.filter((shape) => !isEqual(store.get(shape.id), shape))
  if (stale.length === 0 && changed.length === 0) return
  store.mergeRemoteChanges(() => {
    if (stale.length > 0) store.remove(stale)
    if (changed.length > 0) store.put(changed)
  })
}
