import {
  facilitationMap,
  readFacilitation,
  readFacilitationField,
  writeFacilitationField,
  type LayoutOverride,
} from '@werkplaats/shared'
import type * as Y from 'yjs'
import type { TemplateLayerState } from './layerShapes.ts'
import { withLayoutOverride, type TemplateLayer } from './templateLayer.ts'

/** What the page knows that the control room does not: the template, who is looking, in which language. */
export type TemplateLayerContext = Omit<TemplateLayerState, 'facilitation'>

/**
 * Keeps `layer` in step with the session's control room: shown once now, then again on every change of
 * the facilitation map (the layer itself skips changes it does not depend on, such as the timer).
 * Returns a function that stops following. Call `refresh` after the context changes (language).
 */
export function followControlRoom(
  layer: TemplateLayer,
  controlDoc: Y.Doc,
  context: () => TemplateLayerContext,
): { refresh(): void; stop(): void } {
  const refresh = () => layer.update({ ...context(), facilitation: readFacilitation(controlDoc) })
  const map = facilitationMap(controlDoc)
  map.observe(refresh)
  refresh()
  return { refresh, stop: () => map.unobserve(refresh) }
}

/**
 * The `onLayoutOverride` of a facilitator's layer: stores the override in the control room's
 * `layoutOverrides`. Only a facilitator's layer ever calls it (the layer reports nothing for anyone else),
 * and only the facilitator's connection may write the control room: the server closes anyone else's.
 */
export function layoutOverrideWriter(controlDoc: Y.Doc): (cardId: string, override: LayoutOverride) => void {
  return (cardId, override) => {
    const current = readFacilitationField(controlDoc, 'layoutOverrides')
    writeFacilitationField(controlDoc, 'layoutOverrides', withLayoutOverride(current, cardId, override))
  }
}
