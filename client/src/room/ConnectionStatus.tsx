import type { AppMessages } from '../i18n/messages.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import type { SendingState } from '../offline/sessionOnDevice.ts'
import { START_PATH } from '../routing/route.ts'
import type { ConnectionState, RefusalReason } from '../connection/roomConnection.ts'

/**
 * Always visible, and announced by screen readers when it changes (role="status" is polite by default).
 * When the server has closed the connection for good, an alert says why and offers the way out: the page
 * will not reconnect by itself, so the person must not be left waiting.
 */
export function ConnectionStatus({
  state,
  refusal,
  sending = { kind: 'quiet' },
}: {
  state: ConnectionState
  refusal: RefusalReason | null
  /** Changes kept on this device and not yet stored on the server (see `offline/`). */
  sending?: SendingState
}) {
  const messages = useMessages().app
  if (refusal) {
    return (
      <div className="wp-connection wp-connection--refused" data-state="refused" role="alert">
        <span className="wp-connection__dot" aria-hidden="true" />
        <span>{refusalText(refusal, messages)}</span>
        <a href={START_PATH}>{messages.toStart}</a>
      </div>
    )
  }
  const label = state === 'online' ? messages.connected : state === 'offline' ? messages.offline : messages.connecting
  return (
    <div className="wp-connection" data-state={state} role="status" aria-live="polite" aria-atomic="true">
      <span className="wp-connection__dot" aria-hidden="true" />
      {label}
      {sending.kind === 'waiting' ? (
        <span className="wp-connection__sending" data-pending={sending.count}>
          {messages.changesWaiting(sending.count)}
        </span>
      ) : sending.kind === 'sent' && state === 'online' ? (
        <span className="wp-connection__sending">{messages.allSent}</span>
      ) : null}
    </div>
  )
}

function refusalText(reason: RefusalReason, messages: AppMessages): string {
  switch (reason) {
    case 'unauthorized':
      return messages.refusedUnauthorized
    case 'removed':
      return messages.refusedRemoved
    case 'read-only':
      return messages.refusedReadOnly
    case 'session-closed':
      return messages.refusedSessionClosed
    case 'session-gone':
      return messages.refusedSessionGone
    case 'board-full':
      return messages.refusedBoardFull
    case 'too-many':
      return messages.refusedTooMany
    case 'other':
      return messages.refusedOther
  }
}
