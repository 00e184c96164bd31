import { useEffect, useId, useRef } from 'react'

/**
 * The app's own confirmation: a modal dialog with the question, what follows from it, and two buttons, the safe
 * one focused first. Escape and the cancel button close it; nothing happens until the confirm button is pressed.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  busy = false,
  error = null,
  onConfirm,
  onCancel,
}: {
  title: string
  body: string
  confirmLabel: string
  cancelLabel: string
  busy?: boolean
  error?: string | null
  onConfirm: () => void
  onCancel: () => void
}) {
  const headingId = useId()
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    cancelRef.current?.focus()
  }, [])
  return (
    <div className="wp-backdrop" onKeyDown={(event) => event.key === 'Escape' && !busy && onCancel()}>
      <div
        className="wp-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={bodyId}
      >
        <h2 id={headingId}>{title}</h2>
        <p id={bodyId}>{body}</p>
        {error ? <p role="alert">{error}</p> : null}
        <div className="wp-dialog__buttons">
          <button type="button" ref={cancelRef} className="wp-button--secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button type="button" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  )
}
