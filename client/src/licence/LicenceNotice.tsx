import { useState } from 'react'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * Tells the facilitator, before a workshop goes wrong, that this install lacks a tldraw licence key: away from
 * localhost tldraw replaces the canvas a few seconds after start in a production build.
 */
export function LicenceNotice() {
  const messages = useMessages().app
  const [dismissed, setDismissed] = useState(false)
  if (dismissed) return null
  return (
    <aside className="wp-notice" aria-labelledby="wp-licence-title">
      <h2 id="wp-licence-title">{messages.licenceTitle}</h2>
      <p>{messages.licenceBody}</p>
      <button type="button" onClick={() => setDismissed(true)}>
        {messages.dismiss}
      </button>
    </aside>
  )
}
