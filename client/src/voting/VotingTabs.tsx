import type { SessionView, Template } from '@werkplaats/shared'
import { useId, useState, type ReactNode } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { ActionPlanBoard } from '../actionPlan/actionPlanBoard.ts'
import { ActionPlanPanel } from '../actionPlan/ActionPlanPanel.tsx'
import { ActionMarksPanel } from './ActionMarksPanel.tsx'
import { boardStickies } from './boardStickies.ts'
import { ResultsPanel } from './ResultsPanel.tsx'
import { VotingPanel } from './VotingPanel.tsx'
import type { VotingSession } from './votingSession.ts'
import './voting.css'
import { useMessages } from '../i18n/useMessages.tsx'

export interface VotingTabProps {
  session: VotingSession
  /** The board's editor once tldraw has mounted: where the stickies come from. */
  editor: Editor | null
  /** The session's template (null for a blank board, or while it loads): card texts, stages, the playbook's logic. */
  template: Template | null
  /** Participants of the session (the voter count says "3 van 5"). */
  participantCount: number
}

/**
 * The drawer's "Stemmen": the current vote round (votes, or the facilitator's controls) and its results.
 * One votes on the cards themselves (`CardVote.tsx`) and here too: the tab lists every card of the round in one
 * place, within reach of the keyboard and a screen reader, and of cards scrolled out of view.
 */
export function VotingTab({ session, editor, template, participantCount }: VotingTabProps) {
  const messages = useMessages().voting
  const stickies = useValue('board stickies', () => (editor ? boardStickies(editor) : []), [editor])
  const hasResults = useValue('results visible', () => session.current.get()?.tallies !== undefined, [session])
  return (
    <div className="wp-voting-dock" aria-label={messages.dockLabel} role="group">
      <DockSection title={messages.votingHeading}>
        <VotingPanel session={session} template={template} stickies={stickies} participantCount={participantCount} />
      </DockSection>
      {hasResults ? (
        <DockSection title={messages.resultsHeading}>
          <ResultsPanel session={session} template={template} stickies={stickies} />
        </DockSection>
      ) : null}
    </div>
  )
}

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

/** A panel of the dock with a heading that folds it away (keyboard: the heading is a button). */
function DockSection({
  title,
  initiallyOpen = true,
  children,
}: {
  title: string
  initiallyOpen?: boolean
  children: ReactNode
}) {
  const messages = useMessages().voting
  const [open, setOpen] = useState(initiallyOpen)
  const bodyId = useId()
  const headingId = useId()
  return (
    <section className="wp-voting-section" aria-labelledby={headingId}>
      <h2 className="wp-voting-section__heading" id={headingId}>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={bodyId}
          title={open ? messages.hide(title) : messages.show(title)}
          onClick={() => setOpen((o) => !o)}
        >
          {title}
        </button>
      </h2>
      <div id={bodyId} hidden={!open} className="wp-voting-section__body">
        {children}
      </div>
    </section>
  )
}
