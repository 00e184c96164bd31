import { displayNameSchema, joinCodeSchema, sessionPath } from '@werkplaats/shared'
import { useId, useState, type FormEvent } from 'react'
import { START_PATH } from '../routing/route.ts'
import { ApiError, joinSession, lookUpJoinCode } from '../api/apiClient.ts'
import type { SessionTokens } from '../session/sessionTokens.ts'
import { joinErrorText } from '../ui/errorText.ts'
import { FormError, TextField } from '../ui/TextField.tsx'
import { useMessages } from '../i18n/useMessages.tsx'
import { useSessionOfCode } from './useSessionOfCode.ts'

type JoinError = { field: 'code' | 'name' | 'form'; text: string }

/**
 * `/join`: the code from the projector and a display name make a participant. The code finds the session and
 * is the invitation to it; joining gives this browser its own participant token, kept for the session.
 */
export function JoinPage({
  tokens,
  initialCode,
  initialName,
  onNameChosen,
}: {
  tokens: SessionTokens
  initialCode: string
  initialName: string
  onNameChosen: (name: string) => void
}) {
  const messages = useMessages().app
  const [code, setCode] = useState(initialCode)
  const [name, setName] = useState(initialName)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<JoinError | null>(null)
  const headingId = useId()
  const session = useSessionOfCode(code)
  const errorFor = (field: JoinError['field']) =>
    error?.field === field ? error.text : field === 'code' && session.kind === 'unknown' ? messages.unknownCode : null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const parsedCode = joinCodeSchema.safeParse(code)
    if (!parsedCode.success) return setError({ field: 'code', text: messages.invalidCode })
    const parsedName = displayNameSchema.safeParse(name)
    if (!parsedName.success) return setError({ field: 'name', text: messages.invalidName })
    setBusy(true)
    setError(null)
    try {
      const { sessionId } = await lookUpJoinCode(parsedCode.data)
      // The code found the session, and is the invitation too.
      const joined = await joinSession(sessionId, parsedName.data, parsedCode.data)
      tokens.remember(sessionId, joined.token)
      onNameChosen(parsedName.data)
      window.location.assign(sessionPath(sessionId))
    } catch (failure) {
      setBusy(false)
      if (failure instanceof ApiError && failure.status === 404) setError({ field: 'code', text: messages.unknownCode })
      else setError({ field: 'form', text: joinErrorText(failure, messages) })
    }
  }

  return (
    <main className="wp-page wp-page--narrow">
      <form className="wp-panel" aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
        <h1 id={headingId}>{messages.joinTitle}</h1>
        <p>{messages.joinIntro}</p>
        <TextField
          label={messages.codeLabel}
          value={code}
          onChange={setCode}
          error={errorFor('code')}
          className="wp-code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={9}
          required
          autoFocus={initialCode === ''}
        />
        {/* The title is the facilitator's text: React renders it as text, and its schema caps its length. */}
        <p className="wp-join__session" role="status">
          {session.kind === 'found' ? messages.joiningSession(session.title) : ''}
        </p>
        <TextField
          label={messages.nameLabel}
          value={name}
          onChange={setName}
          error={errorFor('name')}
          autoComplete="nickname"
          maxLength={64}
          required
          autoFocus={initialCode !== ''}
        />
        <FormError text={errorFor('form')} />
        <button type="submit" disabled={busy}>
          {busy ? messages.joining : messages.joinButton}
        </button>
        <a href={START_PATH}>{messages.toStart}</a>
      </form>
    </main>
  )
}
