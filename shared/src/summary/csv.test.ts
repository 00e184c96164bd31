import { describe, expect, it } from 'vitest'
import { buildSummary } from './build.ts'
import { BOM, csvField, neutraliseFormula, renderCsv } from './csv.ts'
import { fixtureInput, HOSTILE } from './fixture.ts'

const summary = buildSummary(fixtureInput)

/** An RFC 4180 reader: what a spreadsheet makes of the file. */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === delimiter) {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

describe('the CSV summary', () => {
  const csv = renderCsv(summary)
  const rows = parseCsv(csv.slice(1), ';')
  const byKind = (kind: string) => rows.filter((r) => r[0] === kind)

  it('starts with a byte order mark and a header, ends lines with CRLF, and has eleven columns in every row', () => {
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(rows[0]).toEqual([
      'Soort',
      'Fase',
      'Tekst',
      'Stemmen',
      'Aandeel',
      'Geprobeerd',
      'Willen we proberen',
      'Niet relevant',
      'Eigenaar',
      'Eerste stap',
      'Datum',
    ])
    for (const row of rows) expect(row).toHaveLength(11)
  })

  it('has a row per tally with votes and share, and one for a round whose results stayed hidden', () => {
    expect(byKind('stem').map((r) => [r[2], r[3], r[4]])).toEqual([
      ['Kijken we naar de gebruiker?', '3', '100%'],
      ["'" + HOSTILE.html, '2', '67%'].map((v, i) => (i === 0 ? HOSTILE.html : v)),
      ['Delen we wat we zien?', '1', '33%'],
      ['De uitslag is niet aan iedereen getoond.', '', ''],
    ])
  })

  it('has the plan with owner, first step and date, and the actions with their marks', () => {
    expect(byKind('actieplan').map((r) => [r[2], r[8], r[9], r[10]])).toEqual([
      ['Loop een dag mee met de wijkagent', 'Zoë Ĳzerman', 'Agenda’s naast elkaar leggen', '2025-06-01'],
      [`'${HOSTILE.formula}`, `'${HOSTILE.at}`, HOSTILE.html, ''],
    ])
    expect(byKind('actie').map((r) => [r[2], r[5], r[6], r[7]])).toEqual([
      ['Loop een dag mee', '1', '2', '0'],
      ['Bel drie burgers', '0', '0', '0'],
    ])
    expect(byKind('play').map((r) => [r[2], r[3]])).toEqual([['Ga op pad: Kijken we naar de gebruiker?', '3']])
  })

  it('keeps every sticky whole, newlines and all, and neutralises formulas', () => {
    const stickies = byKind('sticky')
    expect(stickies).toHaveLength(9)
    expect(stickies.map((r) => r[2])).toEqual(
      expect.arrayContaining([
        HOSTILE.markdown,
        HOSTILE.emoji,
        HOSTILE.dutch,
        `'${HOSTILE.formula}`,
        `'${HOSTILE.at}`,
        `'${HOSTILE.plusMinus}`,
        HOSTILE.long.trim(),
      ]),
    )
    expect(stickies.find((r) => r[1] === 'Elders op het bord')?.[2]).toBe('getabt')
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('times the stages', () => {
    expect(byKind('fase')[1]).toEqual([
      'fase',
      'Waar staan we?',
      '16 min / 15 min',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '2025-05-01 10:06',
    ])
  })

  it('uses commas and English words when asked', () => {
    const english = renderCsv(summary, { language: 'en' })
    const head = parseCsv(english.slice(1), ',')[0]
    expect(head?.slice(0, 3)).toEqual(['Kind', 'Stage', 'Text'])
    expect(parseCsv(english.slice(1), ',').every((r) => r.length === 11)).toBe(true)
  })
})

describe('CSV cells', () => {
  it.each(['=1+1', '+31 6', '-5', '@SUM(A1)', '\tx', '\rx', '＝1+1'])('neutralises %j', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`)
  })
  it('leaves other text alone', () => {
    expect(neutraliseFormula('1+1=2')).toBe('1+1=2')
    expect(neutraliseFormula(' =1')).toBe(' =1')
  })
  it('quotes as RFC 4180 says', () => {
    expect(csvField('a;b', ';')).toBe('"a;b"')
    expect(csvField('a,b', ';')).toBe('a,b')
    expect(csvField('zeg "hoi"', ',')).toBe('"zeg ""hoi"""')
    expect(csvField('twee\nregels', ',')).toBe('"twee\nregels"')
  })
})
