import { buildSummary } from '@werkplaats/shared'
import { fixtureInput, HOSTILE } from '@werkplaats/shared/summary/fixture'
import { describe, expect, it } from 'vitest'
import { readPdf } from '../../test/support/pdf.ts'
import { renderPdf } from './pdf.ts'

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

  it('speaks English when asked', async () => {
    const english = words(readPdf(await renderPdf(summary, { language: 'en' })).text)
    expect(english).toContain('Action plan')
    expect(english).toContain('Page 1 of')
  })
})
