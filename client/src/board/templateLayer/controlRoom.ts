import type { ActionPlanItem, LayoutOverride } from '@werkplaats/shared'
import { react, unsafe__withoutCapture, type Signal } from 'tldraw'
import type { ControlRoom } from '../../session/controlRoom.ts'
import type { TemplateLayerState } from './layerShapes.ts'
import type { TemplateLayer } from './templateLayer.ts'

/** What the page knows that the control room does not: the template, who is looking, in which language. */
export type TemplateLayerContext = Omit<TemplateLayerState, 'facilitation' | 'layout' | 'actionPlan'>

/**
 * Keeps `layer` in step with the session's control room: shown once now, then again whenever the control room's
 * facilitation state or layout changes (the layer itself skips changes it does not depend on, such as the timer),
 * or the board room's action plan (`actionPlan`, drawn as the Actieplan frame's table).
 * Call `refresh` after the context changes (language); `stop` to stop following.
 */
export function followControlRoom(
  layer: TemplateLayer,
  control: ControlRoom,
  context: () => TemplateLayerContext,
  actionPlan?: Signal<readonly ActionPlanItem[]>,
): { refresh(): void; stop(): void } {
  const refresh = () => {
    const layout = control.layout.get()
    const facilitation = control.facilitation.get()
    const plan = actionPlan?.get() ?? noPlan
    // The layer reads and writes the store; none of that is what we follow, and a store write seen as our own
    // input would run this again from inside itself.
    unsafe__withoutCapture(() => layer.update({ ...context(), layout, facilitation, actionPlan: plan }))
  }
  return { refresh, stop: react('template layer follows the control room', refresh) }
}

/** One empty plan for a board without one, so the layer sees no change between two refreshes. */
const noPlan: readonly ActionPlanItem[] = []

/**
 * The `onLayoutOverride` of a facilitator's layer: the control room stores it in its `layoutOverrides`. Only a
 * facilitator's layer ever calls it (the layer reports nothing for anyone else).
 */
export function layoutOverrideWriter(control: ControlRoom): (cardId: string, override: LayoutOverride) => void {
  return (cardId, override) => control.writeLayoutOverride(cardId, override)
}
