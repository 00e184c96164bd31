import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import type { SessionView } from '@werkplaats/shared'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import { isLocalHost } from '../config/clientConfig.ts'
import { useClientConfig } from '../config/useClientConfig.ts'
import { roomNameFromPath } from '../connection/roomConnection.ts'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import type { AppMessages } from '../i18n/messages.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { roleLabel } from '../participants/roleLabel.ts'
import { LicenceNotice } from '../licence/LicenceNotice.tsx'
import { boardWordOverrides } from '../board/boardWords.ts'
import { bannerConnectionState } from '../offline/bannerState.ts'
import { ForgetSessionButton } from '../offline/ForgetSessionButton.tsx'
import { useForgetOnRefusal, useSending, useSessionOnDevice } from '../offline/useSessionOnDevice.ts'
import { BoardFullNotice } from '../board/BoardFullNotice.tsx'
import { SessionClosedNotice } from '../session/SessionClosedNotice.tsx'
import { ControlRoom } from '../session/controlRoom.ts'
import type { RecentSessions } from '../session/recentSessions.ts'
import { SessionPanelContext, SessionPanelSlot, type SessionPanelProps } from '../board/SessionPanel.tsx'
import type { LocalUser } from '../user/localUser.ts'
import { CardVoteContext } from '../voting/CardVote.tsx'
import { useVotingSession } from '../voting/useVotingSession.ts'
import { StickyVotes } from '../voting/StickyVotes.tsx'
import { ParticipantToolbar } from '../facilitation/ParticipantToolbar.tsx'
import { Facilitation } from '../facilitation/facilitation.ts'
import { useWhereabouts } from '../facilitation/useWhereabouts.ts'
import { RoomDrawer } from '../roomDrawer/RoomDrawer.tsx'
import { PhoneRoom } from '../phone/PhoneRoom.tsx'
import { FollowPill } from '../viewSteering/FollowPill.tsx'
import { watchTimerChime } from '../timer/timerChime.ts'
import { usePhoneLayout } from '../phone/usePhoneLayout.ts'
import { WorkshopStylePanel } from '../facilitation/WorkshopStylePanel.tsx'
import type { SessionOnDevice } from '../offline/sessionOnDevice.ts'
import { BoardSession } from '../board/boardSession.ts'
import { CrowdNotice } from './CrowdNotice.tsx'
import { outsideContentUiOverrides, refuseOutsideContent } from '../board/outsideContent/outsideContentHandlers.ts'
import { outsideContentShapeUtils } from '../board/outsideContent/outsideContentShapes.tsx'
import { templateShapeUtils } from '../board/shapes/templateShapes.ts'
import { BoardNoteShapeUtil } from '../board/shapes/note/BoardNoteShapeUtil.tsx'
import { useTemplateLayer } from '../board/templateLayer/useTemplateLayer.ts'

// Fonts, icons and translations come from our own build (Vite emits them under /assets), never from a CDN:
// workshops run on networks that block, or should not be told about, third-party hosts.
const assetUrls = getAssetUrlsByImport()

// Module-level, so tldraw sees the same object every render and never remounts the slot.
// No shape shows content from an outside address (outsideContent/): no participant can make others' browsers fetch.
// Notes take their size from their record, not from measuring their text (shapes/note/).
const shapeUtils = [...templateShapeUtils, ...outsideContentShapeUtils, BoardNoteShapeUtil]
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
  const messages = useMessages().app
  const readOnly = view.role === 'observer'
  const device = useSessionOnDevice(view)
  const rooms = useRooms(view, token, user, messages, device)
  const config = useClientConfig()
  const phase = useValue('board phase', () => rooms?.board.phase.get() ?? { kind: 'loading' as const }, [rooms])
  const refusal = useValue(
    'refusal',
    () => rooms?.board.refusal.get() ?? rooms?.control.connection?.refusal.get() ?? null,
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
  // Closed by the facilitator: as the control room says once it has, as the session's view said until then.
  const closed = useValue('session closed', () => rooms?.control.closed.get() ?? view.status === 'closed', [
    rooms,
    view,
  ])
  const template = useTemplateLayer(
    phase.kind === 'ready' ? phase.store : null,
    rooms?.control ?? null,
    view.templateId,
    view.role,
    preferences.locale,
    rooms?.board.actionPlan.items ?? null,
  )
  const [editor, setEditor] = useState<Editor | null>(null)
  const voting = useVotingSession(view, token, rooms?.control ?? null)
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
  const facilitation = rooms?.facilitation ?? null
  // A participant or observer on a phone gets the task first; the facilitator keeps the drawer everywhere.
  const phone = usePhoneLayout() && view.role !== 'facilitator'
  const whereabouts = useWhereabouts(facilitation, rooms?.board.awareness ?? null)

  // The chime at zero, once per screen, whichever panels show the timer.
  useEffect(() => (facilitation ? watchTimerChime(facilitation) : undefined), [facilitation])

  // Votes and marks go to the server as they are made; offline their controls say they cannot be done.
  useEffect(() => {
    voting?.offline.set(connection !== 'online')
  }, [voting, connection])

  useEffect(() => {
    document.title = `${view.title} · ${messages.appName}`
  }, [view.title, messages.appName])

  // Nobody changes a closed session's board (the server would close the connection that tried).
  useEffect(() => {
    editor?.updateInstanceState({ isReadonly: readOnly || closed })
  }, [editor, readOnly, closed])

  const connectionStatus = useMemo(
    () => <ConnectionStatus state={connection} refusal={refusal} sending={sending} />,
    [connection, refusal, sending],
  )
  // On a laptop the status sits in the session bar once the board shows (see `SessionPanel`); before that, on a
  // phone, and when the server refused us for good (an alert with the way out), it floats at the top.
  const statusInBar = phase.kind === 'ready' && config !== null && !phone && rooms !== null && refusal === null
  const panel: SessionPanelProps | null = useMemo(
    () =>
      rooms
        ? {
            view,
            token,
            control: rooms.control,
            template,
            onRenamed: (title: string) => recent.rename(view.id, title),
            // On a phone the task card shows the timer.
            timer: phone ? null : rooms.facilitation,
            deviceControls:
              device && !readOnly ? (
                <ForgetSessionButton
                  device={device}
                  facilitator={view.role === 'facilitator'}
                  onForgotten={onForgotten}
                />
              ) : null,
            connection: statusInBar ? connectionStatus : null,
          }
        : null,
    [rooms, view, token, template, recent, device, readOnly, onForgotten, phone, statusInBar, connectionStatus],
  )

  // An observer's editor is read-only: no tool creates anything, and the store binding would not pass it on
  // to the room anyway (the server closes a connection that writes without the right to).
  const onMount = (editor: Editor) => {
    refuseOutsideContent(editor)
    if (readOnly) editor.updateInstanceState({ isReadonly: true })
    setEditor(editor)
    // View steering and private writing live as long as the board session; the editor is what they need.
    return rooms?.board.attachEditor(editor)
  }

  return (
    <div className="wp-board wp-board--facilitated" data-role={view.role} data-phone={phone}>
      <div className="wp-board__canvas">
        {phase.kind === 'ready' && config ? (
          <SessionPanelContext.Provider value={panel}>
            <CardVoteContext.Provider value={voting}>
              <Tldraw
                store={phase.store}
                user={user.tldrawUser}
                assetUrls={assetUrls}
                licenseKey={config.licenseKey ?? undefined}
                components={view.role === 'facilitator' ? components : participantComponents}
                shapeUtils={shapeUtils}
                overrides={[outsideContentUiOverrides, boardWordOverrides]}
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
        {rooms ? <FollowPill steering={rooms.board.steering} /> : null}
      </div>
      {facilitation && rooms && phase.kind === 'ready' && phone ? (
        <PhoneRoom
          view={view}
          board={rooms.board}
          facilitation={facilitation}
          voting={voting}
          editor={editor}
          template={template}
          participantCount={participantCount}
        />
      ) : null}
      {facilitation && rooms && phase.kind === 'ready' && !phone ? (
        <RoomDrawer
          view={view}
          token={token}
          board={rooms.board}
          control={rooms.control}
          closed={closed}
          facilitation={facilitation}
          voting={voting}
          editor={editor}
          template={template}
          participantCount={participantCount}
          whereabouts={whereabouts}
        />
      ) : null}
      {statusInBar ? null : connectionStatus}
      {facilitation && rooms && phase.kind === 'ready' ? (
        <CrowdNotice board={rooms.board} facilitation={facilitation} />
      ) : null}
      {boardFull ? <BoardFullNotice /> : null}
      {closed ? <SessionClosedNotice /> : null}
      {config && config.licenseKey === null && !isLocalHost(window.location.hostname) ? <LicenceNotice /> : null}
    </div>
  )
}

/** The session's long-lived objects on this page, made together and disposed together. */
interface Rooms {
  board: BoardSession
  control: ControlRoom
  facilitation: Facilitation
}

function useRooms(
  view: SessionView,
  token: string,
  user: LocalUser,
  messages: AppMessages,
  device: SessionOnDevice | null,
): Rooms | null {
  const [rooms, setRooms] = useState<Rooms | null>(null)
  const boardRoom = roomNameFromPath(view.rooms.board)
  const controlRoom = roomNameFromPath(view.rooms.control)
  // Only an observer's binding is read-only for good. A closed session's board is read-only in the editor instead
  // (see `BoardPage`), so that a page opened while it was closed writes again once it is reopened.
  const readOnly = view.role === 'observer'
  const ownName = view.participants.find((person) => person.participantId === view.participantId)?.name ?? ''
  useEffect(() => {
    // The device's keeper comes first: the board's copy (and one's own private room's) opens with the room.
    if (!device) return
    const control = new ControlRoom({ room: controlRoom, token, role: view.role, templateId: view.templateId })
    const facilitation = new Facilitation({ control, participantId: view.participantId ?? null })
    const board = new BoardSession({
      room: boardRoom,
      token,
      readOnly,
      names: { own: ownName, forRole: (role) => roleLabel(role, messages) },
      preferences: user.preferences,
      firstPageName: messages.pageName,
      sessionId: view.id,
      facilitation,
      people: control.participants,
      keeper: device,
      onShownFromDevice: () => device.shownFromDevice.set(true),
    })
    setRooms({ board, control, facilitation })
    return () => {
      board.dispose()
      facilitation.dispose()
      control.dispose()
    }
    // Names are taken in the language of the moment the board opens: a language switch must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `messages` left out on purpose, see above
  }, [
    boardRoom,
    controlRoom,
    token,
    readOnly,
    ownName,
    user,
    view.id,
    view.role,
    view.templateId,
    view.participantId,
    device,
  ])
  return rooms
}
