import type { TLShapeId } from 'tldraw'
import { TEMPLATE_SHAPE_ID_PREFIX } from '../../storeBinding/derivedRecords.ts'

export { isTemplateLayerRecordId, TEMPLATE_SHAPE_ID_PREFIX } from '../../storeBinding/derivedRecords.ts'

/**
 * Shape ids of the template layer. They are derived from the layout's card and frame ids, so every client
 * names the same card the same way, and they share the prefix the store binding keeps out of the board room
 * (`storeBinding/derivedRecords.ts`).
 *
 * Layout ids are lowercase words joined by '-' and ':' (`r0:kaderen:assessment-question:q-1`); tldraw only
 * requires a shape id to start with `shape:`, and the rest is used as an opaque key, so they are kept as
 * they are: the mapping must be reversible to report the facilitator's changes by layout id.
 */
/** The tldraw id of the shape showing layout card or frame `layoutId`. */
export function templateShapeId(layoutId: string): TLShapeId {
  return `${TEMPLATE_SHAPE_ID_PREFIX}${layoutId}` as TLShapeId
}

/** The layout id behind a template shape id, or null for any other record id. */
export function layoutIdOf(recordId: string): string | null {
  return recordId.startsWith(TEMPLATE_SHAPE_ID_PREFIX) ? recordId.slice(TEMPLATE_SHAPE_ID_PREFIX.length) : null
}

/**
 * The pass of the journey a template shape belongs to (`r1:…` is the second), from its id; undefined for the
 * background and any other record, which belong to no pass.
 */
export function passOfShapeId(recordId: string): number | undefined {
  const match = /^r(\d+):/.exec(layoutIdOf(recordId) ?? '')
  return match ? Number(match[1]) : undefined
}
