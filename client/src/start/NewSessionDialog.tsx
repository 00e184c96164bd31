import { displayNameSchema, sessionTitleSchema } from '@werkplaats/shared'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { errorText } from '../ui/errorText.ts'
import { FormError, TextField } from '../ui/TextField.tsx'
import { useMessages } from '../i18n/useMessages.tsx'

export interface NewSessionChoice {
  templateId: string
  /** The template's title, or the blank board's name: the starting point of the session's title. */
  templateTitle: string
}

export interface NewSessionInput {
  templateId: string
  title: string
  facilitatorName: string
}

/** Asks for the session's title (and how the facilitator appears), then hands over to `onCreate`. */
export function NewSessionDialog({
  choice,
  initialName,
  onCreate,
  onCancel,
}: {
  choice: NewSessionChoice
  initialName: string
  onCreate: (input: NewSessionInput) => Promise<void>
  onCancel: () => void
}) {
  const messages = useMessages().app
  const [title, setTitle] = useState(choice.templateTitle)
  const [name, setName] = useState(initialName)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ field: 'title' | 'name' | 'form'; text: string } | null>(null)
  const titleRef = useRef<HTMLInputElement>(null)
  const headingId = useId()
  const templateId = useId()

  useEffect(() => {
    titleRef.current?.select()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const parsedTitle = sessionTitleSchema.safeParse(title)
    const parsedName = displayNameSchema.safeParse(name.trim() === '' ? messages.facilitatorNameDefault : name)
    if (!parsedTitle.success) return setError({ field: 'title', text: messages.invalidTitle })
    if (!parsedName.success) return setError({ field: 'name', text: messages.invalidName })
    setBusy(true)
    setError(null)
    try {
      await onCreate({ templateId: choice.templateId, title: parsedTitle.data, facilitatorName: parsedName.data })
    } catch (failure) {
      setError({ field: 'form', text: errorText(failure, messages) })
      setBusy(false)
    }
  }

  return (
    <div className="wp-backdrop" onKeyDown={(event) => event.key === 'Escape' && !busy && onCancel()}>
      <form
        className="wp-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={templateId}
        onSubmit={(event) => void submit(event)}
      >
        <h2 id={headingId}>{messages.newSessionTitle}</h2>
        <p id={templateId}>{messages.newSessionTemplate(choice.templateTitle)}</p>
        <TextField
          label={messages.titleLabel}
          inputRef={titleRef}
          value={title}
          onChange={setTitle}
          error={error?.field === 'title' ? error.text : null}
          maxLength={120}
          required
        />
        <TextField
          label={messages.facilitatorNameLabel}
          value={name}
          onChange={setName}
          error={error?.field === 'name' ? error.text : null}
          maxLength={64}
          autoComplete="nickname"
          placeholder={messages.facilitatorNameDefault}
        />
        <FormError text={error?.field === 'form' ? error.text : null} />
        <div className="wp-dialog__buttons">
          <button type="button" className="wp-button--secondary" onClick={onCancel} disabled={busy}>
            {messages.cancel}
          </button>
          <button type="submit" disabled={busy}>
            {busy ? messages.starting : messages.startSession}
          </button>
        </div>
      </form>
    </div>
  )
}
