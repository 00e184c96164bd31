import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEmptyNoteText } from './note/emptyNote.ts'
import { isTextLegible, MIN_LEGIBLE_TEXT_PX, MIN_TITLE_SCREEN_PX, titleEnlargement } from './textLegibility.ts'

describe('text legibility at a zoom', () => {
  it('draws text from 5 px on screen, not below', () => {
    // A note's 22 px text: drawn at the stage views (zoom ≥ 0.5), a hint at "fit the whole board" (~0.05–0.1).
    expect(isTextLegible(0.5, 22)).toBe(true)
    expect(isTextLegible(0.25, 22)).toBe(true)
    expect(isTextLegible(0.2, 22)).toBe(false)
    expect(isTextLegible(0.08, 22)).toBe(false)
    // A card's 14 px body drops out earlier than a note's larger text.
    expect(isTextLegible(0.3, 14)).toBe(false)
  })

  it('is the same as "on screen at least MIN_LEGIBLE_TEXT_PX"', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 8, noNaN: true }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (zoom, size) => {
          expect(isTextLegible(zoom, size)).toBe(zoom * size >= MIN_LEGIBLE_TEXT_PX)
        },
      ),
    )
  })
})

describe("a stage title's enlargement", () => {
  it('leaves a readable title as it is and brings a far one to the minimum screen size', () => {
    expect(titleEnlargement(1, 32)).toBe(1)
    expect(titleEnlargement(0.5, 32)).toBe(1)
    expect(titleEnlargement(0.08, 32) * 0.08 * 32).toBeCloseTo(MIN_TITLE_SCREEN_PX)
  })

  it('never shrinks a title, and a zoom that is not positive changes nothing', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 8, noNaN: true }), (zoom) => {
        const enlargement = titleEnlargement(zoom, 32)
        expect(enlargement).toBeGreaterThanOrEqual(1)
        expect(zoom * 32 * enlargement).toBeGreaterThanOrEqual(MIN_TITLE_SCREEN_PX - 1e-9)
      }),
    )
    expect(titleEnlargement(0, 32)).toBe(1)
    expect(titleEnlargement(Number.NaN, 32)).toBe(1)
  })
})

describe("a note's emptiness, for its far-away lines", () => {
  it("matches tldraw's: an empty document or one empty paragraph", () => {
    expect(isEmptyNoteText({ content: [] })).toBe(true)
    expect(isEmptyNoteText({ content: [{}] })).toBe(true)
    expect(isEmptyNoteText({ content: [{ content: [] }] })).toBe(true)
    expect(isEmptyNoteText({ content: [{ content: [{ type: 'text', text: 'Idee' }] }] })).toBe(false)
    expect(isEmptyNoteText({ content: [{ content: [] }, { content: [] }] })).toBe(false)
  })
})
