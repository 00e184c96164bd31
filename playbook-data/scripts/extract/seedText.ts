import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Cleaning of the seed texts (plain-text extractions of PDFs and web pages, see sources/README.md).
 * Text is cleaned, never rewritten: we only undo what the extraction did to the layout.
 */

export const sourcesDir = new URL('../../sources/', import.meta.url).pathname

/** Reads the seed whose file name starts with `prefix` (e.g. `001_`): the hash part of the name may change. */
export function readSeed(prefix: string): string {
  const name = readdirSync(sourcesDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))
  if (!name) throw new Error(`no seed file ${prefix}*.txt in ${sourcesDir}`)
  return readFileSync(join(sourcesDir, name), 'utf8')
}

/** Page footers such as `24     INNOVATIE PLAYBOOK  |  INNOVATIEPRINCIPES`. */
export function isPageFooter(line: string): boolean {
  return /^\s*\d+\s+INNOVATIE PLAYBOOK\s+\|/.test(line)
}

/** A line that is only a link target (`https://…` or a `mailto:https://…?subject=` wrapper). */
export function isLinkLine(line: string): boolean {
  return /^(?:mailto:)?https?:\/\/\S+$/.test(line.trim())
}

/**
 * The plain web link behind a link line. `mailto:https://X?subject=` wrappers become `https://X`, and
 * `http://` is upgraded to `https://` because templates only carry https links (the board is served over
 * https and the schema refuses anything else).
 */
export function linkTarget(line: string): string {
  let url = line.trim()
  const wrapped = /^mailto:(https?:\/\/.*?)\?subject=$/.exec(url)
  if (wrapped?.[1]) url = wrapped[1]
  if (url.startsWith('mailto:')) throw new Error(`not a web link: ${line}`)
  return url.replace(/^http:\/\//, 'https://')
}

/**
 * Line-end hyphens in the playbook are nearly all real hyphens of compound words (`innovatie-initiatieven`,
 * `co-creëren`, `risico-aversie`), so a line ending in `-` is joined keeping the hyphen. These are the
 * exceptions where a narrow text bubble forced a break the word does not have (checked against the same
 * word elsewhere in the playbook and Dutch spelling).
 */
const bubbleBreaks = new Set(['financierings-|instrumenten', 'her-|evalueren'])

/** Joins the lines of one paragraph: one space per line break, hyphenated breaks closed, U+FFFD is a space. */
export function joinLines(lines: readonly string[]): string {
  let out = ''
  let spaceAfterPrevious = false
  for (const raw of lines) {
    const line = raw.replace(/\uFFFD/g, ' ').trim()
    if (line === '') continue
    if (out === '') {
      out = line
      spaceAfterPrevious = /\s$/.test(raw.replace(/\uFFFD/g, ' '))
      continue
    }
    const lastWord = /(\S*)$/.exec(out)?.[1] ?? ''
    const firstWord = /^(\p{L}*)/u.exec(line)?.[1] ?? ''
    // `evaluatie- ⏎ en meetinitiatieven`: a hyphen followed by a space is an elided compound, not a break.
    if (/\p{L}-$/u.test(out) && !spaceAfterPrevious && /^\p{L}/u.test(line)) {
      out = bubbleBreaks.has(`${lastWord}|${firstWord}`) ? out.slice(0, -1) + line : out + line
    } else {
      out += ' ' + line
    }
    spaceAfterPrevious = /\s$/.test(raw.replace(/\uFFFD/g, ' '))
  }
  return collapseSpaces(out)
}

export function collapseSpaces(text: string): string {
  return text.replace(/[ \t\u00A0]+/g, ' ').trim()
}

/** Splits lines into paragraphs at blank lines, and where a line starts with whitespace (a new page or column). */
export function splitParagraphs(lines: readonly string[]): string[][] {
  const paragraphs: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    const blank = line.replace(/\uFFFD/g, ' ').trim() === ''
    if (blank || /^\s/.test(line)) {
      if (current.length > 0) paragraphs.push(current)
      current = []
    }
    if (!blank) current.push(line)
  }
  if (current.length > 0) paragraphs.push(current)
  return paragraphs
}

/** Cleaned text of a run of lines: paragraphs separated by one blank line. */
export function cleanParagraphs(lines: readonly string[]): string {
  // Text bubbles sometimes put a blank line inside a hyphenated word (`her-` ⏎⏎ `evalueren.`): a
  // paragraph ending in a hyphenated fragment continues with the next one when that starts in lowercase.
  const merged: string[][] = []
  for (const paragraph of splitParagraphs(lines)) {
    const previous = merged.at(-1)
    const previousText = previous ? joinLines(previous) : ''
    if (previous && /\p{L}-$/u.test(previousText) && /^\p{Ll}/u.test(joinLines(paragraph))) previous.push(...paragraph)
    else merged.push([...paragraph])
  }
  return merged
    .map(joinLines)
    .filter((p) => p !== '')
    .join('\n\n')
}

/**
 * A cleaned document in which passages can be found by short anchors. Anchors are written as the text
 * reads once cleaned; any whitespace in an anchor matches any whitespace (including paragraph breaks).
 */
export class CleanDocument {
  readonly text: string

  constructor(text: string) {
    this.text = text
  }

  /** Index of the single occurrence of `anchor` (at or after `from`); throws when missing or ambiguous. */
  find(anchor: string, from = 0): { start: number; end: number } {
    const pattern = anchorPattern(anchor)
    pattern.lastIndex = from
    const first = pattern.exec(this.text)
    if (!first) throw new Error(`anchor not found: "${anchor}"`)
    const second = pattern.exec(this.text)
    if (second) throw new Error(`anchor is ambiguous: "${anchor}" (at ${first.index} and ${second.index})`)
    return { start: first.index, end: first.index + first[0].length }
  }

  /** Every occurrence of `anchor`, in order. */
  findAll(anchor: string): { start: number; end: number }[] {
    const pattern = anchorPattern(anchor)
    return [...this.text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  }

  /** The first occurrence of `anchor` at or after `from`. */
  findNext(anchor: string, from: number): { start: number; end: number } {
    const pattern = anchorPattern(anchor)
    pattern.lastIndex = from
    const match = pattern.exec(this.text)
    if (!match) throw new Error(`anchor not found after ${from}: "${anchor}"`)
    return { start: match.index, end: match.index + match[0].length }
  }

  /**
   * From the start of `startAnchor` to the end of the first `endAnchor` after it (inclusive), paragraph
   * breaks kept. `occurrence` picks one of several identical start anchors (texts repeated per principle).
   */
  passage(startAnchor: string, endAnchor: string, occurrence?: number): string {
    const start = occurrence === undefined ? this.find(startAnchor) : this.findAll(startAnchor)[occurrence]
    if (!start) throw new Error(`anchor occurrence ${occurrence} not found: "${startAnchor}"`)
    const end = this.findNext(endAnchor, start.start)
    return this.text.slice(start.start, end.end).trim()
  }

  /** One sentence-like item on a single line: whitespace (and paragraph breaks from layout) collapsed. */
  line(startAnchor: string, endAnchor: string): string {
    return collapseSpaces(this.passage(startAnchor, endAnchor).replace(/\s+/g, ' '))
  }

  /** From `startAnchor` up to the first `?` after it: a question. */
  question(startAnchor: string): string {
    const start = this.find(startAnchor)
    const end = this.text.indexOf('?', start.start)
    if (end < 0) throw new Error(`no "?" after "${startAnchor}"`)
    return collapseSpaces(this.text.slice(start.start, end + 1).replace(/\s+/g, ' '))
  }
}

function anchorPattern(anchor: string): RegExp {
  return new RegExp(anchor.trim().split(/\s+/).map(escapeRegExp).join('\\s+'), 'g')
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
