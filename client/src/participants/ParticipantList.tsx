import { useState } from 'react'
import { roleLabel } from './roleLabel.ts'
import { onlineCount, type RosterEntry } from './roster.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * Everyone in the session, with their role and whether they are online. Names are the server's (session
 * names from tokens), shown as text. The count is in the heading, so a screen reader hears it first.
 */
export function ParticipantList({
  roster,
  id,
  whereabouts,
  onRemove,
}: {
  roster: RosterEntry[]
  id: string
  /**
   * The facilitator's "Verwijderen" beside each participant (others get no button). A participant's entry is keyed
   * by their participant id: only observers' and one's own entry can be anonymous.
   */
  onRemove?: (participantId: string) => Promise<void>
  /** Where someone is on the board (the stage their view shows), when the session has stages. */
  whereabouts?: (entry: RosterEntry) => string | null
}) {
  const messages = useMessages().app
  const online = onlineCount(roster)
  const [failed, setFailed] = useState<string | null>(null)
  const remove = async (entry: RosterEntry) => {
    setFailed(null)
    try {
      await onRemove?.(entry.key)
    } catch {
      setFailed(messages.removeParticipantFailed(entry.name))
    }
  }
  return (
    <section id={id} className="wp-participants" aria-label={messages.participantsHeading}>
      <h2 className="wp-participants__heading">
        {messages.participantsHeading}{' '}
        <span className="wp-participants__count">{messages.onlineCount(online, roster.length)}</span>
      </h2>
      <ul>
        {roster.map((entry) => (
          <li key={entry.key} className="wp-participant" data-online={entry.online} data-role={entry.role}>
            <span
              className="wp-participant__dot"
              role="img"
              aria-label={entry.online ? messages.online : messages.offlineStatus}
            />
            <span className="wp-participant__name">
              {entry.name || roleLabel(entry.role, messages)}
              {entry.isSelf ? <span className="wp-participant__self"> ({messages.you})</span> : null}
            </span>
            <span className="wp-participant__role">{roleLabel(entry.role, messages)}</span>
            {whereabouts && entry.online ? <span className="wp-participant__stage">{whereabouts(entry)}</span> : null}
            {onRemove && entry.role === 'participant' && !entry.isSelf ? (
              <button type="button" className="wp-participant__remove" onClick={() => void remove(entry)}>
                {messages.removeParticipant}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {failed ? <p role="alert">{failed}</p> : null}
    </section>
  )
}
