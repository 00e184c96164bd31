import { sessionPath } from '@werkplaats/shared'
import { useState } from 'react'
import type { RecentSession, RecentSessions } from '../session/recentSessions.ts'
import { ApiError, deleteSession, duplicateSession } from '../api/apiClient.ts'
import type { SessionTokens } from '../session/sessionTokens.ts'
import { errorText } from '../ui/errorText.ts'
import { FormError } from '../ui/TextField.tsx'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * The sessions this browser made, newest first: open one, copy one (board and settings, no participants), or
 * delete one for good (asked once more first, in place, so a keyboard or screen-reader user gets the same
 * question as everyone else).
 */
export function RecentSessionList({
  locale,
  tokens,
  recent,
}: {
  locale: string
  tokens: SessionTokens
  recent: RecentSessions
}) {
  const messages = useMessages().app
  const [sessions, setSessions] = useState(() => recent.list())
  const [confirming, setConfirming] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' })

  const duplicate = async (session: RecentSession, token: string) => {
    setError(null)
    try {
      const copy = await duplicateSession(session.id, token)
      tokens.remember(copy.id, copy.facilitatorToken)
      recent.add({
        id: copy.id,
        // The server's title for the copy arrives when it is opened; until then, this one.
        title: messages.copyTitle(session.title),
        createdAt: new Date().toISOString(),
      })
      setSessions(recent.list())
    } catch (failure) {
      setError(errorText(failure, messages))
    }
  }

  const remove = async (session: RecentSession, token: string) => {
    setError(null)
    try {
      await deleteSession(session.id, token)
    } catch (failure) {
      // Already gone is what was asked for; anything else is said.
      if (!(failure instanceof ApiError && failure.status === 404)) return setError(errorText(failure, messages))
    }
    tokens.forget(session.id)
    recent.remove(session.id)
    setConfirming(null)
    setSessions(recent.list())
  }

  if (sessions.length === 0) return <p>{messages.recentEmpty}</p>
  return (
    <>
      <FormError text={error} />
      <ul className="wp-recent">
        {sessions.map((session) => {
          const token = tokens.tokenFor(session.id)
          return (
            <li key={session.id}>
              <a href={sessionPath(session.id)}>{session.title}</a>
              <span>{messages.recentCreated(dates.format(new Date(session.createdAt)))}</span>
              {token === null ? null : confirming === session.id ? (
                <span className="wp-recent__confirm" role="group" aria-label={messages.confirmDelete(session.title)}>
                  <span>{messages.confirmDelete(session.title)}</span>
                  <button type="button" className="wp-button--danger" onClick={() => void remove(session, token)}>
                    {messages.confirmDeleteButton}
                  </button>
                  <button type="button" className="wp-button--secondary" onClick={() => setConfirming(null)}>
                    {messages.cancel}
                  </button>
                </span>
              ) : (
                <span className="wp-recent__actions">
                  <button
                    type="button"
                    className="wp-button--secondary"
                    aria-label={messages.duplicateSession(session.title)}
                    onClick={() => void duplicate(session, token)}
                  >
                    {messages.duplicateVisible}
                  </button>
                  <button
                    type="button"
                    className="wp-button--secondary"
                    aria-label={messages.deleteSession(session.title)}
                    onClick={() => setConfirming(session.id)}
                  >
                    {messages.deleteVisible}
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
