import type { Handover, Invitation } from '@werkplaats/shared'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { JOIN_PATH } from '../routing/route.ts'
import { newHandover, newInvitation, newObserverInvitation, updateSession } from '../api/apiClient.ts'
import { errorText } from '../ui/errorText.ts'
import { copyText } from './copyText.ts'
import { RenameSession } from './RenameSession.tsx'
import { useMessages } from '../i18n/useMessages.tsx'
import { ProjectorCode } from './ProjectorCode.tsx'
import { QrCode } from './QrCode.tsx'
import './share.css'

/**
 * The facilitator's panel for the session itself: its title, and what they hand out: the join code with "Code
 * tonen" (the code and the QR code full screen, for the projector), the participants' link with its QR code, each
 * with a copy button. The door: "Deelnemen sluiten" / "Deelnemen openen", and "Nieuwe uitnodiging" when a code or
 * link went further than it should. The panel is often on a shared screen, so what the room must not see stays
 * behind a button of its own, out of the page until pressed: the observers' link (with "Nieuwe waarnemerslink")
 * and "Op een ander apparaat openen", a single-use link that makes another device the facilitator's too. No link
 * here carries a token: each carries a secret the device that opens it exchanges for a token of its own.
 */
export function SharePanel({
  id,
  sessionId,
  invitation,
  joinOpen,
  onDoorChanged,
  facilitatorToken,
  title,
  onRenamed,
}: {
  id: string
  sessionId: string
  title: string
  onRenamed: (title: string) => void
  invitation: Invitation
  joinOpen: boolean
  /** The new invitation or open/closed state, to be handed back in as props. */
  onDoorChanged: (door: { invitation: Invitation; joinOpen: boolean }) => void
  facilitatorToken: string
}) {
  const messages = useMessages().app
  const headingId = useId()
  const [projecting, setProjecting] = useState(false)
  const shareMessages = useMessages().share
  const [door, setDoor] = useState<{ busy: boolean; status: string | null; error: string | null }>({
    busy: false,
    status: null,
    error: null,
  })
  const doorAction = async (act: () => Promise<string | null>) => {
    setDoor({ busy: true, status: null, error: null })
    try {
      setDoor({ busy: false, status: await act(), error: null })
    } catch (failure) {
      setDoor({ busy: false, status: null, error: errorText(failure, messages) })
    }
  }
  const toggleJoining = () =>
    doorAction(async () => {
      const changed = await updateSession(sessionId, facilitatorToken, { joinOpen: !joinOpen })
      onDoorChanged({ invitation, joinOpen: changed.joinOpen })
      return null
    })
  const replaceInvitation = () =>
    doorAction(async () => {
      onDoorChanged({ invitation: await newInvitation(sessionId, facilitatorToken), joinOpen })
      return messages.newInvitationDone
    })
  const replaceObserverLink = () =>
    doorAction(async () => {
      onDoorChanged({ invitation: await newObserverInvitation(sessionId, facilitatorToken), joinOpen })
      return shareMessages.newObserverLinkDone
    })
  return (
    <section id={id} className="wp-share" aria-labelledby={headingId}>
      <h2 id={headingId}>{messages.shareHeading}</h2>
      <RenameSession sessionId={sessionId} token={facilitatorToken} title={title} onRenamed={onRenamed} />
      <CopyField label={messages.joinCodeLabel} value={invitation.code} large />
      <div className="wp-share__invite">
        <div className="wp-share__code">
          <p className="wp-share__hint">
            {messages.joinCodeHint}{' '}
            <a href={JOIN_PATH} target="_blank" rel="noopener">
              {`${window.location.host}${JOIN_PATH}`}
            </a>
          </p>
          <button
            type="button"
            className="wp-share__show-code"
            title={shareMessages.showCodeHint}
            onClick={() => setProjecting(true)}
          >
            {shareMessages.showCode}
          </button>
        </div>
        <figure className="wp-share__qr">
          <QrCode text={invitation.links.participant} label={shareMessages.qrLabel} />
          <figcaption className="wp-share__hint">{shareMessages.qrHint}</figcaption>
        </figure>
      </div>
      {projecting ? (
        <ProjectorCode
          code={invitation.code}
          participantLink={invitation.links.participant}
          onClose={() => setProjecting(false)}
        />
      ) : null}
      <CopyField label={messages.participantLinkLabel} value={invitation.links.participant} />
      <div className="wp-share__door">
        <p className="wp-share__hint" data-join-open={joinOpen}>
          {joinOpen ? messages.joiningOpenNote : messages.joiningClosedNote}
        </p>
        <div className="wp-share__actions">
          <button type="button" onClick={() => void toggleJoining()} disabled={door.busy}>
            {joinOpen ? messages.closeJoining : messages.openJoining}
          </button>
          <button
            type="button"
            onClick={() => void replaceInvitation()}
            disabled={door.busy}
            title={messages.newInvitationHint}
          >
            {messages.newInvitation}
          </button>
        </div>
        <span role="status">{door.status ?? ''}</span>
        {door.error ? <span role="alert">{door.error}</span> : null}
      </div>
      <Reveal label={shareMessages.observerLinkButton}>
        <CopyField label={messages.observerLinkLabel} value={invitation.links.observer} />
        <div className="wp-share__actions">
          <button
            type="button"
            onClick={() => void replaceObserverLink()}
            disabled={door.busy}
            title={shareMessages.newObserverLinkHint}
          >
            {shareMessages.newObserverLink}
          </button>
        </div>
      </Reveal>
      <Reveal label={shareMessages.handoverButton}>
        <HandoverLink sessionId={sessionId} facilitatorToken={facilitatorToken} />
      </Reveal>
    </section>
  )
}

/**
 * "Op een ander apparaat openen": a new handover link each time it is shown, as text and as a QR code to scan with
 * the other device. It works once and for minutes only, so an old one lying about in a chat is worth nothing.
 */
function HandoverLink({ sessionId, facilitatorToken }: { sessionId: string; facilitatorToken: string }) {
  const messages = useMessages()
  const [handover, setHandover] = useState<Handover | 'failed' | null>(null)
  useEffect(() => {
    let current = true
    newHandover(sessionId, facilitatorToken).then(
      (made) => current && setHandover(made),
      () => current && setHandover('failed'),
    )
    return () => {
      current = false
    }
  }, [sessionId, facilitatorToken])
  if (handover === null) return <p className="wp-share__hint" aria-busy="true" />
  if (handover === 'failed') return <p role="alert">{messages.share.handoverFailed}</p>
  const until = new Intl.DateTimeFormat(messages.app.exportLanguage, { timeStyle: 'short' }).format(
    new Date(handover.expiresAt),
  )
  return (
    <>
      <p className="wp-share__hint wp-share__warning">{messages.share.handoverWarning}</p>
      <CopyField label={messages.app.handoverLinkLabel} value={handover.link} />
      <p className="wp-share__hint">{messages.share.handoverExpires(until)}</p>
      <figure className="wp-share__qr">
        <QrCode text={handover.link} label={messages.share.handoverQrLabel} />
      </figure>
    </>
  )
}

/** A button that shows what it holds only once pressed: until then that is not in the page at all. */
function Reveal({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const contentId = useId()
  return (
    <div className="wp-share__reveal">
      <button
        type="button"
        className="wp-share__reveal-button"
        aria-expanded={open}
        aria-controls={contentId}
        onClick={() => setOpen((shown) => !shown)}
      >
        {label}
      </button>
      <div id={contentId} hidden={!open}>
        {open ? children : null}
      </div>
    </div>
  )
}

function CopyField({ label, value, large = false }: { label: string; value: string; large?: boolean }) {
  const messages = useMessages().app
  const inputId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [result, setResult] = useState<'copied' | 'failed' | null>(null)
  const copy = async () => {
    setResult((await copyText(value, inputRef.current)) ? 'copied' : 'failed')
  }
  return (
    <div className="wp-copy">
      <label htmlFor={inputId}>{label}</label>
      <div className="wp-copy__row">
        <input
          id={inputId}
          ref={inputRef}
          className={large ? 'wp-copy__value wp-copy__value--large' : 'wp-copy__value'}
          value={value}
          readOnly
          onFocus={(event) => event.target.select()}
        />
        <button type="button" aria-label={messages.copy(label)} onClick={() => void copy()}>
          {messages.copyVisible}
        </button>
      </div>
      <span className="wp-copy__result" role="status">
        {result === 'copied' ? messages.copied : result === 'failed' ? messages.copyFailed : ''}
      </span>
    </div>
  )
}
