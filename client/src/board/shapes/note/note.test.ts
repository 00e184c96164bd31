import {
  createTLStore,
  DEFAULT_THEME,
  defaultBindingUtils,
  defaultShapeUtils,
  toRichText,
  type Editor,
  type TLNoteShape,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { shapeOf } from '../testing.ts'
import { BoardNoteShapeUtil } from './BoardNoteShapeUtil.tsx'
import { noteBoxes } from './noteGeometry.ts'

/** Enough of an editor for a note's display values: the theme and the colour mode, no DOM. */
const editorWithoutDom = { getCurrentTheme: () => DEFAULT_THEME, getColorMode: () => 'light' } as unknown as Editor

const note = (props: Partial<TLNoteShape['props']> = {}) =>
  shapeOf<TLNoteShape>('note', {
    ...new BoardNoteShapeUtil(editorWithoutDom).getDefaultProps(),
    richText: toRichText('Een lange tekst die de notitie laat groeien'),
    ...props,
  })

describe("a note's boxes from its record", () => {
  it('grow with the height the writer measured and with the scale', () => {
    expect(noteBoxes({ noteWidth: 200, noteHeight: 200, labelPadding: 16, growY: 0, scale: 1 })).toEqual({
      note: { width: 200, height: 200 },
      label: { x: 16, y: 16, width: 168, height: 168 },
    })
    expect(noteBoxes({ noteWidth: 200, noteHeight: 200, labelPadding: 16, growY: 100, scale: 2 })).toEqual({
      note: { width: 400, height: 600 },
      label: { x: 32, y: 32, width: 336, height: 536 },
    })
  })

  it('never give the text a box of negative size', () => {
    const { label } = noteBoxes({ noteWidth: 20, noteHeight: 20, labelPadding: 16, growY: 0, scale: 1 })
    expect(label).toEqual({ x: 10, y: 10, width: 0, height: 0 })
  })
})

describe('the board note', () => {
  it('takes its bounds from growY and scale without measuring the text (there is no DOM here)', () => {
    const util = new BoardNoteShapeUtil(editorWithoutDom)
    expect(util.getGeometry(note({ growY: 120 })).bounds.toJson()).toEqual({ x: 0, y: 0, w: 200, h: 320 })
    expect(util.getGeometry(note({ growY: 0, scale: 0.5 })).bounds.toJson()).toEqual({ x: 0, y: 0, w: 100, h: 100 })
  })

  it("has a text label inside the note that does not count towards the note's bounds", () => {
    const [body, label] = new BoardNoteShapeUtil(editorWithoutDom).getGeometry(note({ growY: 40 })).children
    expect(body?.isLabel).toBe(false)
    expect(label?.isLabel).toBe(true)
    expect(label?.excludeFromShapeBounds).toBe(true)
    expect(label?.bounds.toJson()).toEqual({ x: 16, y: 16, w: 168, h: 208 })
  })

  it("keeps tldraw's schema, so every client on the board reads the same records", () => {
    const replaced = defaultShapeUtils.map((util) => (util.type === 'note' ? BoardNoteShapeUtil : util))
    const ours = createTLStore({ shapeUtils: replaced, bindingUtils: defaultBindingUtils }).schema.serialize()
    const theirs = createTLStore({
      shapeUtils: defaultShapeUtils,
      bindingUtils: defaultBindingUtils,
    }).schema.serialize()
    expect(ours).toEqual(theirs)
  })
})
