import { useEffect, useId, useRef } from 'react'
import { JOIN_PATH } from '../routing/route.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { QrCode } from './QrCode.tsx'

/**
 * "Code tonen": the join code and the QR code of the participants' link over the whole screen, large enough to read
 * and scan from the back of a room, for the facilitator to put on the projector. It shows only what the room may
 * see: no token, no facilitator's or observers' link. Escape (the dialog's own cancel) and "Sluiten" close it.
 */
export function ProjectorCode({
  code,
  participantLink,
  onClose,
}: {
  code: string
  participantLink: string
  onClose: () => void
}) {
  const messages = useMessages().share
  const dialog = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  return (
    <dialog ref={dialog} className="wp-projector" aria-labelledby={headingId} onClose={onClose}>
      <div className="wp-projector__words">
        <h2 id={headingId} className="wp-projector__heading">
          {messages.projectorHeading}
        </h2>
        <p className="wp-projector__how">{messages.projectorHow(`${window.location.host}${JOIN_PATH}`)}</p>
        <p className="wp-projector__code" data-testid="projector-code">
          {code}
        </p>
        <p className="wp-projector__how">{messages.projectorOrScan}</p>
      </div>
      <QrCode text={participantLink} label={messages.qrLabel} className="wp-projector__qr" />
      <button type="button" className="wp-projector__close" onClick={() => dialog.current?.close()} autoFocus>
        {messages.close}
      </button>
    </dialog>
  )
}
