import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import type { SessionView } from '@werkplaats/shared'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import { fetchClientConfig, isLocalHost, type ClientConfig } from '../config/clientConfig.ts'
import { roomNameFromPath } from '../connection/roomConnection.ts'
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx'
import { messagesFor, type Messages } from '../i18n/messages.ts'
import { roleLabel } from '../participants/roleLabel.ts'
import { LicenceNotice } from '../licence/LicenceNotice.tsx'
import { bannerConnectionState } from '../offline/bannerState.ts'
import { ForgetSessionButton } from '../offline/ForgetSessionButton.tsx'
import { useForgetOnRefusal, useSending, useSessionOnDevice } from '../offline/useSessionOnDevice.ts'
import { BoardFullNotice } from './BoardFullNotice.tsx'
import { ControlRoom } from '../session/controlRoom.ts'
import type { RecentSessions } from '../session/recentSessions.ts'
import { SessionPanelContext, SessionPanelSlot, type SessionPanelProps } from '../session/SessionPanel.tsx'
import type { LocalUser } from '../user/localUser.ts'
import { CardVoteContext } from '../voting/CardVote.tsx'
import { votingMessagesFor } from '../voting/messages.ts'
import { useVotingSession } from '../voting/useVotingSession.ts'
import { StickyVotes } from '../voting/StickyVotes.tsx'
import { VotingDock } from '../voting/VotingDock.tsx'
import { FacilitationSidebar } from '../facilitation/FacilitationSidebar.tsx'
import { facilitationMessagesFor } from '../facilitation/messages.ts'
import { ParticipantToolbar } from '../facilitation/ParticipantToolbar.tsx'
import { useFacilitation } from '../facilitation/useFacilitation.ts'
import { useWhereabouts } from '../facilitation/useWhereabouts.ts'
import { WorkshopStylePanel } from '../facilitation/WorkshopStylePanel.tsx'
import type { SessionOnDevice } from '../offline/sessionOnDevice.ts'
import { BoardSession } from './boardSession.ts'
import { outsideContentUiOverrides, refuseOutsideContent } from './outsideContent/outsideContentHandlers.ts'
import { outsideContentShapeUtils } from './outsideContent/outsideContentShapes.tsx'
import { templateShapeUtils } from './shapes/templateShapes.ts'
import { useTemplateLayer } from './templateLayer/useTemplateLayer.ts'

// Fonts, icons and translations come from our own build (Vite emits them under /assets), never from a CDN:
// workshops run on networks that block, or should not be told about, third-party hosts.
const assetUrls = getAssetUrlsByImport()

// Module-level, so tldraw sees the same object every render and never remounts the slot.
// No shape shows content from an outside address (outsideContent/): no participant can make others' browsers fetch.
const shapeUtils = [...templateShapeUtils, ...outsideContentShapeUtils]
const noMedia: readonly string[] = []
const components: TLComponents = {
  SharePanel: SessionPanelSlot,
  OnTheCanvas: StickyVotes,
  StylePanel: WorkshopStylePanel,
}
// Participants and observers get the reduced workshop toolbar; the facilitator keeps every tool.
const participantComponents: TLComponents = { ...components, Toolbar: ParticipantToolbar }

/** A session's board: the board room through tldraw, the control room read alongside, in the token's role. */
export function BoardPage({
  view,
  token,
  user,
  recent,
  onForgotten,
}: {
  view: SessionView
  token: string
  user: LocalUser
  recent: RecentSessions
  /** The person chose to forget the session on this device: the token and recent entry go too. */
  onForgotten: () => void
}) {
  const preferences = useValue('user preferences', () => user.preferences.get(), [user])
  const messages = messagesFor(preferences.locale)
  const readOnly = view.role === 'observer'
  const device = useSessionOnDevice(view)
  const rooms = useRooms(view, token, user, messages, device)
  const config = useClientConfig()
  const phase = useValue('board phase', () => rooms?.board.phase.get() ?? { kind: 'loading' as const }, [rooms])
  const refusal = useValue(
    'refusal',
    () => rooms?.board.refusal.get() ?? rooms?.control.connection.refusal.get() ?? null,
    [rooms],
  )
  const connection = useValue(
    'connection',
    () =>
      bannerConnectionState(rooms?.board.connectionState.get() ?? 'connecting', device?.shownFromDevice.get() ?? false),
    [rooms, device],
  )
  const sending = useSending(device)
  useForgetOnRefusal(device, refusal)
  const boardFull = useValue('board full', () => rooms?.control.boardFull.get() ?? false, [rooms])
  const template = useTemplateLayer(
    phase.kind === 'ready' ? phase.store : null,
    rooms?.control.doc ?? null,
    view.templateId,
    view.role,
    preferences.locale,
  )
  const [editor, setEditor] = useState<Editor | null>(null)
  const voting = useVotingSession(view, token, rooms?.control.doc ?? null)
  const cardVote = useMemo(
    () => (voting ? { session: voting, messages: votingMessagesFor(preferences.locale) } : null),
    [voting, preferences.locale],
  )
  const participantCount = useValue(
    'participant count',
    () =>
      new Set(
        [...view.participants, ...(rooms?.control.participants.get() ?? [])]
          .filter((p) => p.role === 'participant')
          .map((p) => p.participantId),
      ).size,
    [rooms, view],
  )
  const observerToken = view.role === 'facilitator' ? (recent.find(view.id)?.observerToken ?? null) : null
  const facilitationMessages = facilitationMessagesFor(preferences.locale)
  const facilitation = useFacilitation(view, rooms?.control.doc ?? null, template)
  const whereabouts = useWhereabouts(facilitation, rooms?.board.awareness ?? null, facilitationMessages)
  const facilitationSession = useMemo(() => ({ sessionId: view.id, token, keeper: device }), [view.id, token, device])

  // Votes and marks go to the server as they are made; offline their controls say they cannot be done.
  useEffect(() => {
    voting?.offline.set(connection !== 'online')
  }, [voting, connection])

  useEffect(() => {
    document.title = `${view.title} · ${messages.appName}`
  }, [view.title, messages.appName])

  const panel: SessionPanelProps | null = useMemo(
    () =>
      rooms
        ? {
            view,
            token,
            observerToken,
            board: rooms.board,
            control: rooms.control,
            messages,
            onRenamed: (title: string) => recent.rename(view.id, title),
            whereabouts,
            deviceControls:
              device && !readOnly ? (
                <ForgetSessionButton
                  device={device}
                  facilitator={view.role === 'facilitator'}
                  onForgotten={onForgotten}
                  messages={messages}
                />
              ) : null,
          }
        : null,
    [rooms, view, token, observerToken, messages, recent, whereabouts, device, readOnly, onForgotten],
  )

  // An observer's editor is read-only: no tool creates anything, and the store binding would not pass it on
  // to the room anyway (the server closes a connection that writes without the right to).
  const onMount = (editor: Editor) => {
    refuseOutsideContent(editor)
    if (readOnly) editor.updateInstanceState({ isReadonly: true })
    setEditor(editor)
  }

  return (
    <div className="wp-board wp-board--facilitated" data-role={view.role}>
      <div className="wp-board__canvas">
        {phase.kind === 'ready' && config ? (
          <SessionPanelContext.Provider value={panel}>
            <CardVoteContext.Provider value={cardVote}>
              <Tldraw
                store={phase.store}
                user={user.tldrawUser}
                assetUrls={assetUrls}
                licenseKey={config.licenseKey ?? undefined}
                components={view.role === 'facilitator' ? components : participantComponents}
                shapeUtils={shapeUtils}
                overrides={outsideContentUiOverrides}
                acceptedImageMimeTypes={noMedia}
                acceptedVideoMimeTypes={noMedia}
                onMount={onMount}
                autoFocus
              />
            </CardVoteContext.Provider>
          </SessionPanelContext.Provider>
        ) : phase.kind === 'failed' ? (
          <div className="wp-message" role="alert">
            <p>{phase.reason === 'too-new' ? messages.boardTooNew : messages.boardUnreadable}</p>
            <button type="button" onClick={() => window.location.reload()}>
              {messages.reload}
            </button>
          </div>
        ) : (
          <div className="wp-message" aria-busy="true">
            <p>{messages.loadingBoard}</p>
          </div>
        )}
        {phase.kind === 'ready' && rooms && voting ? (
          <VotingDock
            view={view}
            session={voting}
            boardDoc={rooms.board.document}
            editor={editor}
            template={template}
            locale={preferences.locale ?? 'nl'}
            participantCount={participantCount}
          />
        ) : null}
      </div>
      {facilitation && rooms && phase.kind === 'ready' ? (
        <FacilitationSidebar
          facilitation={facilitation}
          editor={editor}
          session={facilitationSession}
          people={rooms.control.participants}
          messages={facilitationMessages}
        />
      ) : null}
      <ConnectionStatus state={connection} refusal={refusal} messages={messages} sending={sending} />
      {boardFull ? <BoardFullNotice messages={messages} /> : null}
      {config && config.licenseKey === null && !isLocalHost(window.location.hostname) ? (
        <LicenceNotice messages={messages} />
      ) : null}
    </div>
  )
}

function useRooms(
  view: SessionView,
  token: string,
  user: LocalUser,
  messages: Messages,
  device: SessionOnDevice | null,
): { board: BoardSession; control: ControlRoom } | null {
  const [rooms, setRooms] = useState<{ board: BoardSession; control: ControlRoom } | null>(null)
  const boardRoom = roomNameFromPath(view.rooms.board)
  const controlRoom = roomNameFromPath(view.rooms.control)
  const readOnly = view.role === 'observer'
  const ownName = view.participants.find((person) => person.participantId === view.participantId)?.name ?? ''
  useEffect(() => {
    if (!device) return
    const board = new BoardSession({
      room: boardRoom,
      token,
      readOnly,
      names: { own: ownName, forRole: (role) => roleLabel(role, messages) },
      preferences: user.preferences,
      firstPageName: messages.pageName,
      keeper: device,
      onShownFromDevice: () => device.shownFromDevice.set(true),
    })
    const control = new ControlRoom(controlRoom, token)
    setRooms({ board, control })
    return () => {
      board.dispose()
      control.dispose()
    }
    // Names are taken in the language of the moment the board opens: a language switch must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `messages` left out on purpose, see above
  }, [boardRoom, controlRoom, token, readOnly, ownName, user, device])
  return rooms
}

function useClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    void fetchClientConfig(abort.signal).then((result) => {
      if (!abort.signal.aborted) setConfig(result)
    })
    return () => abort.abort()
  }, [])
  return config
}
