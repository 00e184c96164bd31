import type { SessionView } from '@werkplaats/shared'
import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type * as Y from 'yjs'
import { useMessages } from '../i18n/useMessages.tsx'
import { ActionMarksPanel } from '../voting/ActionMarksPanel.tsx'
import { boardStickies } from '../voting/boardStickies.ts'
import { DockSection } from '../voting/DockSection.tsx'
import type { VotingTabProps } from '../voting/VotingTabs.tsx'
import { ActionPlanBoard } from './actionPlanBoard.ts'
import { ActionPlanPanel } from './ActionPlanPanel.tsx'
import '../voting/voting.css'

/** The drawer's "Acties": the marks on the chosen plays' actions, and the action plan. */
export function ActionsTab({
  view,
  session,
  boardDoc,
  editor,
  template,
}: Omit<VotingTabProps, 'participantCount'> & { view: SessionView; boardDoc: Y.Doc }) {
  const messages = useMessages().voting
  const plan = useActionPlan(boardDoc)
  const stickies = useValue('board stickies', () => (editor ? boardStickies(editor) : []), [editor])
  const playIds = useValue('selected plays', () => session.facilitation.get().rounds.at(-1)?.playIds ?? [], [session])
  if (!plan) return null
  return (
    <div className="wp-voting-dock" aria-label={messages.actionsLabel} role="group">
      {template && playIds.length > 0 ? (
        <DockSection title={messages.marksHeading}>
          <ActionMarksPanel session={session} template={template} playIds={playIds} />
        </DockSection>
      ) : null}
      <DockSection title={messages.planHeading} initiallyOpen={false}>
        <ActionPlanPanel
          plan={plan}
          template={template}
          session={session}
          stickies={stickies}
          readOnly={view.role === 'observer'}
        />
      </DockSection>
    </div>
  )
}

function useActionPlan(boardDoc: Y.Doc): ActionPlanBoard | null {
  const [plan, setPlan] = useState<ActionPlanBoard | null>(null)
  useEffect(() => {
    const created = new ActionPlanBoard(boardDoc)
    setPlan(created)
    return () => created.dispose()
  }, [boardDoc])
  return plan
}
