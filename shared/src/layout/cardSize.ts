/**
 * Card heights estimated from their text, without a DOM: every client must compute the same layout, and a
 * measured height would differ by font, zoom and browser. The estimate errs on the tall side (average glyph
 * width of a proportional 16 px sans-serif, words never hyphenated) so text fits the card it is given.
 */

export const CARD_WIDTH = 320
const PADDING = 16

export type TextStyle = 'title' | 'body' | 'small'

const styles: Record<TextStyle, { charWidth: number; lineHeight: number }> = {
  title: { charWidth: 10.5, lineHeight: 28 },
  body: { charWidth: 8.6, lineHeight: 22 },
  small: { charWidth: 7.6, lineHeight: 19 },
}

/** Space between two blocks of text (title and body, or two paragraphs). */
const BLOCK_GAP = 10

/** Lines a text takes at `width`: each source line wraps on its own, words are never split. */
export function estimateLines(text: string, width: number, style: TextStyle): number {
  const perLine = Math.max(1, Math.floor(width / styles[style].charWidth))
  let lines = 0
  for (const line of text.split('\n')) {
    let used = 0
    let count = 1
    for (const word of line.split(/\s+/).filter((w) => w !== '')) {
      const length = Math.min(word.length, perLine)
      if (used === 0) used = length
      else if (used + 1 + length <= perLine) used += 1 + length
      else {
        count += 1
        used = length
      }
    }
    lines += count
  }
  return lines
}

export interface TextBlock {
  readonly text: string
  readonly style: TextStyle
}

/** The height of a card of `width` showing `blocks` one under the other. */
export function estimateCardHeight(blocks: readonly TextBlock[], width = CARD_WIDTH): number {
  const inner = width - 2 * PADDING
  const present = blocks.filter((b) => b.text !== '')
  const text = present.reduce((sum, b) => sum + estimateLines(b.text, inner, b.style) * styles[b.style].lineHeight, 0)
  return Math.ceil(2 * PADDING + text + Math.max(0, present.length - 1) * BLOCK_GAP)
}
