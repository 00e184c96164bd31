import { type BoardRecord, buildSummary } from '@werkplaats/shared'
import { fixtureInput, HOSTILE, noteRecord } from '@werkplaats/shared/summary/fixture'
import { steadyGrowthRatio } from '@werkplaats/shared/testing/growth'
import { describe, expect, it } from 'vitest'
import { readPdf } from '../../test/support/pdf.ts'
import { breakLongRuns, renderPdf } from './pdf.ts'

/** pdftotext breaks lines where the PDF does; compare words, not line breaks. */
const words = (text: string) => text.replace(/\s+/g, ' ')

describe('the PDF summary', async () => {
  const summary = buildSummary({ ...fixtureInput, includeNames: true })
  const pdf = await renderPdf(summary)
  const { text, info } = readPdf(pdf)
  const flat = words(text)

  it('is an A4 PDF that opens cleanly, with its title and embedded fonts', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-')
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/)
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(3)
    expect(info.Title).toContain('Samenvatting: Team Innovatie: café')
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/FontFile2/)
  })

  it('has the title page, the agenda with times and page numbers', () => {
    expect(flat).toContain('Team Innovatie: café')
    expect(flat).toContain('Proef Playbook')
    expect(flat).toContain('1 u 10 min (10:00–11:10)')
    expect(flat).toMatch(/Waar staan we\? 10:06 15 min 16 min/)
    expect(flat).toContain(`Pagina 1 van ${info.Pages}`)
    expect(flat).toContain(`Pagina ${info.Pages} van ${info.Pages}`)
  })

  it('shows the tallies with counts and shares, and the plays and the action plan', () => {
    expect(flat).toContain('Kijken we naar de gebruiker? 3 (100%)')
    expect(flat).toContain('Delen we wat we zien? 1 (33%)')
    expect(flat).toContain('De uitslag is niet aan iedereen getoond.')
    expect(flat).toMatch(/Loop een dag mee 1 2 0/)
    expect(flat).toContain('https://example.org/casus')
    expect(flat).toMatch(/Loop een dag mee met de wijkagent Zoë Ĳzerman Agenda’s naast elkaar leggen 2025-06-01/)
  })

  it('prints hostile text as text, diacritics and all, and every sticky', () => {
    expect(flat).toContain(words(HOSTILE.dutch))
    expect(flat).toContain('<script>alert("xss")</script>')
    expect(flat).toContain(HOSTILE.formula)
    expect(flat).toContain('Elders op het bord')
    expect(flat).toContain('Geen stickies.')
    expect(flat.replace(/ /g, '')).toContain('x'.repeat(400))
  })

  it('opens with one page of decisions and actions: principle, top questions, plays, the plan with owners', () => {
    const first = words(text.split('\f')[0] ?? '')
    expect(first).toContain('Besluiten en acties')
    expect(first).toContain('1. Zie wat niemand ziet (ronde 1)')
    expect(first).toContain('Kijken we naar de gebruiker? (3 stemmen)')
    expect(first).toContain('Delen we wat we zien? (1 stem)')
    expect(first).toContain('Ga op pad: Kijken we naar de gebruiker?')
    expect(first).toMatch(/Loop een dag mee met de wijkagent Zoë Ĳzerman Agenda’s naast elkaar leggen 2025-06-01/)
    // The moment of the export in the workshop's time zone, not as a raw UTC timestamp.
    expect(first).toMatch(/Geëxporteerd: \d{1,2} \w+ \d{4} om \d\d:\d\d CES?T/)
    expect(flat).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/)
    expect(flat).not.toContain('(1 stemmen)')
  })

  it('names the cards nobody voted for on one line instead of a bar each', async () => {
    const round = summary.voteRounds[0]
    if (!round?.tallies) throw new Error('the fixture opens with a revealed round')
    const unvoted = Array.from({ length: 40 }, (_, i) => ({
      cardId: `leeg-${i}`,
      label: `Kaart zonder stem ${i}`,
      votes: 0,
      voters: 0,
      share: 0,
    }))
    const crowded = { ...summary, voteRounds: [{ ...round, tallies: [...round.tallies, ...unvoted] }] }
    const report = words(readPdf(await renderPdf(crowded)).text)
    expect(report).toContain('Zonder stemmen (40): Kaart zonder stem 0 · Kaart zonder stem 1')
    expect(report).not.toContain('0 (0%)')
  })

  it('speaks English when asked', async () => {
    const english = words(readPdf(await renderPdf(summary, { language: 'en' })).text)
    expect(english).toContain('Action plan')
    expect(english).toContain('Page 1 of')
  })
})

describe('PDF layout of long text', () => {
  const withSticky = (text: string) =>
    buildSummary({
      ...fixtureInput,
      template: null,
      boardRecords: new Map<string, BoardRecord>([['shape:lang', noteRecord('shape:lang', text, 10, 10)]]),
    })

  // pdfkit re-measures a run without a place to break for every line it fills: 10,000 letters took 2 s, 50 times
  // as long as 1,000. A sticky holds at most MAX_STICKY_TEXT_CHARS, so 1,000 against 10,000 is the range.
  it.each([
    ['letters', 'a'],
    ['spaces', ' '],
    ['digits and dots', '1.'],
    ['mixed scripts', 'aé ж中🎉ĳ'],
  ])(
    'costs at most twelve times as much for ten times the %s',
    async (_, unit) => {
      const text = (length: number) => `${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}x`
      const ratio = await steadyGrowthRatio(renderPdf, withSticky(text(1_000)), withSticky(text(10_000)), 12, 3, {
        samples: 3,
        calls: 2,
      })
      expect(ratio).toBeLessThanOrEqual(12)
    },
    120_000,
  )

  it('gives every run of 60 characters without a break a zero-width space, and leaves words alone', () => {
    expect(breakLongRuns('een gewoon woord')).toBe('een gewoon woord')
    const broken = breakLongRuns('a'.repeat(150))
    expect(broken.split('\u200B').map((part) => part.length)).toEqual([60, 60, 30])
    expect(
      breakLongRuns(`${'🎉'.repeat(40)}`)
        .split('\u200B')
        .every((part) => !/^[\uDC00-\uDFFF]/.test(part)),
    ).toBe(true)
  })

  it('shows a sticky of 10,000 letters whole, and nothing in place of the breaks', async () => {
    // Over several pages: without the page numbers between them, the letters are one run.
    const flat = words(readPdf(await renderPdf(withSticky(`${'a'.repeat(9_999)}x`))).text)
      .replace(/[\s\u200B]/g, '')
      .replace(/Pagina\d+van\d+/g, '')
    expect(flat).toContain(`${'a'.repeat(9_999)}x`)
  })
})
