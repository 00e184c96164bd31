import { displayNameSchema, joinCodeSchema } from '@werkplaats/shared'
import { useId, useState, type FormEvent } from 'react'
import { joinErrorText } from '../ui/errorText.ts'
import { FormError, TextField } from '../ui/TextField.tsx'
import { ApiError, joinSession } from '../api/apiClient.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * Joining takes an invitation: the participants' link carries one (`invite`); opened without it (the observers'
 * link has none, nor does a bare `/s/<id>`), the form asks for the join code as well. A name makes this browser
 * a participant with a token of its own, which `onJoined` keeps.
 */
export function SessionJoinForm({
  sessionId,
  invite,
  initialName,
  onJoined,
  onSessionMissing,
}: {
  sessionId: string
  invite: string | null
  initialName: string
  onJoined: (token: string, name: string) => void
  onSessionMissing: () => void
}) {
  const messages = useMessages().app
  const [name, setName] = useState(initialName)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [nameError, setNameError] = useState<string | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const headingId = useId()
  const hintId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const parsedCode = invite === null ? joinCodeSchema.safeParse(code) : null
    setCodeError(parsedCode && !parsedCode.success ? messages.invalidCode : null)
    const parsed = displayNameSchema.safeParse(name)
    setNameError(parsed.success ? null : messages.invalidName)
    if (!parsed.success || (parsedCode && !parsedCode.success)) return
    setBusy(true)
    setFormError(null)
    try {
      const joined = await joinSession(sessionId, parsed.data, invite ?? parsedCode?.data ?? '')
      onJoined(joined.token, parsed.data)
    } catch (failure) {
      setBusy(false)
      if (failure instanceof ApiError && failure.status === 404) onSessionMissing()
      else setFormError(joinErrorText(failure, messages))
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
        {invite === null ? (
          <>
            <p>{messages.sessionJoinNeedsCode}</p>
            <TextField
              label={messages.codeLabel}
              value={code}
              onChange={setCode}
              error={codeError}
              className="wp-code-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={9}
              required
            />
          </>
        ) : null}
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
