import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Comparison of template text with the seed documents. `fold` forgives exactly what extraction and
 * cleaning are allowed to change: layout (whitespace, line and page breaks, footers, link lines, list
 * markers), U+FFFD for a space, and hyphens inside words (a line-end hyphen may or may not belong to the
 * word). Letters, case, diacritics, quotes and punctuation must match, so a changed word still fails.
 */

const sourcesDir = join(import.meta.dirname, '..', 'sources')

export function readSeed(prefix: string): string {
  const name = readdirSync(sourcesDir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))
  if (!name) throw new Error(`no seed ${prefix}*.txt`)
  return readFileSync(join(sourcesDir, name), 'utf8')
}

export function fold(text: string): string {
  return text
    .replace(/\uFFFD/g, ' ')
    .split('\n')
    .filter((line) => !/^\s*\d+\s+INNOVATIE PLAYBOOK\s+\|/.test(line)) // page footers
    .filter((line) => !/^\s*(?:mailto:)?https?:\/\/\S+\s*$/.test(line)) // link lines
    .map((line) => line.replace(/Terug naar Vragen om te stellen/g, ' ')) // navigation
    .map((line) => line.replace(/^\s*(?:O|•)\s+/, '')) // "O" and "•" bullets
    .join('\n')
    .replace(/(?<=\p{L})-\n\s*(?=\p{L})/gu, '') // word broken at a line-end hyphen
    .replace(/(?<=\p{L})-(?=\p{L})/gu, '') // hyphen inside a word: spelled either way
    .replace(/\s+/g, ' ')
    .trim()
}

/** The seed, folded once, with a membership test that reports what was not found. */
export class FoldedSeed {
  readonly text: string

  constructor(seed: string) {
    this.text = fold(seed)
  }

  missing(texts: readonly string[]): string[] {
    return texts.filter((t) => !this.text.includes(fold(t)))
  }
}

/** Paragraphs of a multi-paragraph text (passages may be composed of non-adjacent paragraphs). */
export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/)
}
