import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import type { ClientConfig, SessionView } from '@werkplaats/shared'
import { useEffect, useMemo, useState } from 'react'
import { Tldraw, useValue, type Editor, type TLComponents } from 'tldraw'
import { isLocalHost, loadClientConfig } from '../config/clientConfig.ts'
import { roomNameFromPath } from '../connection/roomConnection.ts'
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx'
import type { AppMessages } from '../i18n/messages.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { roleLabel } from '../participants/roleLabel.ts'
import { LicenceNotice } from '../licence/LicenceNotice.tsx'
import { boardWordOverrides } from './boardWords.ts'
import { BoardFullNotice } from './BoardFullNotice.tsx'
import { ControlRoom } from '../session/controlRoom.ts'
import type { RecentSessions } from '../session/recentSessions.ts'
import { SessionPanelContext, SessionPanelSlot, type SessionPanelProps } from './SessionPanel.tsx'
import type { LocalUser } from '../user/localUser.ts'
import { CardVoteContext } from '../voting/CardVote.tsx'
import { useVotingSession } from '../voting/useVotingSession.ts'
import { StickyVotes } from '../voting/StickyVotes.tsx'
import { ParticipantToolbar } from '../facilitation/ParticipantToolbar.tsx'
import { Facilitation } from '../facilitation/facilitation.ts'
import { useWhereabouts } from '../facilitation/useWhereabouts.ts'
import { RoomDrawer } from '../roomDrawer/RoomDrawer.tsx'
import { PhoneRoom } from '../phone/PhoneRoom.tsx'
import { usePhoneLayout } from '../phone/usePhoneLayout.ts'
import { WorkshopStylePanel } from '../facilitation/WorkshopStylePanel.tsx'
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
}: {
  view: SessionView
  token: string
  user: LocalUser
  recent: RecentSessions
}) {
  const preferences = useValue('user preferences', () => user.preferences.get(), [user])
  const messages = useMessages().app
  const readOnly = view.role === 'observer'
  const rooms = useRooms(view, token, user, messages)
  const config = useClientConfig()
  const phase = useValue('board phase', () => rooms?.board.phase.get() ?? { kind: 'loading' as const }, [rooms])
  const connection = useValue('connection', () => rooms?.board.connectionState.get() ?? 'connecting', [rooms])
  const refusal = useValue(
    'refusal',
    () => rooms?.board.refusal.get() ?? rooms?.control.connection?.refusal.get() ?? null,
    [rooms],
  )
  const boardFull = useValue('board full', () => rooms?.control.boardFull.get() ?? false, [rooms])
  const template = useTemplateLayer(
    phase.kind === 'ready' ? phase.store : null,
    rooms?.control ?? null,
    view.templateId,
    view.role,
    preferences.locale,
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
  const observerToken = view.role === 'facilitator' ? (recent.find(view.id)?.observerToken ?? null) : null
  const facilitation = rooms?.facilitation ?? null
  // A participant or observer on a phone gets the task first; the facilitator keeps the drawer everywhere.
  const phone = usePhoneLayout() && view.role !== 'facilitator'
  const whereabouts = useWhereabouts(facilitation, rooms?.board.awareness ?? null)

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
            control: rooms.control,
            template,
            onRenamed: (title: string) => recent.rename(view.id, title),
          }
        : null,
    [rooms, view, token, observerToken, template, recent],
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
          facilitation={facilitation}
          voting={voting}
          editor={editor}
          template={template}
          participantCount={participantCount}
          whereabouts={whereabouts}
        />
      ) : null}
      <ConnectionStatus state={connection} refusal={refusal} />
      {boardFull ? <BoardFullNotice /> : null}
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

function useRooms(view: SessionView, token: string, user: LocalUser, messages: AppMessages): Rooms | null {
  const [rooms, setRooms] = useState<Rooms | null>(null)
  const boardRoom = roomNameFromPath(view.rooms.board)
  const controlRoom = roomNameFromPath(view.rooms.control)
  const readOnly = view.role === 'observer'
  const ownName = view.participants.find((person) => person.participantId === view.participantId)?.name ?? ''
  useEffect(() => {
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
    })
    setRooms({ board, control, facilitation })
    return () => {
      board.dispose()
      facilitation.dispose()
      control.dispose()
    }
    // Names are taken in the language of the moment the board opens: a language switch must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `messages` left out on purpose, see above
  }, [boardRoom, controlRoom, token, readOnly, ownName, user, view.id, view.role, view.templateId, view.participantId])
  return rooms
}

function useClientConfig(): ClientConfig | null {
  const [config, setConfig] = useState<ClientConfig | null>(null)
  useEffect(() => {
    const abort = new AbortController()
    void loadClientConfig(abort.signal).then((result) => {
      if (!abort.signal.aborted) setConfig(result)
    })
    return () => abort.abort()
  }, [])
  return config
}
