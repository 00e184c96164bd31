import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { buildSummary } from './build.ts'
import { fixtureInput, HOSTILE } from './fixture.ts'
import { escapeBlock, escapeInline, renderMarkdown } from './markdown.ts'

const summary = buildSummary({ ...fixtureInput, includeNames: true })
const markdown = renderMarkdown(summary)
// CommonMark with GFM tables, and GitHub's autolinking of bare URLs, as a wiki or a forge renders it.
const html = new MarkdownIt({ html: true, linkify: true }).render(markdown)
const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`)

describe('the Markdown summary', () => {
  it('has our headings and no others, whatever the stickies say', () => {
    expect(headings).toEqual([
      '1 Samenvatting: Team Innovatie: café &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
      '2 Agenda',
      '2 Gekozen principe',
      '2 Stemrondes',
      '3 Waar staan we?',
      '3 [klik hier](<code>https://evil.example</code>) ![img](<code>https://evil.example/x.png</code>)',
      '2 Vragen en plays',
      '3 Ga op pad',
      '2 Actieplan',
      '2 Stickies',
      '3 Welkom &amp; check-in',
      '3 Waar staan we?',
      '3 Wat kunnen we anders doen?',
      '3 Actieplan',
      '3 Afsluiting',
      '3 Waar staan we? (ronde 2)',
      '3 Wat kunnen we anders doen? (ronde 2)',
      '3 Actieplan (ronde 2)',
      '3 Afsluiting (ronde 2)',
      '3 Elders op het bord',
    ])
  })

  it("lets no user text become HTML, an image or a link; only the template's links are links", () => {
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(1\)>/)
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])
    expect(links).toEqual(['https://example.org/casus', 'https://example.org/gids'])
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;')
    expect(html).not.toMatch(/<blockquote>|<ol|<hr>\s*<h3/)
  })

  it('keeps the text readable: diacritics, emoji, formulas and long text as written', () => {
    expect(markdown).toContain(HOSTILE.dutch)
    expect(markdown).toContain(HOSTILE.emoji)
    expect(html).toContain('=HYPERLINK(&quot;<code>https://evil.example</code>&quot;,&quot;klik&quot;)')
    expect(html).toContain('@SUM(1+1)')
    expect(markdown).toContain('x'.repeat(400))
  })

  it('shows revealed tallies as a table and says when results were not shown', () => {
    expect(markdown).toContain('| Kijken we naar de gebruiker? | 3 | 100% |')
    expect(markdown).toContain('| \\<script>alert("xss")\\</script>\\<img src=x onerror=alert(1)> | 2 | 67% |')
    expect(html).toContain(
      '<td>&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</td>',
    )
    expect(markdown).toContain('_Waar staan we? · 3 deelnemers stemden, 3 stemmen per deelnemer · anoniem_')
    expect(markdown).toContain('De uitslag is niet aan iedereen getoond.')
  })

  it('renders the agenda with times, the plays with marks and the action plan', () => {
    expect(markdown).toContain('| Waar staan we? | 10:06 | 15 min | 16 min |')
    expect(markdown).toContain('| Afsluiting (ronde 2) | niet gestart | 5 min |  |')
    expect(markdown).toContain('| Loop een dag mee | 1 | 2 | 0 |')
    expect(markdown).toContain(
      '| Loop een dag mee met de wijkagent | Zoë Ĳzerman | Agenda’s naast elkaar leggen | 2025-06-01 |',
    )
    expect(markdown).toContain(
      '| Deelnemers | 3: Anna, Zoë \\<b>Ĳ\\</b>, \\=HYPERLINK("`https://evil.example`","klik") |',
    )
    expect(markdown).toContain('_Geen stickies._')
  })

  it('writes no HTML entities: the Markdown reads as the text it holds', () => {
    expect(markdown).toContain('### Welkom & check-in')
    expect(markdown).not.toMatch(/&(amp|lt|gt|quot|#\d+);/)
    expect(headings).toContain('3 Welkom &amp; check-in')
  })

  it('makes a table of every table: one row per line, a pipe in user text is no column', () => {
    const tables = html.match(/<table>/g) ?? []
    expect(tables.length).toBe(5)
    for (const row of html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      const cells = (row[1]?.match(/<t[dh]/g) ?? []).length
      expect([2, 3, 4]).toContain(cells)
    }
  })

  it('speaks English when asked', () => {
    const english = renderMarkdown(summary, { language: 'en' })
    expect(english).toContain('## Action plan')
    expect(english).toContain('Elsewhere on the board')
    expect(english).toContain('3 participants voted, 3 votes each · anonymous')
  })
})

describe('Markdown escaping', () => {
  const render = (text: string) => new MarkdownIt({ html: true }).renderInline(escapeInline(text))

  it.each([
    ['[a](https://x.example)', '[a](<code>https://x.example</code>)'],
    ['<https://x.example>', '&lt;<code>https://x.example</code>&gt;'],
    ['zie www.x.example.', 'zie <code>www.x.example</code>.'],
    ['mail a@b.example', 'mail <code>a@b.example</code>'],
    ['@iemand en #12', '@iemand en #12'],
    ['**vet** _schuin_ `code` ~~weg~~', '**vet** _schuin_ `code` ~~weg~~'],
    ['a | b', 'a | b'],
    ['&amp; &lt;', '&amp;amp; &amp;lt;'],
    ['\\[niet\\]', '\\[niet\\]'],
  ])('keeps %s as text', (input, shown) => {
    expect(render(input)).toBe(shown)
  })

  it('stops list markers, headings and setext lines at the start of a line', () => {
    const block = escapeBlock('- punt\n+ plus\n1. een\n2) twee\n# kop\n===\n---')
    const rendered = new MarkdownIt().render(`- ${block}`)
    expect(rendered).not.toMatch(/<ul>\s*<li>[\s\S]*<ul>|<ol|<h\d|<hr/)
    expect(rendered).toContain('- punt')
    expect(rendered).toContain('1. een')
  })
})
