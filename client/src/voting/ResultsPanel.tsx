import type { Template } from '@werkplaats/shared'
import { useValue } from 'tldraw'
import { resultRows } from './roundView.ts'
import { cardsOfRound, type BoardSticky } from './voteCards.ts'
import type { VotingSession } from './votingSession.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/** "Resultaten": the current round's cards, most votes first, with their votes and share of the voters. */
export function ResultsPanel({
  session,
  template,
  stickies,
}: {
  session: VotingSession
  template: Template | null
  stickies: readonly BoardSticky[]
}) {
  const messages = useMessages().voting
  const round = useValue('current round', () => session.current.get(), [session])
  const rows = round ? resultRows(round) : null
  if (!round || !rows) return null
  const texts = new Map(
    cardsOfRound(round.cardIds, template, stickies, messages.missingCard).map((c) => [c.cardId, c.text]),
  )
  return (
    <ol className="wp-voting-results">
      {rows.map((row) => (
        <li key={row.cardId} data-card-id={row.cardId}>
          <span className="wp-voting__text">{texts.get(row.cardId) ?? row.cardId}</span>
          <span className="wp-voting-results__count">{messages.resultVotes(row.votes, row.share)}</span>
          <span
            className="wp-voting-results__bar"
            aria-hidden="true"
            style={{ inlineSize: `${Math.round(row.share * 100)}%` }}
          />
        </li>
      ))}
    </ol>
  )
}
