import { useState } from 'react'
import { useMessages } from '../i18n/useMessages.tsx'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import { START_PATH } from '../routing/route.ts'
import type { SessionOnDevice } from './sessionOnDevice.ts'

/** Another tab may hold the session's database open; the start page must not wait on it for ever. */
const FORGET_WAIT_MS = 3000

/**
 * "Vergeet deze sessie op dit apparaat": after a confirmation, everything this device keeps of the session goes
 * (the rooms' copies, the cached session, the token and the recent-session entry), and the start page opens.
 */
export function ForgetSessionButton({
  device,
  facilitator,
  onForgotten,
}: {
  device: SessionOnDevice
  facilitator: boolean
  /** Forgets what the page keeps beside the rooms: the token and the recent-session entry. */
  onForgotten: () => void
}) {
  const messages = useMessages().app
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const forget = async () => {
    setBusy(true)
    await Promise.race([device.forget(), new Promise((resolve) => setTimeout(resolve, FORGET_WAIT_MS))])
    onForgotten()
    window.location.assign(START_PATH)
  }
  return (
    <>
      <button type="button" className="wp-panel-button wp-forget-session" onClick={() => setConfirming(true)}>
        {messages.forgetSession}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={`${messages.forgetSession}?`}
          body={messages.confirmForgetSession(facilitator)}
          confirmLabel={messages.forgetSessionConfirm}
          cancelLabel={messages.cancel}
          busy={busy}
          onConfirm={() => void forget()}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </>
  )
}
