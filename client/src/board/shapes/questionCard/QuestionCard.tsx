import { CardVote } from '../../../voting/CardVote.tsx'
import type { QuestionCardShape } from './questionCardShape.ts'

/**
 * The vote place is the card's own: while the question is in an open vote round, a participant votes
 * "We moeten dit verbeteren!" right here; after reveal it carries the tally. Outside a round it is only a
 * labelled area: a control that looks clickable but does nothing would mislead participants.
 */
export function QuestionCard({
  questionId = '',
  text,
  voteLabel,
  pass,
}: Pick<QuestionCardShape['props'], 'text' | 'voteLabel'> & { questionId?: string; pass?: number }) {
  return (
    <article className="wp-tpl-card wp-tpl-card--question">
      <p className="wp-tpl-question">{text}</p>
      {voteLabel !== '' ? (
        <div className="wp-tpl-vote" data-vote-place="">
          <CardVote cardId={questionId} label={voteLabel} text={text} pass={pass} />
        </div>
      ) : null}
    </article>
  )
}
