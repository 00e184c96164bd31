/**
 * Records every client derives for itself and never shares: the template layer's shapes (see
 * `board/templateLayer/`). They share one id prefix, so the store binding tells them from a participant's
 * records at a glance, without knowing the template: never written to the board room, and never taken from it
 * (a peer that writes such a key into the room changes nothing for others).
 */
export const TEMPLATE_SHAPE_ID_PREFIX = 'shape:tpl-'

/** Whether a record belongs to the template layer. */
export function isTemplateLayerRecordId(recordId: string): boolean {
  return recordId.startsWith(TEMPLATE_SHAPE_ID_PREFIX)
}
