import { sessionTitleSchema } from '@werkplaats/shared'
import { useState, type FormEvent } from 'react'
import { renameSession } from '../api/apiClient.ts'
import { errorText } from '../ui/errorText.ts'
import { TextField } from '../ui/TextField.tsx'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * The facilitator renames the session through the API; the server writes the new title into the control
 * room, so every screen (this one too) shows it from there.
 */
export function RenameSession({
  sessionId,
  token,
  title,
  onRenamed,
}: {
  sessionId: string
  token: string
  title: string
  onRenamed: (title: string) => void
}) {
  const messages = useMessages().app
  const [value, setValue] = useState(title)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = sessionTitleSchema.safeParse(value)
    if (!parsed.success) return setError(messages.invalidTitle)
    setError(null)
    setSaved(false)
    try {
      await renameSession(sessionId, token, parsed.data)
      onRenamed(parsed.data)
      setSaved(true)
    } catch (failure) {
      setError(errorText(failure, messages))
    }
  }

  return (
    <form className="wp-copy" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label={messages.sessionTitleLabel}
        value={value}
        onChange={(next) => {
          setValue(next)
          setSaved(false)
        }}
        error={error}
        className="wp-copy__value"
        maxLength={120}
      />
      <div className="wp-copy__row">
        <button type="submit">{messages.save}</button>
        <span className="wp-copy__result" role="status">
          {saved ? messages.saved : ''}
        </span>
      </div>
    </form>
  )
}
