import { useMessages } from '../i18n/useMessages.tsx'

/**
 * Says on every screen, for as long as it lasts, that the facilitator has closed the session: the board can be
 * viewed and exported, not changed. A status, not an alert: it is news once, then a fact.
 */
export function SessionClosedNotice() {
  const messages = useMessages().app
  return (
    <aside className="wp-closed-banner" role="status" aria-labelledby="wp-session-closed-title">
      <strong id="wp-session-closed-title">{messages.sessionClosedTitle}</strong>
      <span>{messages.sessionClosedBody}</span>
    </aside>
  )
}
