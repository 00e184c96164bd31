import { type Invitation, mayExportSummary, type SessionView, type Template } from '@werkplaats/shared'
import { createContext, useContext, useId, useState, type ReactNode } from 'react'
import { useValue } from 'tldraw'
import type { BoardSession } from './boardSession.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { ParticipantList } from '../participants/ParticipantList.tsx'
import { roleLabel } from '../participants/roleLabel.ts'
import { buildRoster, onlineCount, type RosterEntry } from '../participants/roster.ts'
import { ExportMenu } from '../export/ExportMenu.tsx'
import { SharePanel } from '../share/SharePanel.tsx'
import { removeParticipant } from '../api/apiClient.ts'
import type { ControlRoom } from '../session/controlRoom.ts'
import { SessionLifecycle } from '../session/SessionLifecycle.tsx'

export interface SessionPanelProps {
  view: SessionView
  token: string
  observerToken: string | null
  board: BoardSession
  control: ControlRoom
  /** The session's template as the board laid it out (null for a blank board, or while it loads). */
  template: Template | null
  onRenamed: (title: string) => void
  /** On which stage each person is (facilitation), shown in the participant list. */
  whereabouts?: (entry: RosterEntry) => string | null
  /** What this device keeps of the session ("Vergeet deze sessie op dit apparaat"), see `offline/`. */
  deviceControls?: ReactNode
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

/** The session's title, one's role, "Alleen bekijken" for observers, sharing (facilitator) and the participants. */
export function SessionPanel({
  view,
  token,
  observerToken,
  board,
  control,
  template,
  onRenamed,
  whereabouts,
  deviceControls,
}: SessionPanelProps) {
  const messages = useMessages().app
  const [showParticipants, setShowParticipants] = useState(true)
  const [showShare, setShowShare] = useState(false)
  const [showExport, setShowExport] = useState(false)
  // Kept here rather than in the share panel, which is unmounted whenever it is folded away.
  const [door, setDoor] = useState<{ invitation: Invitation | undefined; joinOpen: boolean }>({
    invitation: view.invitation,
    joinOpen: view.joinOpen,
  })
  const participantsId = useId()
  const shareId = useId()
  const exportId = useId()
  const controlSession = useValue('control session', () => control.session.get(), [control])
  const known = useValue('control participants', () => control.participants.get(), [control])
  const online = useValue('online identities', () => board.onlineIdentities.get(), [board])
  const connected = useValue('board online', () => board.connectionState.get() === 'online', [board])
  const closed = useValue('session closed', () => control.closed.get() ?? view.status === 'closed', [control, view])

  const self = view.participants.find((person) => person.participantId === view.participantId)
  const roster = buildRoster({
    // The control room's list once it has synced (it always holds the facilitator), so that someone removed since
    // the page loaded leaves the list; the API's answer until then.
    known: known.length > 0 ? known : view.participants,
    online,
    self: {
      participantId: view.participantId ?? null,
      name: self?.name ?? roleLabel(view.role, messages),
      role: view.role,
      online: connected,
    },
  })
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
        <div className="wp-session-panel__title">
          <span className="wp-session-panel__name">{title}</span>
          <span className="wp-session-panel__role">{roleLabel(view.role, messages)}</span>
        </div>
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
            onClick={() => setShowExport((open) => !open)}
          >
            {messages.exportButton}
          </button>
        ) : null}
        <button
          type="button"
          className="wp-panel-button"
          aria-expanded={showParticipants}
          aria-controls={participantsId}
          // The visible count is part of the name, so speech input ("klik 4") and screen readers agree.
          aria-label={`${showParticipants ? messages.hideParticipants : messages.showParticipants}, ${messages.onlineCount(onlineCount(roster), roster.length)}`}
          onClick={() => setShowParticipants((open) => !open)}
        >
          <PeopleIcon />
          <span>{onlineCount(roster)}</span>
        </button>
      </div>
      {isFacilitator && showShare && door.invitation ? (
        <SharePanel
          id={shareId}
          sessionId={view.id}
          invitation={door.invitation}
          joinOpen={door.joinOpen}
          onDoorChanged={setDoor}
          facilitatorToken={token}
          observerToken={observerToken}
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
      {showParticipants ? (
        <ParticipantList
          id={participantsId}
          roster={roster}
          whereabouts={whereabouts}
          onRemove={isFacilitator ? (participantId) => removeParticipant(view.id, token, participantId) : undefined}
        />
      ) : null}
      {deviceControls}
    </div>
  )
}

function PeopleIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="6" cy="5" r="2.5" fill="currentColor" />
      <path d="M1.5 13.5c0-2.5 2-4.5 4.5-4.5s4.5 2 4.5 4.5z" fill="currentColor" />
      <circle cx="11.5" cy="5.5" r="2" fill="currentColor" opacity="0.6" />
      <path d="M11 9.2c2 .2 3.5 2 3.5 4.3h-3c0-1.7-.2-3-.5-4.3z" fill="currentColor" opacity="0.6" />
    </svg>
  )
}
