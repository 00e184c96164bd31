import { useState } from 'react'
import { setSessionClosed } from '../api/apiClient.ts'
import type { AppMessages } from '../i18n/messages.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import { errorText } from '../ui/errorText.ts'

/**
 * The facilitator's end of a session: "Sessie afsluiten" (after the app's own confirmation) keeps the board as it
 * was decided, "Heropenen" undoes it; and the date on which the session is deleted if nothing happens in it before
 * then (the server's retention period, counted from the last activity it noted).
 */
export function SessionLifecycle({
  sessionId,
  token,
  closed,
  removedIfIdleAt,
}: {
  sessionId: string
  token: string
  closed: boolean
  removedIfIdleAt: number | undefined
}) {
  const messages = useMessages().app
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const change = async (close: boolean) => {
    setBusy(true)
    setError(null)
    try {
      await setSessionClosed(sessionId, token, close)
      setConfirming(false)
    } catch (failure) {
      const detail = errorText(failure, messages)
      setError(close ? messages.closeSessionFailed(detail) : messages.reopenSessionFailed(detail))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="wp-share wp-lifecycle">
      {removedIfIdleAt === undefined ? null : (
        <p className="wp-share__hint">{messages.removedIfIdleOn(formatDate(removedIfIdleAt, messages))}</p>
      )}
      <div className="wp-share__actions">
        {closed ? (
          <button type="button" onClick={() => void change(false)} disabled={busy}>
            {messages.reopenSession}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
            {messages.closeSession}
          </button>
        )}
      </div>
      {error && !confirming ? <span role="alert">{error}</span> : null}
      {confirming ? (
        <ConfirmDialog
          title={messages.closeSessionConfirmTitle}
          body={messages.closeSessionConfirmBody}
          confirmLabel={messages.closeSession}
          cancelLabel={messages.cancel}
          busy={busy}
          error={error}
          onConfirm={() => void change(true)}
          onCancel={() => {
            setConfirming(false)
            setError(null)
          }}
        />
      ) : null}
    </div>
  )
}

function formatDate(at: number, messages: AppMessages): string {
  return new Intl.DateTimeFormat(messages.exportLanguage, { dateStyle: 'long' }).format(new Date(at))
}
