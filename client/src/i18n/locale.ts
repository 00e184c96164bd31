/** The languages Werkplaats speaks; tldraw knows many more, and each of those reads ours in one of these two. */
export type Locale = 'nl' | 'en'

export const DEFAULT_LOCALE: Locale = 'nl'
export const LOCALES = [
  { locale: 'nl', label: 'Nederlands' },
  { locale: 'en', label: 'English' },
] as const

/** Our language for a tldraw locale: English for any English variant, Dutch for everything else. */
export function resolveLocale(locale: string | null | undefined): Locale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nl'
}
