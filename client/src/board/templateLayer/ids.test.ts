import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isTemplateLayerRecordId, layoutIdOf, passOfShapeId, templateShapeId } from './ids.ts'

const layoutId = fc.stringMatching(/^[a-z0-9][a-z0-9:-]{0,40}$/)

describe("the template layer's shape ids", () => {
  it('name every layout id the same way on every client, and give it back', () => {
    fc.assert(
      fc.property(layoutId, (id) => {
        const shapeId = templateShapeId(id)
        expect(shapeId.startsWith('shape:')).toBe(true)
        expect(isTemplateLayerRecordId(shapeId)).toBe(true)
        expect(layoutIdOf(shapeId)).toBe(id)
      }),
    )
    expect(templateShapeId('r0:kaderen:assessment-question:q-1')).toBe('shape:tpl-r0:kaderen:assessment-question:q-1')
  })

  it("are never a participant's record, and a participant's record is never theirs", () => {
    for (const id of ['shape:abc', 'shape:tpl', 'page:page', 'instance:instance', 'shape:xtpl-r0:a'])
      expect([isTemplateLayerRecordId(id), layoutIdOf(id)], id).toEqual([false, null])
  })

  it('tell the pass of the journey a shape belongs to, and none for the background or any other record', () => {
    expect(passOfShapeId(templateShapeId('r0:kaderen:frame'))).toBe(0)
    expect(passOfShapeId(templateShapeId('r12:startpunt:principle:p-1'))).toBe(12)
    expect(passOfShapeId(templateShapeId('background'))).toBeUndefined()
    expect(passOfShapeId(templateShapeId('rx:kaderen'))).toBeUndefined()
    expect(passOfShapeId('shape:r1:kaderen')).toBeUndefined()
  })
})
