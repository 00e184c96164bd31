import { Heading, Paragraphs } from '../cardText.tsx'
import type { PlaybookCardShape } from './PlaybookCardShapeUtil.tsx'

type Props = Omit<PlaybookCardShape['props'], 'w' | 'h'>

export function PlaybookCard({ kind, kicker, title, body, listHeading, list, noteHeading, note }: Props) {
  return (
    <article className={`wp-tpl-card wp-tpl-card--${kind}`}>
      {kicker !== '' ? <p className="wp-tpl-kicker">{kicker}</p> : null}
      {title !== '' ? <h2 className="wp-tpl-title">{title}</h2> : null}
      {body !== '' ? <Paragraphs text={body} /> : null}
      {list.length > 0 ? (
        <section>
          {listHeading !== '' ? <Heading>{listHeading}</Heading> : null}
          <ul className="wp-tpl-list">
            {list.map((item, i) => (
              <li key={i}>{item}</li>
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
