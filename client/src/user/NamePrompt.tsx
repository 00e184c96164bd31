import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Messages } from '../i18n/messages.ts'
import { cleanName, MAX_NAME_LENGTH } from './localUser.ts'

/** Asked once per browser: the name others see at your cursor. */
export function NamePrompt({ messages, onSubmit }: { messages: Messages; onSubmit: (name: string) => void }) {
  const [name, setName] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  const titleId = useId()
  const hintId = useId()
  const inputId = useId()

  useEffect(() => inputRef.current?.focus(), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const cleaned = cleanName(name)
    if (cleaned) onSubmit(cleaned)
  }

  return (
    <div className="wp-backdrop">
      <form className="wp-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-describedby={hintId} onSubmit={submit}>
        <h2 id={titleId}>{messages.namePromptTitle}</h2>
        <p id={hintId}>{messages.namePromptHint}</p>
        <label htmlFor={inputId}>{messages.namePromptLabel}</label>
        <input
          id={inputId}
          ref={inputRef}
          value={name}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="nickname"
          required
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={!cleanName(name)}>
          {messages.namePromptSubmit}
        </button>
      </form>
    </div>
  )
}
