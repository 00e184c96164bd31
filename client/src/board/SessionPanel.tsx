import { type Invitation, mayExportSummary, type SessionView, type Template } from '@werkplaats/shared'
import { createContext, useContext, useId, useState, type ReactNode } from 'react'
import { useValue } from 'tldraw'
import { useMessages } from '../i18n/useMessages.tsx'
import { roleLabel } from '../participants/roleLabel.ts'
import { ExportMenu } from '../export/ExportMenu.tsx'
import { exportMenuOpen } from '../export/exportMenuState.ts'
import { SharePanel } from '../share/SharePanel.tsx'
import type { ControlRoom } from '../session/controlRoom.ts'
import { SessionLifecycle } from '../session/SessionLifecycle.tsx'
import { TimerDisplay } from '../timer/TimerDisplay.tsx'
import type { TimerSource } from '../timer/timerSource.ts'

export interface SessionPanelProps {
  view: SessionView
  token: string
  control: ControlRoom
  /** The session's template as the board laid it out (null for a blank board, or while it loads). */
  template: Template | null
  onRenamed: (title: string) => void
  /** What this device keeps of the session ("Vergeet deze sessie op dit apparaat"), see `offline/`. */
  deviceControls?: ReactNode
  /** The stage timer, shown in the bar to everyone (observers, the projector, too); null where it shows elsewhere. */
  timer?: TimerSource | null
  /**
   * The connection's status, first in the bar: beside the title rather than floating over the board's centre,
   * where a bar made wider by the timer and the drawer ran into it. Null where it floats (a phone, loading).
   */
  connection?: ReactNode
}

/**
 * tldraw renders its UI slots (here: the top-right "share panel") as components without props, and remounts
 * them when the components object changes; the session reaches the slot through this context instead.
 */
export const SessionPanelContext = createContext<SessionPanelProps | null>(null)

export function SessionPanelSlot() {
  const props = useContext(SessionPanelContext)
  return props ? <SessionPanel {...props} /> : null
}

/**
 * The session's title, one's role, "Alleen bekijken" for observers, sharing (facilitator) and exporting, and what
 * this device keeps of the session. The participant list lives in the room's drawer (`roomDrawer/`), closed until
 * someone opens it.
 */
export function SessionPanel({
  view,
  token,
  control,
  template,
  onRenamed,
  deviceControls,
  timer,
  connection,
}: SessionPanelProps) {
  const messages = useMessages().app
  const [showShare, setShowShare] = useState(false)
  // Its own owner: Afsluiting's "Samenvatting delen" opens it too.
  const showExport = useValue('export menu open', () => exportMenuOpen.get(), [])
  // Kept here rather than in the share panel, which is unmounted whenever it is folded away.
  const [door, setDoor] = useState<{ invitation: Invitation | undefined; joinOpen: boolean }>({
    invitation: view.invitation,
    joinOpen: view.joinOpen,
  })
  const shareId = useId()
  const exportId = useId()
  const controlSession = useValue('control session', () => control.session.get(), [control])
  const closed = useValue('session closed', () => control.closed.get() ?? view.status === 'closed', [control, view])
  const title = controlSession?.title ?? view.title
  const isFacilitator = view.role === 'facilitator'
  // Participants and observers may download the summary once the facilitator allows it (the server checks too).
  const exportsForEveryone = useValue('exports for everyone', () => control.facilitation.get().exportsForEveryone, [
    control,
  ])
  const mayExport = mayExportSummary(view.role, exportsForEveryone)

  return (
    <div className="wp-session-panel">
      <div className="wp-session-panel__bar">
        {connection}
        <div className="wp-session-panel__title">
          <span className="wp-session-panel__name">{title}</span>
          <span className="wp-session-panel__role">{roleLabel(view.role, messages)}</span>
        </div>
        {timer ? <TimerDisplay facilitation={timer} hideWhenUnset variant="bar" /> : null}
        {view.role === 'observer' ? (
          <span className="wp-badge" title={messages.readOnlyHint}>
            {messages.readOnlyBadge}
          </span>
        ) : null}
        {isFacilitator ? (
          <button
            type="button"
            className="wp-panel-button"
            aria-expanded={showShare}
            aria-controls={shareId}
            onClick={() => setShowShare((open) => !open)}
          >
            {messages.shareButton}
          </button>
        ) : null}
        {mayExport ? (
          <button
            type="button"
            className="wp-panel-button"
            aria-expanded={showExport}
            aria-controls={exportId}
            onClick={() => exportMenuOpen.update((open) => !open)}
          >
            {messages.exportButton}
          </button>
        ) : null}
      </div>
      {isFacilitator && showShare && door.invitation ? (
        <SharePanel
          id={shareId}
          sessionId={view.id}
          invitation={door.invitation}
          joinOpen={door.joinOpen}
          onDoorChanged={setDoor}
          facilitatorToken={token}
          title={title}
          onRenamed={onRenamed}
        />
      ) : null}
      {isFacilitator && showShare ? (
        <SessionLifecycle sessionId={view.id} token={token} closed={closed} removedIfIdleAt={view.removedIfIdleAt} />
      ) : null}
      {mayExport && showExport ? (
        <ExportMenu
          id={exportId}
          sessionId={view.id}
          token={token}
          title={title}
          template={template}
          readFacilitation={() => control.facilitation.get()}
          canIncludeNames={isFacilitator}
        />
      ) : null}
      {deviceControls}
    </div>
  )
}
