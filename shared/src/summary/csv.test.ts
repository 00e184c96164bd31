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
  const header = rows[0] ?? []
  const at = (name: string) => header.indexOf(name)
  const byType = (type: string) => rows.filter((r) => r[0] === type)
  const pick = (row: string[] | undefined, ...names: string[]) => names.map((name) => row?.[at(name)])

  it('starts with a byte order mark and a header, ends lines with CRLF, and has every column in every row', () => {
    expect(csv.startsWith(BOM)).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(header).toEqual([
      'Type',
      'Ronde',
      'Fase',
      'Stemronde',
      'Play',
      'Tekst',
      'Vraag',
      'Stemmen',
      'Aandeel',
      'Geprobeerd',
      'Willen we proberen',
      'Niet relevant',
      'Eigenaar',
      'Eerste stap',
      'Datum',
      'Start',
      'Gepland (min)',
      'Besteed (min)',
    ])
    for (const row of rows) expect(row).toHaveLength(header.length)
  })

  it('gives each column one meaning: minutes only in the minute columns, start times only under Start', () => {
    const minutes = /^\d+$/
    for (const row of rows.slice(1)) {
      expect(row[at('Tekst')], row.join('|')).not.toMatch(/\d+ min/)
      for (const name of ['Gepland (min)', 'Besteed (min)', 'Stemmen', 'Ronde']) {
        expect(row[at(name)] === '' || minutes.test(row[at(name)] ?? ''), `${name} in ${row.join('|')}`).toBe(true)
      }
      if (row[0] !== 'actieplan') expect(row[at('Datum')]).toBe('')
      if (row[0] !== 'fase') expect(row[at('Start')]).toBe('')
    }
  })

  it('has a row per tally with votes and share, and a row per round saying whether its results were shown', () => {
    expect(byType('stem').map((r) => pick(r, 'Stemronde', 'Tekst', 'Stemmen', 'Aandeel'))).toEqual([
      ['Waar staan we?', 'Kijken we naar de gebruiker?', '3', '100%'],
      ['Waar staan we?', HOSTILE.html, '2', '67%'],
      ['Waar staan we?', 'Delen we wat we zien?', '1', '33%'],
    ])
    expect(byType('stemronde').map((r) => r[at('Tekst')])).toEqual([
      '3 deelnemers stemden, 3 stemmen per deelnemer',
      'De uitslag is niet aan iedereen getoond.',
    ])
  })

  it('has the plan with owner, first step and date, and the actions with their marks', () => {
    expect(byType('actieplan').map((r) => pick(r, 'Tekst', 'Eigenaar', 'Eerste stap', 'Datum'))).toEqual([
      ['Loop een dag mee met de wijkagent', 'Zoë Ĳzerman', 'Agenda’s naast elkaar leggen', '2025-06-01'],
      [`'${HOSTILE.formula}`, `'${HOSTILE.at}`, HOSTILE.html, ''],
    ])
    expect(
      byType('actie').map((r) => pick(r, 'Play', 'Tekst', 'Geprobeerd', 'Willen we proberen', 'Niet relevant')),
    ).toEqual([
      ['Ga op pad', 'Loop een dag mee', '1', '2', '0'],
      ['Ga op pad', 'Bel drie burgers', '0', '0', '0'],
    ])
    expect(byType('play').map((r) => pick(r, 'Play', 'Vraag', 'Stemmen'))).toEqual([
      ['Ga op pad', 'Kijken we naar de gebruiker?', '3'],
    ])
  })

  it('keeps every sticky whole, newlines and all, and neutralises formulas', () => {
    const stickies = byType('sticky')
    expect(stickies).toHaveLength(9)
    expect(stickies.map((r) => r[at('Tekst')])).toEqual(
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
    expect(stickies.find((r) => r[at('Fase')] === 'Elders op het bord')?.[at('Tekst')]).toBe('getabt')
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it("times the stages in minutes, with the start in the workshop's time zone", () => {
    expect(pick(byType('fase')[1], 'Ronde', 'Fase', 'Start', 'Gepland (min)', 'Besteed (min)')).toEqual([
      '1',
      'Waar staan we?',
      '2025-05-01 10:06',
      '15',
      '16',
    ])
  })

  it('uses commas and English words when asked', () => {
    const english = parseCsv(renderCsv(summary, { language: 'en' }).slice(1), ',')
    expect(english[0]?.slice(0, 6)).toEqual(['Type', 'Round', 'Stage', 'Vote round', 'Play', 'Text'])
    expect(english.every((r) => r.length === header.length)).toBe(true)
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
