import type { SessionView } from '@werkplaats/shared'
import { useValue } from 'tldraw'
import { useMessages } from '../i18n/useMessages.tsx'
import { ActionMarksPanel } from '../voting/ActionMarksPanel.tsx'
import { boardStickies } from '../voting/boardStickies.ts'
import { DockSection } from '../voting/DockSection.tsx'
import type { VotingTabProps } from '../voting/VotingTabs.tsx'
import type { ActionPlanBoard } from './actionPlanBoard.ts'
import { ActionPlanPanel } from './ActionPlanPanel.tsx'
import '../voting/voting.css'

/** The drawer's "Acties": the marks on the chosen plays' actions, and the action plan. */
export function ActionsTab({
  view,
  session,
  plan,
  editor,
  template,
}: Omit<VotingTabProps, 'participantCount'> & { view: SessionView; plan: ActionPlanBoard }) {
  const messages = useMessages().voting
  const stickies = useValue('board stickies', () => (editor ? boardStickies(editor) : []), [editor])
  const playIds = useValue('selected plays', () => session.facilitation.get().rounds.at(-1)?.playIds ?? [], [session])
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
