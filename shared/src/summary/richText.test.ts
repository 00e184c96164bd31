import { describe, expect, it } from 'vitest'
import { MAX_STICKY_TEXT_CHARS } from './cut.ts'
import { richTextToPlainText } from './richText.ts'

const paragraph = (...texts: string[]) => ({
  type: 'paragraph',
  content: texts.map((text) => ({ type: 'text', text })),
})
const doc = (...content: unknown[]) => ({ type: 'doc', content })

describe('rich text to plain text', () => {
  it('joins the text of a paragraph, marks and all', () => {
    const bold = { type: 'text', text: 'vet', marks: [{ type: 'bold' }] }
    expect(
      richTextToPlainText(
        doc({ type: 'paragraph', content: [{ type: 'text', text: 'Een ' }, bold, { type: 'text', text: ' woord' }] }),
      ),
    ).toBe('Een vet woord')
  })

  it('puts paragraphs, list items and hard breaks on lines of their own', () => {
    const list = {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph('eerste')] },
        { type: 'listItem', content: [paragraph('tweede')] },
      ],
    }
    const broken = {
      type: 'paragraph',
      content: [{ type: 'text', text: 'regel 1' }, { type: 'hardBreak' }, { type: 'text', text: 'regel 2' }],
    }
    expect(richTextToPlainText(doc(paragraph('Kop'), list, broken))).toBe('Kop\neerste\ntweede\nregel 1\nregel 2')
  })

  it("keeps one blank line of the writer's, drops empty ones at the ends", () => {
    expect(
      richTextToPlainText(
        doc(paragraph(), paragraph('a'), paragraph(), paragraph(), paragraph(), paragraph('b'), paragraph()),
      ),
    ).toBe('a\n\nb')
  })

  it('keeps user text as it is: markup, diacritics and emoji are just characters', () => {
    const hostile = '<script>alert(1)</script> [klik](https://x.example) # Kop =HYPERLINK("x") café 🎉'
    expect(richTextToPlainText(doc(paragraph(hostile)))).toBe(hostile)
  })

  it('gives an empty string for anything that is not rich text', () => {
    for (const value of [
      undefined,
      null,
      'tekst',
      42,
      [],
      { type: 'doc', content: 'nee' },
      { type: 'text', text: 7 },
    ]) {
      expect(richTextToPlainText(value)).toBe('')
    }
  })

  it('stops at a crafted depth and cuts very long text', () => {
    let deep: unknown = { type: 'text', text: 'diep' }
    for (let i = 0; i < 10_000; i++) deep = { type: 'paragraph', content: [deep] }
    expect(richTextToPlainText(doc(deep))).toBe('')
    const long = richTextToPlainText(doc(paragraph('x'.repeat(MAX_STICKY_TEXT_CHARS * 3))))
    expect(long).toHaveLength(MAX_STICKY_TEXT_CHARS + 1)
    expect(long.endsWith('…')).toBe(true)
  })
})
