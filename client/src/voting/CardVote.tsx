import { createContext, useContext, type PointerEvent } from 'react'
import { stopEventPropagation, useValue } from 'tldraw'
import { useMessages } from '../i18n/useMessages.tsx'
import { mayTakeBack, mayVoteOn, ownVotesOn } from './roundView.ts'
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
 * The vote place of one card. While the card is in an open round of its own pass, a participant's button
 * ("We moeten dit verbeteren!" on assessment questions, a dot elsewhere) and, once they voted, a "Gestemd"
 * state with their dots and "Terugnemen" (one line: the votes left are in the vote list, and a second line would
 * not fit the card); once the tallies may be seen, the card's tally when it has votes, marked when it is among
 * the winners. Outside a round a labelled place shows as inactive with a hint, so it does not pass for a
 * button that does nothing; a dot shows nothing. `pass` is the card's pass of the journey (stickies have
 * their own ids and need none): a later pass repeats the template's cards, and an earlier round is not theirs.
 */
export function CardVote({
  cardId,
  label,
  text,
  compact = false,
  pass,
}: {
  cardId: string
  label: string
  text: string
  compact?: boolean
  pass?: number
}) {
  const messages = useMessages().voting
  const session = useContext(CardVoteContext)
  const round = useValue('current round', () => session?.current.get() ?? null, [session])
  const offline = useValue('voting offline', () => session?.offline.get() ?? false, [session])
  const winner = useValue('winning card', () => session?.winners.get().has(cardId) ?? false, [session, cardId])
  const labelled = label !== '' && !compact
  const inRound = session && round && round.cardIds.includes(cardId) && (pass === undefined || pass === round.pass)
  if (!session || !round || !inRound) {
    return labelled ? (
      <span className="wp-card-vote wp-card-vote--inactive" data-card-vote-state="inactive">
        <span className="wp-card-vote__label">{label}</span>
        <span className="wp-card-vote__hint">{messages.notOpen}</span>
      </span>
    ) : null
  }
  const tally = round.tallies?.find((t) => t.cardId === cardId)
  const own = ownVotesOn(round, cardId)
  const voting = session.role === 'participant' && round.status === 'open'
  const mayVote = voting && mayVoteOn(round, cardId)
  const buttonLabel = labelled ? label : messages.dotVote
  const classes = ['wp-card-vote', compact ? 'wp-card-vote--compact' : '', own > 0 ? 'wp-card-vote--voted' : '']
  const state = voting ? (own > 0 ? 'voted' : 'open') : round.status
  return (
    <span className={classes.filter(Boolean).join(' ')} data-card-vote={cardId} data-card-vote-state={state}>
      {voting && (own === 0 || mayVote) ? (
        <button
          type="button"
          className="wp-card-vote__button"
          aria-label={messages.voteOn(buttonLabel, text)}
          disabled={offline || !mayVote}
          title={offline ? messages.offlineHint : undefined}
          onClick={() => void session.vote(cardId)}
          {...onCanvas}
        >
          {compact ? <span aria-hidden="true">●</span> : buttonLabel}
        </button>
      ) : null}
      {!voting && labelled ? <span className="wp-card-vote__label">{label}</span> : null}
      {own > 0 ? (
        <span className="wp-card-vote__own" role="img" aria-label={messages.ownVotes(own)}>
          {compact ? null : <span aria-hidden="true">✓ {messages.voted} </span>}
          <span aria-hidden="true" className="wp-voting__dots">
            {'●'.repeat(own)}
          </span>
        </span>
      ) : null}
      {voting && mayTakeBack(round, cardId) && !offline ? (
        <button
          type="button"
          className="wp-card-vote__undo"
          aria-label={messages.takeBackOn(text)}
          title={messages.takeBack}
          onClick={() => void session.takeBack(cardId)}
          {...onCanvas}
        >
          {compact ? <span aria-hidden="true">↶</span> : messages.takeBack}
        </button>
      ) : null}
      {tally && tally.votes > 0 ? (
        <span
          className={winner ? 'wp-voting__tally wp-voting__tally--winner' : 'wp-voting__tally'}
          data-card-tally={cardId}
          title={winner ? messages.winner : undefined}
        >
          {messages.tallyBadge(tally.votes)}
        </span>
      ) : null}
    </span>
  )
}
