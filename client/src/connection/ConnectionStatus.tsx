import type { Messages } from '../i18n/messages.ts'
import type { ConnectionState } from './roomConnection.ts'

/** Always visible, and announced by screen readers when it changes (role="status" is polite by default). */
export function ConnectionStatus({ state, messages }: { state: ConnectionState; messages: Messages }) {
  const label = state === 'online' ? messages.connected : state === 'offline' ? messages.offline : messages.connecting
  return (
    <div className="wp-connection" data-state={state} role="status" aria-live="polite" aria-atomic="true">
      <span className="wp-connection__dot" aria-hidden="true" />
      {label}
    </div>
  )
}
