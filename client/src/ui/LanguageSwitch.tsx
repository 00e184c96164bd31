import { useId } from 'react'
import { LOCALES, resolveLocale } from '../i18n/locale.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/** Outside the board (start and join pages) there is no tldraw menu to pick a language from. */
export function LanguageSwitch({ locale, onChange }: { locale: string; onChange: (locale: string) => void }) {
  const messages = useMessages().app
  const id = useId()
  const current = resolveLocale(locale)
  return (
    <div className="wp-language">
      <label htmlFor={id}>{messages.language}</label>
      <select id={id} value={current} onChange={(event) => onChange(event.target.value)}>
        {LOCALES.map(({ locale: value, label }) => (
          <option key={value} value={value} lang={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}
