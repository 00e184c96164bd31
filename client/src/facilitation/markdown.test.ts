import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseInline, parseMarkdown, plainText } from './markdown.ts'
import { Markdown } from './Markdown.tsx'

function html(source: string): string {
  return renderToStaticMarkup(createElement(Markdown, { source }))
}

describe("the facilitator guide's Markdown", () => {
  it('renders paragraphs, bullet and numbered lists, bold and italic', () => {
    expect(html('**Introductie (5 minuten)**\n\nLeg uit *waarom*.\n\n- een\n- **twee**\n\n1. eerst\n2. dan')).toBe(
      '<p><strong>Introductie (5 minuten)</strong></p><p>Leg uit <em>waarom</em>.</p>' +
        '<ul><li>een</li><li><strong>twee</strong></li></ul><ol><li>eerst</li><li>dan</li></ol>',
    )
  })

  it("never turns the template's text into markup: tags and entities are shown as characters", () => {
    const out = html('<script>alert(1)</script> **<img src=x onerror=alert(1)>** &amp;')
    expect(out).not.toContain('<script>')
    expect(out).not.toContain('<img')
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(out).toContain('<strong>&lt;img src=x onerror=alert(1)&gt;</strong>')
    expect(out).toContain('&amp;amp;')
  })

  it('leaves unpaired markers as the characters they are', () => {
    expect(parseInline('5 * 3 en **half')).toEqual([{ kind: 'text', text: '5 * 3 en **half' }])
    expect(parseInline('snake_case_name')).toEqual([{ kind: 'text', text: 'snake_case_name' }])
  })

  it('nests italic in bold and bold in italic', () => {
    expect(parseInline('**a *b* c**')).toEqual([
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'a ' },
          { kind: 'em', children: [{ kind: 'text', text: 'b' }] },
          { kind: 'text', text: ' c' },
        ],
      },
    ])
    expect(parseInline('*a **b** c*')).toEqual([
      {
        kind: 'em',
        children: [
          { kind: 'text', text: 'a ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'b' }] },
          { kind: 'text', text: ' c' },
        ],
      },
    ])
  })

  it('joins the lines of a paragraph and continues an indented list item', () => {
    const blocks = parseMarkdown('een\ntwee\n\n- item\n  vervolg\n- tweede')
    expect(plainText(blocks)).toBe('een twee\n\nitem vervolg\ntweede')
  })

  it('a list directly after a paragraph line starts a list', () => {
    expect(parseMarkdown('Doe dit:\n- a\n- b').map((b) => b.kind)).toEqual(['paragraph', 'list'])
  })
})

describe('any text a template may hold', () => {
  const markup = fc.string({ unit: fc.constantFrom('*', '_', ' ', 'a', 'b', '<', '>', '\n', '-', '1', '.', '\t') })
  const withoutMarkers = (text: string) => text.replace(/[*_]/g, '')

  it('keeps every character of a line but the emphasis markers it used, in order', () => {
    fc.assert(
      fc.property(fc.oneof(markup, fc.string()), (text) => {
        const line = text.replace(/\n/g, ' ')
        expect(withoutMarkers(plainText([{ kind: 'paragraph', children: parseInline(line) }]))).toBe(
          withoutMarkers(line),
        )
      }),
    )
  })

  it('parses into paragraphs and lists whose text holds only what the source held', () => {
    fc.assert(
      fc.property(markup, (source) => {
        const blocks = parseMarkdown(source)
        const kept = withoutMarkers(plainText(blocks)).replace(/\s/g, '')
        // List markers ("- ", "1. ") are dropped; nothing else is, and nothing is added.
        let at = 0
        const compact = source.replace(/\s/g, '')
        for (const character of kept) {
          at = compact.indexOf(character, at)
          expect(at, `${JSON.stringify(character)} of ${JSON.stringify(source)}`).toBeGreaterThanOrEqual(0)
          at += 1
        }
        for (const block of blocks) {
          if (block.kind === 'list') expect(block.items.length).toBeGreaterThan(0)
        }
      }),
    )
  })

  it('parses a hostile guide of tens of thousands of markers without running away', () => {
    for (const source of ['*'.repeat(20_000), '* a'.repeat(7_000), '_x'.repeat(10_000), '*a **b'.repeat(3_000)]) {
      expect(plainText(parseMarkdown(source)).length).toBeLessThanOrEqual(source.length)
    }
  })
})
