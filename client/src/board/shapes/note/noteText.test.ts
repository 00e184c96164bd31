import {
  KeyboardShiftEnterTweakExtension,
  renderPlaintextFromRichText,
  tipTapDefaultExtensions,
  toRichText,
  type Editor,
} from 'tldraw'
import { describe, expect, it } from 'vitest'

/**
 * tldraw turns a note's text into HTML and plain text through TipTap (`generateHTML`, `generateText`), once per
 * text: every remote edit of a note is a new text. TipTap built its whole schema for every such call, which made
 * the schema the largest cost of a remote edit on a busy board; the patch in `patches/` keeps one schema per
 * extension set. (HTML needs a DOM, which these tests do not have; plain text goes the same way.)
 */
describe("rendering a note's text", () => {
  it("builds TipTap's schema once per set of extensions, not once per text", () => {
    let schemasBuilt = 0
    const counting = KeyboardShiftEnterTweakExtension.extend({
      addGlobalAttributes() {
        schemasBuilt += 1
        return []
      },
    })
    const extensions = [...tipTapDefaultExtensions.filter((e) => e !== KeyboardShiftEnterTweakExtension), counting]
    const editor = { getTextOptions: () => ({ tipTapConfig: { extensions } }) } as unknown as Editor

    const texts = ['Eerste versie', 'Tweede versie', 'Derde versie'].map((text) =>
      renderPlaintextFromRichText(editor, toRichText(text)),
    )

    expect(texts).toEqual(['Eerste versie', 'Tweede versie', 'Derde versie'])
    expect(schemasBuilt).toBe(1)
  })
})
