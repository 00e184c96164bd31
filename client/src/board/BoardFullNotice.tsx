import { useState } from 'react'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * Says that the board has reached its size cap: the server refuses every change that would take it further. An
 * alert, so the facilitator hears of it at once, whoever filled the board; it may be closed, the board stays full.
 */
export function BoardFullNotice() {
  const messages = useMessages().app
  const [dismissed, setDismissed] = useState(false)
  if (dismissed) return null
  return (
    <aside className="wp-notice" role="alert" aria-labelledby="wp-board-full-title">
      <h2 id="wp-board-full-title">{messages.boardFullTitle}</h2>
      <p>{messages.boardFullBody}</p>
      <button type="button" onClick={() => setDismissed(true)}>
        {messages.dismiss}
      </button>
    </aside>
  )
}
