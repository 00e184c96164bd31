import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BoardRecord } from '../board/layout.ts'
import { steadyGrowthRatio } from '../testing/growth.ts'
import { findAddresses } from './addresses.ts'
import { buildSummary } from './build.ts'
import { csvField, neutraliseFormula, renderCsv } from './csv.ts'
import { cutText, MAX_STICKY_TEXT_CHARS } from './cut.ts'
import { fixtureInput, noteRecord } from './fixture.ts'
import { renderJson } from './json.ts'
import { escapeBlock, escapeInline, renderMarkdown } from './markdown.ts'
import { richTextToPlainText } from './richText.ts'

/**
 * Every step that reads a sticky's text is linear in it: ten times the text costs at most about twelve times
 * the time (a pattern that backtracks costs about a hundred times). Timing is the subject here, measured as
 * `steadyGrowthRatio` says: the fastest of several samples, taken again when other work distorted them.
 */
/**
 * Both sizes stay below V8's large-object size (128 KiB, even as two-byte text after escaping), where
 * allocation costs more per byte: across it, the same linear code measures 14–20×. The code this replaced
 * measures 60–160× at these sizes.
 */
const SMALL = 2_000
const LARGE = 10 * SMALL
const BOUND = 12

/**
 * `prefix`, then `unit` repeated to `length` characters, then one letter: a pattern such as `\s+$` is linear on
 * a text that is all spaces (it matches at the first try) and quadratic on spaces followed by anything else.
 */
const text = ([prefix, unit]: Shape, length: number) =>
  `${prefix}${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}x`

type Shape = [prefix: string, unit: string]

/** The shapes of text that made the old code quadratic, and the ordinary ones beside them. */
const SHAPES: Record<string, Shape> = {
  spaces: ['', ' '],
  letters: ['', 'a'],
  digits: ['', '7'],
  punctuation: ['', '.,;:!?'],
  'mixed scripts': ['', 'aé ж中🎉ĳ'],
  'spaces before a line break': ['', `${' '.repeat(50)}\n`],
  'local parts without a domain': ['', 'a@'],
  'dots without an address': ['', 'a.'],
  'an address that ends in dots': ['http://', '.'],
  'an e-mail domain of dots': ['a@', '.'],
  'www. again and again': ['', 'www.'],
  'tabs and no-break spaces': ['', '\t\u00a0 '],
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

/** Each function that transforms user text, on its own (no cap, so that its own cost shows). */
const STEPS: Record<string, (text: string) => unknown> = {
  'rich text to plain text': (text) => richTextToPlainText(paragraph(text), Number.POSITIVE_INFINITY),
  'Markdown, inline': escapeInline,
  'Markdown, a block': (text) => escapeBlock(text),
  addresses: findAddresses,
  'CSV field': (text) => csvField(neutraliseFormula(text), ';'),
  'the cut': (text) => cutText(text, Number.POSITIVE_INFINITY),
}

/** The whole export of a board with one sticky of `text`: read, cut, summed up and rendered in every text format. */
function exportBoard(text: string): unknown {
  const records = new Map<string, BoardRecord>([['shape:lang', noteRecord('shape:lang', text, 10, 10)]])
  const summary = buildSummary({ ...fixtureInput, template: null, boardRecords: records })
  return [renderMarkdown(summary), renderCsv(summary), renderJson(summary)]
}

async function growth(step: (text: string) => unknown, shape: Shape): Promise<number> {
  return steadyGrowthRatio(step, text(shape, SMALL), text(shape, LARGE), BOUND)
}

describe('text handling is linear in the text', () => {
  for (const [name, step] of Object.entries(STEPS)) {
    it.each(Object.entries(SHAPES))(`${name}: %s`, async (_, shape) => {
      expect(await growth(step, shape)).toBeLessThanOrEqual(BOUND)
    })
  }

  it('for any text made of repeated pieces of letters, spaces, punctuation, scripts and addresses', async () => {
    const piece = fc.constantFrom(
      ...'aZ 7.@:/-_()[]`|<>"\'!?,;\té中ж🎉\n'.split(''),
      'www.',
      '://',
      'http',
      '.nl',
      '@b.',
    )
    const unit = fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''))
    const step = fc.constantFrom(...Object.keys(STEPS))
    await fc.assert(
      fc.asyncProperty(unit, step, async (repeated, name) => {
        const work = STEPS[name] as (text: string) => unknown
        expect(await growth(work, ['', repeated])).toBeLessThanOrEqual(BOUND)
      }),
      { numRuns: 25 },
    )
  }, 60_000)

  it.each(Object.entries(SHAPES))('the export of a board with one sticky: %s', async (_, shape) => {
    expect(await growth(exportBoard, shape)).toBeLessThanOrEqual(BOUND)
  })
})

describe("a sticky's text in the summary", () => {
  it(`is cut to ${MAX_STICKY_TEXT_CHARS} characters with a visible "…"`, () => {
    const records = new Map<string, BoardRecord>([
      ['shape:spaties', noteRecord('shape:spaties', ' '.repeat(160_000), 10, 10)],
      ['shape:letters', noteRecord('shape:letters', 'a'.repeat(160_000), 10, 400)],
    ])
    const summary = buildSummary({ ...fixtureInput, template: null, boardRecords: records })
    const texts = summary.stickyGroups.flatMap((group) => group.stickies.map((sticky) => sticky.text))
    expect(texts).toEqual(['…', `${'a'.repeat(MAX_STICKY_TEXT_CHARS)}…`])
  })

  it('never splits an emoji when cut', () => {
    expect(cutText('🎉🎉', 3)).toBe('🎉…')
    expect(cutText('ab', 2)).toBe('ab')
  })
})
