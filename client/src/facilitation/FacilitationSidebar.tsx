import type { Participant } from '@werkplaats/shared'
import { useEffect, useMemo, useState } from 'react'
import type { Editor, Signal } from 'tldraw'
import type { Facilitation } from './facilitation.ts'
import { facilitatorActions } from './facilitatorActions.ts'
import { FacilitatorPanel } from './FacilitatorPanel.tsx'
import { ParticipantStagePanel } from './ParticipantStagePanel.tsx'
import { startPrivateWriting } from './privateWriting.ts'
import { steerView, type ViewSteering } from './viewSteering.ts'
import './facilitation.css'

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
}: {
  facilitation: Facilitation
  editor: Editor | null
  session: { sessionId: string; token: string }
  /** Everyone the server admitted (the control room's list). */
  people: Signal<readonly Participant[]>
}) {
  const steering = useViewSteering(facilitation, editor)
  usePrivateWriting(facilitation, editor, session, people)
  const actions = useMemo(
    () => (editor && facilitation.isFacilitator ? facilitatorActions(facilitation, editor, session) : null),
    [editor, facilitation, session],
  )
  if (facilitation.isFacilitator) {
    return actions ? <FacilitatorPanel facilitation={facilitation} actions={actions} /> : null
  }
  return <ParticipantStagePanel facilitation={facilitation} steering={steering} />
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
  session: { sessionId: string; token: string },
  people: Signal<readonly Participant[]>,
): void {
  useEffect(() => {
    if (!editor || facilitation.role === 'observer') return
    return startPrivateWriting({ editor, facilitation, sessionId: session.sessionId, token: session.token, people })
  }, [editor, facilitation, session, people])
}
