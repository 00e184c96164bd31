import { useMemo } from 'react'
import { useValue, type Editor, type Signal } from 'tldraw'
import type { ViewSteering } from '../viewSteering/viewSteering.ts'
import type { Facilitation } from './facilitation.ts'
import { facilitatorActions } from './facilitatorActions.ts'
import { FacilitatorPanel } from './FacilitatorPanel.tsx'
import { ParticipantStagePanel } from './ParticipantStagePanel.tsx'
import './facilitation.css'

/**
 * The panel beside the board, by role: the facilitator's controls, or the stage as a participant or
 * observer sees it. The facilitator's controls need the editor (to read their viewport and bring it to a
 * stage), so they appear once tldraw has mounted. The view steering is the board session's; this only shows it.
 */
export function FacilitationSidebar({
  facilitation,
  editor,
  session,
  steering,
}: {
  facilitation: Facilitation
  editor: Editor | null
  session: { sessionId: string; token: string }
  /** How this view follows the facilitator (`BoardSession.steering`); null for the facilitator. */
  steering: Signal<ViewSteering | null>
}) {
  const viewSteering = useValue('view steering', () => steering.get(), [steering])
  const actions = useMemo(
    () => (editor && facilitation.isFacilitator ? facilitatorActions(facilitation, editor, session) : null),
    [editor, facilitation, session],
  )
  if (facilitation.isFacilitator) {
    return actions ? <FacilitatorPanel facilitation={facilitation} actions={actions} /> : null
  }
  return <ParticipantStagePanel facilitation={facilitation} steering={viewSteering} />
}
