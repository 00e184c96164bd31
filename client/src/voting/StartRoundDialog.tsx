import { roundDefaults, type Stage, type Template } from '@werkplaats/shared'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useValue } from 'tldraw'
import { stickiesOfStage } from './boardStickies.ts'
import { stageVoteCards, type BoardSticky } from './voteCards.ts'
import type { VotingSession } from './votingSession.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * "Stemronde starten": the facilitator's settings for a new round on a stage's cards. The stage is the
 * current one; the cards are what the stage offers (all ticked), which the facilitator may narrow down.
 * A native modal dialog: focus stays inside, Escape cancels.
 */
export function StartRoundDialog({
  session,
  template,
  stickies,
  initialStageId,
  onClose,
}: {
  session: VotingSession
  template: Template
  stickies: readonly BoardSticky[]
  initialStageId: string | null
  onClose: () => void
}) {
  const messages = useMessages().voting
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const facilitation = useValue('facilitation', () => session.facilitation.get(), [session])
  const layout = useValue('template layout', () => session.layout.get(), [session])
  const [stageId, setStageId] = useState(() => defaultStage(template, initialStageId).id)
  const stage = template.agenda.find((s) => s.id === stageId) ?? defaultStage(template, initialStageId)
  const [title, setTitle] = useState('')
  const round = facilitation.rounds.at(-1) ?? { principleIds: [], playIds: [] }
  const cards = stageVoteCards(template, stage, round, stickiesOfStage(stickies, layout, facilitation.rounds, stage.id))
  // The stage's guide decides how a round starts ("one vote per question", "several dots on one sticky").
  const [votes, setVotes] = useState(() => roundDefaults(stage, cards.length).votesPerParticipant)
  const [perCard, setPerCard] = useState(() => roundDefaults(stage, cards.length).maxVotesPerCard)
  const [anonymous, setAnonymous] = useState(true)
  const [live, setLive] = useState(() => stage.kind === 'assess' && !stage.hiddenUntilRevealed)
  /** Cards left out; everything the stage offers is in by default, whichever stage is picked. */
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const busy = useValue('vote busy', () => session.busy.get() > 0, [session])

  const chosen = cards.filter((c) => !excluded.has(c.cardId))

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (chosen.length === 0) return
    const started = await session.startRound({
      stageId: stage.id,
      title: title.trim() === '' ? undefined : title.trim(),
      cardIds: chosen.map((c) => c.cardId),
      votesPerParticipant: votes,
      maxVotesPerCard: Math.min(perCard, votes),
      anonymous,
      results: live ? 'live' : 'on-reveal',
    })
    if (started) onClose()
  }

  const toggle = (cardId: string) =>
    setExcluded((before) => {
      const next = new Set(before)
      if (!next.delete(cardId)) next.add(cardId)
      return next
    })

  return (
    <dialog ref={dialog} className="wp-voting-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={titleId}>{messages.dialogTitle}</h2>
        <label>
          {messages.stageLabel}
          <select
            value={stage.id}
            onChange={(event) => {
              const next = template.agenda.find((s) => s.id === event.target.value)
              if (!next) return
              setStageId(next.id)
              const nextCards = stageVoteCards(
                template,
                next,
                round,
                stickiesOfStage(stickies, layout, facilitation.rounds, next.id),
              )
              const nextDefaults = roundDefaults(next, nextCards.length)
              setVotes(nextDefaults.votesPerParticipant)
              setPerCard(nextDefaults.maxVotesPerCard)
              setLive(next.kind === 'assess' && !next.hiddenUntilRevealed)
            }}
          >
            {template.agenda.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {messages.titleLabel}
          <input type="text" value={title} maxLength={120} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          {messages.votesPerParticipant}
          <input
            type="number"
            min={1}
            max={99}
            required
            value={votes}
            onChange={(event) => setVotes(clampVotes(event.target.valueAsNumber))}
          />
        </label>
        <label>
          {messages.maxPerCard}
          <input
            type="number"
            min={1}
            max={99}
            required
            value={perCard}
            onChange={(event) => setPerCard(clampVotes(event.target.valueAsNumber))}
          />
        </label>
        <label className="wp-voting-dialog__check">
          <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
          {messages.anonymous}
        </label>
        <fieldset>
          <legend>{messages.resultsLabel}</legend>
          <label className="wp-voting-dialog__check">
            <input type="radio" name="results" checked={!live} onChange={() => setLive(false)} />
            {messages.resultsOnReveal}
          </label>
          <label className="wp-voting-dialog__check">
            <input type="radio" name="results" checked={live} onChange={() => setLive(true)} />
            {messages.resultsLive}
          </label>
        </fieldset>
        <fieldset className="wp-voting-dialog__cards">
          <legend>{messages.cardsLabel(chosen.length)}</legend>
          {cards.length === 0 ? <p>{messages.noCards}</p> : null}
          {cards.map((card) => (
            <label key={card.cardId} className="wp-voting-dialog__check">
              <input type="checkbox" checked={!excluded.has(card.cardId)} onChange={() => toggle(card.cardId)} />
              {card.text}
            </label>
          ))}
        </fieldset>
        <div className="wp-voting-dialog__actions">
          <button type="button" onClick={onClose}>
            {messages.cancel}
          </button>
          <button type="submit" disabled={chosen.length === 0 || busy}>
            {messages.start}
          </button>
        </div>
      </form>
    </dialog>
  )
}

/** The current stage, or the first one where the team chooses (a facilitator without a stage bar yet), or the first. */
function defaultStage(template: Template, stageId: string | null): Stage {
  const agenda = template.agenda
  return agenda.find((s) => s.id === stageId) ?? agenda.find((s) => s.kind === 'challenges') ?? (agenda[0] as Stage)
}

/** A challenges stage says how many dots each participant gets; elsewhere three, as in most dot votes. */
function clampVotes(value: number): number {
  return Number.isFinite(value) ? Math.min(99, Math.max(1, Math.round(value))) : 1
}
