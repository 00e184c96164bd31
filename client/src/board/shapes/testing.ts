import { createShapeId, PageRecordType, type Editor, type TLShape, type TLStore } from 'tldraw'

/**
 * For the shape tests. tldraw's Editor needs a DOM, which these Node tests do not have; a util's geometry
 * and flags read only the shape, so it is built without one.
 */
export const noEditor = {} as Editor

/** A shape of `type` with the given props on the first page, as the template layer would make it. */
export function shapeOf<S extends TLShape>(type: S['type'], props: S['props']): S {
  return {
    id: createShapeId('test'),
    typeName: 'shape',
    type,
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: PageRecordType.createId('page'),
    isLocked: true,
    opacity: 1,
    meta: {},
    props,
  } as S
}

/** Whether the store's schema accepts `shape` (what validation does to records from anywhere). */
export function accepts(store: TLStore, shape: TLShape): boolean {
  try {
    store.schema.validateRecord(store, shape, 'createRecord', null)
    return true
  } catch {
    return false
  }
}
