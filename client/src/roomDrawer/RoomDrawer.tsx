import type { SessionView, Template } from '@werkplaats/shared'
import { useId, useMemo, useState, type ReactNode } from 'react'
import type { Editor } from 'tldraw'
import { removeParticipant } from '../api/apiClient.ts'
import type { BoardSession } from '../board/boardSession.ts'
import { ClosingOutcome } from '../closing/ClosingOutcome.tsx'
import { FacilitationSidebar } from '../facilitation/FacilitationSidebar.tsx'
import type { Facilitation } from '../facilitation/facilitation.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { ParticipantList } from '../participants/ParticipantList.tsx'
import { CursorSettingControl } from './CursorSettingControl.tsx'
import type { RosterEntry } from '../participants/roster.ts'
import { useRoster } from './useRoster.ts'
import type { ControlRoom } from '../session/controlRoom.ts'
import { safeLocalStorage } from '../storage/localStore.ts'
import { ActionsTab } from '../actionPlan/ActionsTab.tsx'
import { VotingTab } from '../voting/VotingTabs.tsx'
import type { VotingSession } from '../voting/votingSession.ts'
import {
  drawerTabs,
  pressTab,
  readDrawerState,
  writeDrawerState,
  type DrawerState,
  type DrawerTab,
} from './drawerState.ts'
import './roomDrawer.css'

export interface RoomDrawerProps {
  view: SessionView
  token: string
  board: BoardSession
  control: ControlRoom
  /** The facilitator has closed the session: the stage and timer controls would only be refused, so they go. */
  closed: boolean
  facilitation: Facilitation
  voting: VotingSession | null
  editor: Editor | null
  template: Template | null
  participantCount: number
  whereabouts: ((entry: RosterEntry) => string | null) | undefined
}

/**
 * The room's panels in one drawer on the right, one tab at a time: the stage (the facilitator's controls or what
 * to do now), voting, actions and the participants. It lies beside the board, never over it, and is closed until
 * the person opens it; where they left it is kept per session, so a reload does not throw panels over the board.
 */
export function RoomDrawer(props: RoomDrawerProps) {
  const messages = useMessages().drawer
  const [state, setState] = useState<DrawerState>(() => readDrawerState(safeLocalStorage(), props.view.id))
  const baseId = useId()
  const press = (tab: DrawerTab) => {
    const next = pressTab(state, tab)
    setState(next)
    writeDrawerState(safeLocalStorage(), props.view.id, next)
  }
  const tabs = drawerTabs.filter((tab) => props.voting !== null || (tab !== 'voting' && tab !== 'actions'))

  return (
    <div className="wp-room-drawer" data-open={state.open}>
      <div className="wp-room-drawer__tabs" role="tablist" aria-label={messages.label} aria-orientation="vertical">
        {tabs.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`${baseId}-${tab}`}
            className="wp-room-drawer__tab"
            aria-selected={state.open && state.tab === tab}
            aria-controls={state.open && state.tab === tab ? `${baseId}-panel` : undefined}
            onClick={() => press(tab)}
          >
            <span>{messages.tabs[tab]}</span>
          </button>
        ))}
      </div>
      {state.open ? (
        <aside className="wp-room-drawer__panel" aria-label={messages.label}>
          <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-${state.tab}`}>
            <button type="button" className="wp-room-drawer__close" onClick={() => press(state.tab)}>
              {messages.close}
            </button>
            <DrawerTabContent tab={state.tab} {...props} />
          </div>
        </aside>
      ) : null}
    </div>
  )
}

function DrawerTabContent({ tab, ...props }: RoomDrawerProps & { tab: DrawerTab }): ReactNode {
  const session = useMemo(() => ({ sessionId: props.view.id, token: props.token }), [props.view.id, props.token])
  switch (tab) {
    case 'stage':
      // The facilitator moves the stages with an eye on who went along: the participant list (with the stage each
      // person's view is on) stands under the stage controls.
      return (
        <>
          {props.closed ? null : (
            <FacilitationSidebar
              facilitation={props.facilitation}
              editor={props.editor}
              session={session}
              steering={props.board.steering}
            />
          )}
          {props.voting ? (
            <ClosingOutcome facilitation={props.facilitation} voting={props.voting} plan={props.board.actionPlan} />
          ) : null}
          {props.view.role === 'facilitator' ? <ParticipantsTab {...props} /> : null}
        </>
      )
    case 'voting':
      return props.voting ? (
        <VotingTab
          session={props.voting}
          editor={props.editor}
          template={props.template}
          participantCount={props.participantCount}
        />
      ) : null
    case 'actions':
      return props.voting ? (
        <ActionsTab
          view={props.view}
          session={props.voting}
          plan={props.board.actionPlan}
          editor={props.editor}
          template={props.template}
        />
      ) : null
    case 'participants':
      return <ParticipantsTab {...props} />
  }
}

function ParticipantsTab({ view, token, board, control, whereabouts, facilitation }: RoomDrawerProps) {
  const roster = useRoster(view, board, control)
  const listId = useId()
  return (
    <>
      <ParticipantList
        id={listId}
        roster={roster}
        whereabouts={whereabouts}
        onRemove={
          view.role === 'facilitator' ? (participantId) => removeParticipant(view.id, token, participantId) : undefined
        }
      />
      <CursorSettingControl facilitation={facilitation} />
    </>
  )
}
