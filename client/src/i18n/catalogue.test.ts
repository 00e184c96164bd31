import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LicenceNotice } from '../licence/LicenceNotice.tsx'
import { en } from './en.ts'
import { resolveLocale } from './locale.ts'
import { messagesFor } from './messages.ts'
import { type Messages, nl } from './nl.ts'
import { MessagesProvider } from './useMessages.tsx'

/** Every leaf of a catalogue, by its dotted path: a string, or a function's arity (how many values it takes). */
function leaves(catalogue: object, prefix = ''): Map<string, string | number> {
  const found = new Map<string, string | number>()
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix + key
    if (typeof value === 'string') found.set(path, value)
    else if (typeof value === 'function') found.set(path, value.length)
    else if (typeof value === 'object' && value !== null)
      for (const leaf of leaves(value, `${path}.`)) found.set(...leaf)
  }
  return found
}

describe('the catalogues', () => {
  it('has every Dutch text in English, as a non-empty string or a function taking the same values', () => {
    const dutch = leaves(nl)
    const english = leaves(en)
    expect([...english.keys()].sort()).toEqual([...dutch.keys()].sort())
    for (const [path, value] of english) {
      if (typeof value === 'string') expect(value.trim(), path).not.toBe('')
      else expect(value, path).toBe(dutch.get(path))
    }
  })

  it('fails the type check when English misses a Dutch text or has one Dutch has not', () => {
    const { appName: _appName, ...appWithoutName } = en.app
    // @ts-expect-error `appName` is missing
    const missing: Messages = { ...en, app: appWithoutName }
    // @ts-expect-error `notInDutch` is not a Dutch text
    const extra: Messages = { ...en, voting: { ...en.voting, notInDutch: 'Not in Dutch' } }
    expect([missing, extra]).toHaveLength(2)
  })
})

describe('the locale', () => {
  it('is English for any English variant and Dutch for every other language, or none', () => {
    expect(['en', 'en-GB', 'EN-us'].map(resolveLocale)).toEqual(['en', 'en', 'en'])
    expect(['nl', 'nl-BE', 'de', 'fr', '', null, undefined].map(resolveLocale)).toEqual(Array(7).fill('nl'))
    expect(messagesFor('en-GB')).toBe(en)
    expect(messagesFor('de')).toBe(nl)
  })
})

describe('useMessages', () => {
  it("gives a component the texts of the provider's locale, and Dutch without a provider", () => {
    const notice = createElement(LicenceNotice)
    expect(renderToStaticMarkup(createElement(MessagesProvider, { locale: 'en-GB', children: notice }))).toContain(
      en.app.licenceTitle,
    )
    expect(renderToStaticMarkup(createElement(MessagesProvider, { locale: 'nl', children: notice }))).toContain(
      nl.app.licenceTitle,
    )
    expect(renderToStaticMarkup(notice)).toContain(nl.app.licenceTitle)
  })
})
