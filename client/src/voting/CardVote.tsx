import { createContext, useContext, type PointerEvent } from 'react'
import { stopEventPropagation, useValue } from 'tldraw'
import { useMessages } from '../i18n/useMessages.tsx'
import { mayTakeBack, mayVoteOn, ownVotesOn, remainingVotes } from './roundView.ts'
import type { VotingSession } from './votingSession.ts'
import './voting.css'

/**
 * Voting on the board's own cards. tldraw renders shapes as components it creates itself, so the session
 * reaches them through this context (provided around the editor by the board page), as the session panel does.
 */
export const CardVoteContext = createContext<VotingSession | null>(null)

/** Buttons on the canvas must take the pointer themselves and keep it from the editor (no select, no drag). */
const onCanvas = {
  onPointerDown: (event: PointerEvent) => stopEventPropagation(event),
  onPointerUp: (event: PointerEvent) => stopEventPropagation(event),
}

/**
 * The vote place of one card: while the card is in an open round, a participant's button ("We moeten dit
 * verbeteren!" on assessment questions, a dot elsewhere) with their own votes and what is left; once the
 * tallies may be seen, the card's tally as a badge. Outside a round it shows `label` as it is, or nothing.
 */
export function CardVote({
  cardId,
  label,
  text,
  compact = false,
}: {
  cardId: string
  label: string
  text: string
  compact?: boolean
}) {
  const messages = useMessages().voting
  const session = useContext(CardVoteContext)
  const round = useValue('current round', () => session?.current.get() ?? null, [session])
  const offline = useValue('voting offline', () => session?.offline.get() ?? false, [session])
  const placeholder = label !== '' && !compact ? <span className="wp-tpl-vote__label">{label}</span> : null
  if (!session || !round || !round.cardIds.includes(cardId)) return placeholder
  const tally = round.tallies?.find((t) => t.cardId === cardId)
  const own = ownVotesOn(round, cardId)
  const voting = session.role === 'participant' && round.status === 'open'
  const buttonLabel = label !== '' && !compact ? label : messages.dotVote
  return (
    <span className={compact ? 'wp-card-vote wp-card-vote--compact' : 'wp-card-vote'} data-card-vote={cardId}>
      {voting ? (
        <>
          <button
            type="button"
            className="wp-card-vote__button"
            aria-label={messages.voteOn(buttonLabel, text)}
            disabled={offline || !mayVoteOn(round, cardId)}
            title={offline ? messages.offlineHint : undefined}
            onClick={() => void session.vote(cardId)}
            {...onCanvas}
          >
            {compact ? '●' : buttonLabel}
          </button>
          {mayTakeBack(round, cardId) && !offline ? (
            <button
              type="button"
              className="wp-card-vote__undo"
              aria-label={messages.takeBackOn(text)}
              onClick={() => void session.takeBack(cardId)}
              {...onCanvas}
            >
              {compact ? '↶' : messages.takeBack}
            </button>
          ) : null}
        </>
      ) : (
        placeholder
      )}
      {own > 0 ? (
        <span className="wp-voting__dots" role="img" aria-label={messages.ownVotes(own)}>
          {'●'.repeat(own)}
        </span>
      ) : null}
      {voting && !compact ? (
        <span className="wp-card-vote__left">
          {offline
            ? messages.offlineHint
            : remainingVotes(round) > 0
              ? messages.remaining(remainingVotes(round))
              : messages.noVotesLeft}
        </span>
      ) : null}
      {tally ? <span className="wp-voting__tally">{messages.tallyBadge(tally.votes)}</span> : null}
    </span>
  )
}
