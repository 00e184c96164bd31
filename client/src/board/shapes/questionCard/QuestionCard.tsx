import type { QuestionCardShape } from './QuestionCardShapeUtil.tsx'

/**
 * The vote place is a labelled area, not a button: voting comes with vote rounds (through the server), and
 * a control that looks clickable but does nothing would mislead participants.
 */
export function QuestionCard({ text, voteLabel }: Pick<QuestionCardShape['props'], 'text' | 'voteLabel'>) {
  return (
    <article className="wp-tpl-card wp-tpl-card--question">
      <p className="wp-tpl-question">{text}</p>
      {voteLabel !== '' ? (
        <div className="wp-tpl-vote" data-vote-place="">
          <span className="wp-tpl-vote__label">{voteLabel}</span>
        </div>
      ) : null}
    </article>
  )
}
