import { principlesOfStickies, proposePrinciple, type Tally, type Template } from '@werkplaats/shared'
import { useId, useState } from 'react'
import { useValue } from 'tldraw'
import { defaultQuestionSelection, playsOfQuestions, topQuestionCount } from './playbookChoices.ts'
import type { RoundView } from './roundView.ts'
import type { BoardSticky } from './voteCards.ts'
import type { VotingSession } from './votingSession.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * What the facilitator decides after a revealed round: at a challenges stage the principle (the votes
 * propose, ties shown, the facilitator chooses), at an assess stage the plays (the top questions ticked,
 * the facilitator adjusts). Other stages have nothing to decide.
 */
export function PlaybookDecision({
  session,
  template,
  round,
  stickies,
}: {
  session: VotingSession
  template: Template
  round: RoundView
  /** The board's stickies: those in a principle's column count toward it. */
  stickies: readonly BoardSticky[]
}) {
  const kind = template.agenda.find((s) => s.id === round.stageId)?.kind
  if (!round.tallies) return null
  if (kind === 'challenges')
    return (
      <PrincipleChoice
        key={round.roundId}
        session={session}
        template={template}
        round={round}
        tallies={round.tallies}
        stickies={stickies}
      />
    )
  if (kind === 'assess')
    return <PlaysChoice key={round.roundId} session={session} template={template} tallies={round.tallies} />
  return null
}

function PrincipleChoice({
  session,
  template,
  round,
  tallies,
  stickies,
}: {
  session: VotingSession
  template: Template
  round: RoundView
  tallies: readonly Tally[]
  stickies: readonly BoardSticky[]
}) {
  const messages = useMessages().voting
  const layout = useValue('template layout', () => session.layout.get(), [session])
  const proposal = proposePrinciple(
    template,
    tallies,
    principlesOfStickies(layout, round.stageId, round.pass, stickies),
  )
  const chosen = useValue('chosen principle', () => session.facilitation.get().rounds.at(-1)?.principleIds[0] ?? null, [
    session,
  ])
  const [selected, setSelected] = useState(() => chosen ?? proposal.principleIds[0] ?? template.principles[0]?.id ?? '')
  const headingId = useId()
  const titleOf = (id: string) => {
    const principle = template.principles.find((p) => p.id === id)
    return principle ? `${principle.number}. ${principle.title}` : id
  }
  return (
    <section className="wp-voting-decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{messages.proposalHeading}</h3>
      <p>{messages.proposal(proposal.principleIds.map(titleOf))}</p>
      <fieldset>
        <legend>{messages.choosePrinciple}</legend>
        {proposal.votes.map(({ principleId, votes }) => (
          <label key={principleId} className="wp-voting-dialog__check">
            <input
              type="radio"
              name={`principle-${headingId}`}
              checked={selected === principleId}
              onChange={() => setSelected(principleId)}
            />
            {titleOf(principleId)} <span className="wp-voting__tally">{messages.principleVotes(votes)}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={selected === ''} onClick={() => session.choosePrinciple(template, selected)}>
        {messages.choosePrinciple}
      </button>
      {chosen ? <p role="status">{messages.chosenPrinciple(titleOf(chosen))}</p> : null}
    </section>
  )
}

function PlaysChoice({
  session,
  template,
  tallies,
}: {
  session: VotingSession
  template: Template
  tallies: readonly Tally[]
}) {
  const messages = useMessages().voting
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(defaultQuestionSelection(template, tallies)))
  const chosenPlays = useValue('chosen plays', () => session.facilitation.get().rounds.at(-1)?.playIds.length ?? 0, [
    session,
  ])
  const headingId = useId()
  const questions = new Map(
    template.principles.flatMap((p) => p.assessmentQuestions.map((q) => [q.id, q.text] as const)),
  )
  // Most votes first (the tallies come sorted), so the plays keep the ranking's order.
  const ranked = tallies.filter((t) => questions.has(t.cardId))
  const toggle = (id: string) =>
    setTicked((before) => {
      const next = new Set(before)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <section className="wp-voting-decision" aria-labelledby={headingId}>
      <h3 id={headingId}>{messages.playsHeading}</h3>
      <p>{messages.playsHint(topQuestionCount(template))}</p>
      <fieldset>
        <legend>{messages.playsHeading}</legend>
        {ranked.map((tally) => (
          <label key={tally.cardId} className="wp-voting-dialog__check">
            <input type="checkbox" checked={ticked.has(tally.cardId)} onChange={() => toggle(tally.cardId)} />
            {questions.get(tally.cardId)} <span className="wp-voting__tally">{messages.tallyBadge(tally.votes)}</span>
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        onClick={() =>
          session.choosePlays(
            playsOfQuestions(
              template,
              ranked.map((t) => t.cardId).filter((id) => ticked.has(id)),
            ),
          )
        }
      >
        {messages.choosePlays}
      </button>
      {chosenPlays > 0 ? <p role="status">{messages.chosenPlays(chosenPlays)}</p> : null}
    </section>
  )
}
