import { describe, expect, it } from 'vitest'
import { languageName } from './languageName.ts'
import { DEFAULT_LOCALE, LOCALES } from './locale.ts'

describe("a template's language as a word", () => {
  it("is written in the reader's language", () => {
    expect(languageName('nl', 'nl')).toBe('Nederlands')
    expect(languageName('nl', 'en')).toBe('Dutch')
    expect(languageName('en', 'nl')).toBe('Engels')
  })

  it('is the code itself when the code or the reader’s locale is not a language tag', () => {
    expect(languageName('not a code!', 'nl')).toBe('not a code!')
    expect(languageName('nl', '??')).toBe('nl')
  })
})

describe('the languages Werkplaats speaks', () => {
  it('are Dutch, the default, and English, each named in itself', () => {
    expect(DEFAULT_LOCALE).toBe('nl')
    expect(LOCALES.map((l) => [l.locale, l.label])).toEqual([
      ['nl', 'Nederlands'],
      ['en', 'English'],
    ])
    for (const { locale, label } of LOCALES)
      expect(languageName(locale, locale).toLowerCase()).toBe(label.toLowerCase())
  })
})
