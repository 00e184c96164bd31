import { challengeQuestionId } from '@werkplaats/shared'
import { CardVote } from '../../../voting/CardVote.tsx'
import { Heading, Paragraphs } from '../cardText.tsx'
import type { PlaybookCardShape } from './playbookCardShape.ts'

type Props = Omit<PlaybookCardShape['props'], 'w' | 'h'> & {
  /** A principle card's principle: the card and its challenge questions take dot votes when in a round. */
  principleId?: string
  /** The card's pass of the journey: a round's dots show on its own pass's cards only. */
  pass?: number
}

export function PlaybookCard({
  kind,
  kicker,
  title,
  body,
  listHeading,
  list,
  noteHeading,
  note,
  principleId,
  pass,
}: Props) {
  return (
    <article className={`wp-tpl-card wp-tpl-card--${kind}`}>
      {kicker !== '' ? <p className="wp-tpl-kicker">{kicker}</p> : null}
      {title !== '' ? <h2 className="wp-tpl-title">{title}</h2> : null}
      {principleId ? <CardVote cardId={principleId} label="" text={`${kicker}: ${title}`} compact pass={pass} /> : null}
      {body !== '' ? <Paragraphs text={body} /> : null}
      {list.length > 0 ? (
        <section>
          {listHeading !== '' ? <Heading>{listHeading}</Heading> : null}
          <ul className="wp-tpl-list">
            {list.map((item, i) => (
              <li key={i}>
                {item}
                {principleId ? (
                  <CardVote cardId={challengeQuestionId(principleId, i)} label="" text={item} compact pass={pass} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {note !== '' ? (
        <section>
          {noteHeading !== '' ? <Heading>{noteHeading}</Heading> : null}
          <Paragraphs text={note} className="wp-tpl-text wp-tpl-text--small" />
        </section>
      ) : null}
    </article>
  )
}
