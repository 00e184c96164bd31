import type { Template } from '@werkplaats/shared'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { PlaybookDecision } from './PlaybookDecision.tsx'
import { mayTakeBack, mayVoteOn, ownVotesOn, remainingVotes, talliesByCard, type RoundView } from './roundView.ts'
import { StartRoundDialog } from './StartRoundDialog.tsx'
import { cardsOfRound, type BoardSticky, type VoteCard } from './voteCards.ts'
import type { VotingSession } from './votingSession.ts'
import { useMessages } from '../i18n/useMessages.tsx'

interface VotingPanelProps {
  session: VotingSession
  template: Template | null
  stickies: readonly BoardSticky[]
  participantCount: number
}

/**
 * The current vote round: its cards with their vote buttons (participants), the budget left, the voter
 * count, and the facilitator's "Stemronde starten", "Stemronde sluiten" and "Onthullen".
 */
export function VotingPanel({ session, template, stickies, participantCount }: VotingPanelProps) {
  const messages = useMessages().voting
  const round = useValue('current round', () => session.current.get(), [session])
  const problem = useValue('vote problem', () => session.problem.get(), [session])
  const busy = useValue('vote busy', () => session.busy.get() > 0, [session])
  const offline = useValue('voting offline', () => session.offline.get(), [session])
  const stageId = useValue('stage', () => session.facilitation.get().stageId, [session])
  const [starting, setStarting] = useState(false)
  const isFacilitator = session.role === 'facilitator'
  const stageTitle = (id: string) => template?.agenda.find((s) => s.id === id)?.title ?? id

  return (
    <div className="wp-voting" aria-busy={busy}>
      {round ? (
        <RoundDetails
          round={round}
          session={session}
          template={template}
          stickies={stickies}
          participantCount={participantCount}
          stageTitle={stageTitle(round.stageId)}
        />
      ) : (
        <p>{messages.noRound}</p>
      )}
      {offline && problem !== 'offline' && session.role === 'participant' ? (
        <p className="wp-voting__problem">{messages.problems.offline}</p>
      ) : null}
      {problem ? (
        <p role="alert" className="wp-voting__problem">
          {messages.problems[problem]}
        </p>
      ) : null}
      {isFacilitator ? (
        <div className="wp-voting__controls">
          {template && round?.status !== 'open' ? (
            <button type="button" onClick={() => setStarting(true)}>
              {messages.startRound}
            </button>
          ) : null}
          {round?.status === 'open' ? (
            <button type="button" onClick={() => void session.close(round.roundId)}>
              {messages.closeRound}
            </button>
          ) : null}
          {round && round.status !== 'revealed' ? (
            <button type="button" onClick={() => void session.reveal(round.roundId)}>
              {messages.reveal}
            </button>
          ) : null}
        </div>
      ) : null}
      {isFacilitator && template && round?.status === 'revealed' && round.tallies ? (
        <PlaybookDecision session={session} template={template} round={round} stickies={stickies} />
      ) : null}
      {starting && template ? (
        <StartRoundDialog
          session={session}
          template={template}
          stickies={stickies}
          initialStageId={stageId}
          onClose={() => setStarting(false)}
        />
      ) : null}
    </div>
  )
}

function RoundDetails({
  round,
  session,
  template,
  stickies,
  participantCount,
  stageTitle,
}: {
  round: RoundView
  session: VotingSession
  template: Template | null
  stickies: readonly BoardSticky[]
  participantCount: number
  stageTitle: string
}) {
  const messages = useMessages().voting
  const cards = cardsOfRound(round.cardIds, template, stickies, messages.missingCard)
  const tallies = round.tallies ? talliesByCard(round) : null
  const voting = session.role === 'participant' && round.status === 'open'
  const voteLabel = assessVoteLabel(template, round.stageId)
  const left = remainingVotes(round)
  return (
    <>
      <h3 className="wp-voting__title">
        {messages.roundTitle(round.title, stageTitle)}{' '}
        <span className="wp-voting__status">({messages.roundStatus[round.status]})</span>
      </h3>
      <p className="wp-voting__voters" aria-live="polite">
        {messages.votersCount(round.voterCount, Math.max(participantCount, round.voterCount))}
      </p>
      {voting ? (
        <p className="wp-voting__budget" aria-live="polite">
          {left > 0 ? messages.remaining(left) : messages.noVotesLeft}
        </p>
      ) : null}
      {round.status === 'closed' && !tallies ? <p>{messages.roundClosed}</p> : null}
      {round.status !== 'revealed' && !tallies && session.role === 'participant' ? (
        <p>{messages.waitForReveal}</p>
      ) : null}
      <ul className="wp-voting__cards">
        {cards.map((card) => (
          <CardRow
            key={card.cardId}
            card={card}
            round={round}
            tally={tallies?.get(card.cardId) ?? null}
            voting={voting}
            voteLabel={card.kind === 'assessment-question' && voteLabel ? voteLabel : messages.dotVote}
            session={session}
          />
        ))}
      </ul>
    </>
  )
}

function CardRow({
  card,
  round,
  tally,
  voting,
  voteLabel,
  session,
}: {
  card: VoteCard
  round: RoundView
  tally: number | null
  voting: boolean
  voteLabel: string
  session: VotingSession
}) {
  const messages = useMessages().voting
  const own = ownVotesOn(round, card.cardId)
  const offline = useValue('voting offline', () => session.offline.get(), [session])
  return (
    <li className="wp-voting__card" data-card-id={card.cardId}>
      <span className="wp-voting__text">{card.text}</span>
      {own > 0 ? (
        <span className="wp-voting__dots" role="img" aria-label={messages.ownVotes(own)}>
          {'●'.repeat(own)}
        </span>
      ) : null}
      {tally !== null ? <span className="wp-voting__tally">{messages.tallyBadge(tally)}</span> : null}
      {voting ? (
        <span className="wp-voting__buttons">
          <button
            type="button"
            aria-label={messages.voteOn(voteLabel, card.text)}
            disabled={offline || !mayVoteOn(round, card.cardId)}
            title={offline ? messages.offlineHint : undefined}
            onClick={() => void session.vote(card.cardId)}
          >
            {voteLabel}
          </button>
          {mayTakeBack(round, card.cardId) && !offline ? (
            <button
              type="button"
              aria-label={messages.takeBackOn(card.text)}
              onClick={() => void session.takeBack(card.cardId)}
            >
              {messages.takeBack}
            </button>
          ) : null}
        </span>
      ) : null}
    </li>
  )
}

/** The label an assess stage gives its vote ("We moeten dit verbeteren!"); null elsewhere. */
function assessVoteLabel(template: Template | null, stageId: string): string | null {
  const stage = template?.agenda.find((s) => s.id === stageId)
  return stage?.kind === 'assess' ? stage.voteLabel : null
}
