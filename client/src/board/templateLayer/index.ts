/**
 * The template layer: the template's stages and cards on the board, derived on every client from the
 * template and the control room, never stored in the board room, changed by nobody but the facilitator.
 *
 * To show it, the page (1) creates the board's store and `<Tldraw>` with `templateShapeUtils` beside
 * tldraw's defaults, (2) once the store is bound to the board room, mounts the layer and lets it follow
 * the control room:
 *
 * @example
 * const layer = mountTemplateLayer(store, { onLayoutOverride: layoutOverrideWriter(control) })
 * const following = followControlRoom(layer, control, () => ({ template, role, messages: messagesFor(locale).templateLayer }))
 * // on leaving the board:
 * following.stop()
 * layer.dispose()
 */
export { templateShapeTypes, templateShapeUtils } from '../shapes/templateShapes.ts'
export { followControlRoom, layoutOverrideWriter, type TemplateLayerContext } from './controlRoom.ts'
export { isTemplateLayerRecordId, layoutIdOf, templateShapeId } from './ids.ts'
export { canRearrange, templateLayerShapes, type TemplateLayerState } from './layerShapes.ts'
export {
  mountTemplateLayer,
  withLayoutOverride,
  type TemplateLayer,
  type TemplateLayerOptions,
} from './templateLayer.ts'
