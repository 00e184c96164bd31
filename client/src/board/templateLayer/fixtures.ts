import {
  layoutTemplate,
  templateSchema,
  type FacilitationState,
  type Template,
  type TemplateLayout,
} from '@werkplaats/shared'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw'
import nidoJson from '../../../../playbook-data/templates/iedereen-kan-innoveren.json'
import oecdJson from '../../../../playbook-data/templates/oecd-innovatie-playbook.json'
import { templateShapeUtils } from '../shapes/templateShapes.ts'

/**
 * For tests: the two real templates, parsed as the client parses `GET /api/templates/:id`, and a store that
 * knows the template layer's shapes as the board's store does.
 */
export const oecdTemplate: Template = templateSchema.parse(oecdJson)
export const nidoTemplate: Template = templateSchema.parse(nidoJson)

export function boardStore(): TLStore {
  return createTLStore({ shapeUtils: [...defaultShapeUtils, ...templateShapeUtils], bindingUtils: defaultBindingUtils })
}

/** A template layer's state with the layout the control room would give it (`ControlRoom.layout`). */
export function laidOut<
  S extends { template: Template | null; facilitation: Pick<FacilitationState, 'rounds' | 'layoutOverrides'> },
>(state: S): S & { layout: TemplateLayout } {
  return { ...state, layout: layoutTemplate(state.template, state.facilitation) }
}
