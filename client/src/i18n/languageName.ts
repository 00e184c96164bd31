/** A template's language code as a word in the reader's language ("nl" → "Nederlands"). */
export function languageName(code: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
