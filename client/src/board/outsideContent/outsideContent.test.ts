import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type TLContent,
  type TLShape,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { withoutOutsideContent } from './outsideContentHandlers.ts'
import { outsideContentShapeTypes, outsideContentShapeUtils } from './outsideContentShapes.tsx'

describe('shapes that would show outside content', () => {
  it('are the four types that load from an address', () => {
    expect([...outsideContentShapeTypes].sort()).toEqual(['bookmark', 'embed', 'image', 'video'])
  })

  it("keep tldraw's schema, so boards holding such records still load and keep them", () => {
    const replaced = defaultShapeUtils.map(
      (util) => outsideContentShapeUtils.find((own) => own.type === util.type) ?? util,
    )
    const ours = createTLStore({ shapeUtils: replaced, bindingUtils: defaultBindingUtils }).schema.serialize()
    const theirs = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
    }).schema.serialize()
    expect(ours).toEqual(theirs)
  })
})

describe('pasted tldraw content', () => {
  const shape = (type: string, id: string) =>
    ({ id: createShapeId(id), type, parentId: 'page:page' }) as unknown as TLShape

  it('loses its images, videos, bookmarks, embeds, their bindings and every asset; the rest stays', () => {
    const note = shape('note', 'note')
    const arrow = shape('arrow', 'arrow')
    const image = shape('image', 'image')
    const content = {
      shapes: [note, arrow, image, shape('bookmark', 'bookmark'), shape('embed', 'embed'), shape('video', 'video')],
      rootShapeIds: [
        note.id,
        arrow.id,
        image.id,
        createShapeId('bookmark'),
        createShapeId('embed'),
        createShapeId('video'),
      ],
      bindings: [
        { id: 'binding:1', type: 'arrow', fromId: arrow.id, toId: note.id },
        { id: 'binding:2', type: 'arrow', fromId: arrow.id, toId: image.id },
      ],
      assets: [{ id: 'asset:1', typeName: 'asset', type: 'image', props: { src: 'https://elsewhere.example/x.png' } }],
      schema: { schemaVersion: 2, sequences: {} },
    } as unknown as TLContent
    const kept = withoutOutsideContent(content)
    expect(kept.shapes.map((s) => s.type)).toEqual(['note', 'arrow'])
    expect(kept.rootShapeIds).toEqual([note.id, arrow.id])
    expect(kept.bindings?.map((b) => b.id)).toEqual(['binding:1'])
    expect(kept.assets).toEqual([])
  })
})
