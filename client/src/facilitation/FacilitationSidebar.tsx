import type { Participant } from '@werkplaats/shared'
import { useEffect, useMemo, useState } from 'react'
import type { Editor, Signal } from 'tldraw'
import type { Facilitation } from './facilitation.ts'
import { facilitatorActions } from './facilitatorActions.ts'
import { FacilitatorPanel } from './FacilitatorPanel.tsx'
import type { FacilitationMessages } from './messages.ts'
import { ParticipantStagePanel } from './ParticipantStagePanel.tsx'
import { startPrivateWriting } from './privateWriting.ts'
import { steerView, type ViewSteering } from './viewSteering.ts'
import type { LocalKeeper } from '../offline/sessionOnDevice.ts'
import './facilitation.css'

/** The open session as the sidebar needs it; `keeper` keeps one's own private room on this device. */
type FacilitationSessionRef = { sessionId: string; token: string; keeper?: LocalKeeper | null }

/**
 * The panel beside the board, by role: the facilitator's controls, or the stage as a participant or
 * observer sees it. It needs the editor (to steer views and read the facilitator's viewport), so it appears
 * once tldraw has mounted.
 */
export function FacilitationSidebar({
  facilitation,
  editor,
  session,
  people,
  messages,
}: {
  facilitation: Facilitation
  editor: Editor | null
  session: FacilitationSessionRef
  /** Everyone the server admitted (the control room's list). */
  people: Signal<readonly Participant[]>
  messages: FacilitationMessages
}) {
  const steering = useViewSteering(facilitation, editor)
  usePrivateWriting(facilitation, editor, session, people)
  const actions = useMemo(
    () => (editor && facilitation.isFacilitator ? facilitatorActions(facilitation, editor, session) : null),
    [editor, facilitation, session],
  )
  if (facilitation.isFacilitator) {
    return actions ? <FacilitatorPanel facilitation={facilitation} actions={actions} messages={messages} /> : null
  }
  return <ParticipantStagePanel facilitation={facilitation} steering={steering} messages={messages} />
}

/** Participants' and observers' views follow the facilitator; the facilitator steers their own. */
function useViewSteering(facilitation: Facilitation, editor: Editor | null): ViewSteering | null {
  const [steering, setSteering] = useState<ViewSteering | null>(null)
  useEffect(() => {
    if (!editor || facilitation.isFacilitator) return
    // Observers share one token and have no participant id; they follow all the same.
    const created = steerView(editor, facilitation, facilitation.participantId ?? `observer-${editor.store.id}`)
    setSteering(created)
    return () => {
      created.dispose()
      setSteering(null)
    }
  }, [editor, facilitation])
  return steering
}

/** Private writing's rooms and lanes, for the facilitator and participants (observers see only the board). */
function usePrivateWriting(
  facilitation: Facilitation,
  editor: Editor | null,
  session: FacilitationSessionRef,
  people: Signal<readonly Participant[]>,
): void {
  useEffect(() => {
    if (!editor || facilitation.role === 'observer') return
    return startPrivateWriting({
      editor,
      facilitation,
      sessionId: session.sessionId,
      token: session.token,
      people,
      keeper: session.keeper,
    })
  }, [editor, facilitation, session, people])
}
