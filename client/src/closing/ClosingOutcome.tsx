import { mayExportSummary } from '@werkplaats/shared'
import { useId } from 'react'
import { useValue } from 'tldraw'
import type { ActionPlanBoard } from '../actionPlan/actionPlanBoard.ts'
import { exportMenuOpen } from '../export/exportMenuState.ts'
import type { Facilitation } from '../facilitation/facilitation.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import type { VotingSession } from '../voting/votingSession.ts'
import { closingOutcome } from './closingOutcome.ts'
import './closing.css'

/**
 * Afsluiting's outcome in the room: the chosen principle, the questions with the most votes, the chosen plays and
 * the action plan with its owners, as the summary names them; "Samenvatting delen" opens the export menu for whoever
 * may export. Shown only while the current stage is the closing one.
 */
export function ClosingOutcome({
  facilitation,
  voting,
  plan,
  canShare = true,
}: {
  facilitation: Facilitation
  voting: VotingSession
  plan: ActionPlanBoard
  /** False where the export menu is out of reach (the phone's task view). */
  canShare?: boolean
}) {
  const messages = useMessages().closing
  const headingId = useId()
  const templateState = useValue('template', () => facilitation.template.get(), [facilitation])
  const template = templateState.kind === 'ready' ? templateState.template : null
  const closing = useValue(
    'at the closing',
    () => template?.agenda.find((stage) => stage.id === facilitation.state.get().stageId)?.kind === 'closing',
    [facilitation, template],
  )
  const outcome = useValue(
    'closing outcome',
    () =>
      closing
        ? closingOutcome({
            template,
            facilitation: voting.facilitation.get(),
            voteRounds: voting.rounds.get(),
            markCounts: voting.markCounts.get(),
            actionPlan: plan.items.get(),
            now: Date.now(),
          })
        : null,
    [closing, template, voting, plan],
  )
  const mayShare = useValue(
    'may share',
    () => canShare && mayExportSummary(facilitation.role, facilitation.state.get().exportsForEveryone),
    [canShare, facilitation],
  )
  if (!outcome) return null
  return (
    <section className="wp-closing" aria-labelledby={headingId}>
      <h2 id={headingId} className="wp-closing__heading">
        {messages.outcomeHeading}
      </h2>
      <h3>{messages.principle}</h3>
      {outcome.principles.length === 0 ? <p className="wp-closing__none">{messages.notChosen}</p> : null}
      <ul>
        {outcome.principles.map((p) => (
          <li key={`${p.round}:${p.principleId}`}>
            {outcome.principles.length > 1 ? `${messages.round(p.round + 1)}: ` : ''}
            {`${p.number}. ${p.title}`}
          </li>
        ))}
      </ul>
      {outcome.topQuestions.length > 0 ? (
        <>
          <h3>{messages.topQuestions}</h3>
          {outcome.topQuestions.map((round, index) => (
            <ol key={index} aria-label={round.roundTitle}>
              {round.questions.map((q) => (
                <li key={q.cardId}>
                  {q.label} <span className="wp-closing__votes">({messages.votes(q.votes)})</span>
                </li>
              ))}
            </ol>
          ))}
        </>
      ) : null}
      <h3>{messages.plays}</h3>
      {outcome.plays.length === 0 ? <p className="wp-closing__none">{messages.notChosen}</p> : null}
      <ul>
        {outcome.plays.map((play) => (
          <li key={`${play.round}:${play.title}`}>{play.title}</li>
        ))}
      </ul>
      <h3>{messages.actionPlan}</h3>
      {outcome.actionPlan.length === 0 ? <p className="wp-closing__none">{messages.emptyPlan}</p> : null}
      <ul className="wp-closing__plan">
        {outcome.actionPlan.map((item) => (
          <li key={item.id}>
            <strong>{item.action}</strong>
            <span>
              {[messages.owner(item.owner), item.firstStep, item.date].filter((part) => part !== '').join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {mayShare ? (
        <button type="button" className="wp-closing__share" onClick={() => exportMenuOpen.set(true)}>
          {messages.share}
        </button>
      ) : null}
    </section>
  )
}
