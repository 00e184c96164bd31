import type { Template } from '@werkplaats/shared'
import { useValue, type Editor } from 'tldraw'
import { boardStickies } from './boardStickies.ts'
import { DockSection } from './DockSection.tsx'
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
