import type { TLShapeId } from 'tldraw'

/**
 * Shape ids of the template layer. They are derived from the layout's card and frame ids, so every client
 * names the same card the same way, and they share one prefix, so the store binding can tell a derived
 * record from a participant's at a glance (`isTemplateLayerRecordId`) without knowing the template.
 *
 * Layout ids are lowercase words joined by '-' and ':' (`r0:kaderen:assessment-question:q-1`); tldraw only
 * requires a shape id to start with `shape:`, and the rest is used as an opaque key, so they are kept as
 * they are: the mapping must be reversible to report the facilitator's changes by layout id.
 */
export const TEMPLATE_SHAPE_ID_PREFIX = 'shape:tpl-'

/** The tldraw id of the shape showing layout card or frame `layoutId`. */
export function templateShapeId(layoutId: string): TLShapeId {
  return `${TEMPLATE_SHAPE_ID_PREFIX}${layoutId}` as TLShapeId
}

/** The layout id behind a template shape id, or null for any other record id. */
export function layoutIdOf(recordId: string): string | null {
  return recordId.startsWith(TEMPLATE_SHAPE_ID_PREFIX) ? recordId.slice(TEMPLATE_SHAPE_ID_PREFIX.length) : null
}

/**
 * Whether a record belongs to the template layer: derived on every client, never written to the board
 * room, and never taken from it (a peer that writes such a key into the room changes nothing for others).
 */
export function isTemplateLayerRecordId(recordId: string): boolean {
  return recordId.startsWith(TEMPLATE_SHAPE_ID_PREFIX)
}
