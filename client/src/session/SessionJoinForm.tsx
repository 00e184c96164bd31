import { displayNameSchema } from '@werkplaats/shared'
import { useId, useState, type FormEvent } from 'react'
import type { Messages } from '../i18n/messages.ts'
import { errorText } from '../ui/errorText.ts'
import { FormError, TextField } from '../ui/TextField.tsx'
import { ApiError, joinSession } from './sessionApi.ts'

/**
 * The participants' link has no token: knowing the session's unguessable id is the invitation. A name makes
 * this browser a participant with a token of its own, which `onJoined` keeps.
 */
export function SessionJoinForm({
  sessionId,
  messages,
  initialName,
  onJoined,
  onSessionMissing,
}: {
  sessionId: string
  messages: Messages
  initialName: string
  onJoined: (token: string, name: string) => void
  onSessionMissing: () => void
}) {
  const [name, setName] = useState(initialName)
  const [busy, setBusy] = useState(false)
  const [nameError, setNameError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const headingId = useId()
  const hintId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = displayNameSchema.safeParse(name)
    setNameError(parsed.success ? null : messages.invalidName)
    if (!parsed.success) return
    setBusy(true)
    setFormError(null)
    try {
      const joined = await joinSession(sessionId, parsed.data)
      onJoined(joined.token, parsed.data)
    } catch (failure) {
      setBusy(false)
      if (failure instanceof ApiError && failure.status === 404) onSessionMissing()
      else setFormError(errorText(failure, messages))
    }
  }

  return (
    <main className="wp-page wp-page--narrow">
      <form
        className="wp-panel"
        aria-labelledby={headingId}
        aria-describedby={hintId}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <h1 id={headingId}>{messages.sessionJoinTitle}</h1>
        <p id={hintId}>{messages.sessionJoinHint}</p>
        <TextField
          label={messages.nameLabel}
          value={name}
          onChange={setName}
          error={nameError}
          autoComplete="nickname"
          maxLength={64}
          required
          autoFocus
        />
        <FormError text={formError} />
        <button type="submit" disabled={busy}>
          {busy ? messages.joining : messages.joinButton}
        </button>
      </form>
    </main>
  )
}
