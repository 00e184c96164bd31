import { ExternalLink, Heading, Paragraphs } from '../cardText.tsx'
import type { PlayCardReference, PlayCardShape } from './playCardShape.ts'

type Props = Omit<PlayCardShape['props'], 'w' | 'h' | 'playId'>

export function PlayCard({ title, question, actionsHeading, actions, case: practice, toolkit }: Props) {
  return (
    <article className="wp-tpl-card wp-tpl-card--play">
      <h2 className="wp-tpl-title">{title}</h2>
      <p className="wp-tpl-question">{question}</p>
      <section>
        <Heading>{actionsHeading}</Heading>
        <ul className="wp-tpl-list">
          {actions.map((action) => (
            <li key={action.id} data-action-id={action.id}>
              {action.text}
              {action.attribution ? <span className="wp-tpl-attribution"> ({action.attribution})</span> : null}
            </li>
          ))}
        </ul>
      </section>
      {practice ? <Reference reference={practice} /> : null}
      {toolkit ? <Reference reference={toolkit} /> : null}
    </article>
  )
}

function Reference({ reference }: { reference: PlayCardReference }) {
  return (
    <section>
      <Heading>{reference.heading}</Heading>
      {reference.title ? <p className="wp-tpl-text wp-tpl-text--strong">{reference.title}</p> : null}
      <Paragraphs text={reference.text} className="wp-tpl-text wp-tpl-text--small" />
      {reference.links.length > 0 ? (
        <ul className="wp-tpl-links">
          {reference.links.map((url, i) => (
            <li key={i}>
              <ExternalLink url={url} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
