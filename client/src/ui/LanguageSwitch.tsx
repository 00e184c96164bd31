import { useId } from 'react'
import { LOCALES, type Messages } from '../i18n/messages.ts'

/** Outside the board (start and join pages) there is no tldraw menu to pick a language from. */
export function LanguageSwitch({
  locale,
  messages,
  onChange,
}: {
  locale: string
  messages: Messages
  onChange: (locale: string) => void
}) {
  const id = useId()
  const current = locale.toLowerCase().startsWith('en') ? 'en' : 'nl'
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
