import { emptyMarkCounts, type ActionPlanField, type ActionPlanItem, type Template } from '@werkplaats/shared'
import { useId, useState } from 'react'
import { useValue } from 'tldraw'
import { stickiesOfStage } from '../voting/boardStickies.ts'
import { selectedActionIds, templateVoteCards, type BoardSticky, type VoteCard } from '../voting/voteCards.ts'
import type { VotingSession } from '../voting/votingSession.ts'
import { planItemFrom, type ActionPlanBoard } from './actionPlanBoard.ts'
import { useMessages } from '../i18n/useMessages.tsx'
import { ownerChoices } from './ownerChoices.ts'

/**
 * "Actieplan": the team's items, each with an owner (one of the session's people), a first step and a date, edited
 * by everyone live and drawn as a table in the Actieplan frame. New items come from the chosen plays' actions (with
 * how many want to try each), from stickies written on the improve and action-plan stages, or typed in; never empty.
 */
export function ActionPlanPanel({
  plan,
  template,
  session,
  stickies,
  readOnly,
}: {
  plan: ActionPlanBoard
  template: Template | null
  session: VotingSession
  stickies: readonly BoardSticky[]
  readOnly: boolean
}) {
  const messages = useMessages().voting
  const items = useValue('action plan', () => plan.items.get(), [plan])
  const facilitation = useValue('facilitation', () => session.facilitation.get(), [session])
  const layout = useValue('template layout', () => session.layout.get(), [session])
  const markCounts = useValue('mark counts', () => session.markCounts.get(), [session])
  const people = useValue('people', () => session.people.get(), [session])
  const [adding, setAdding] = useState<'actions' | 'stickies' | null>(null)
  const round = facilitation.rounds.at(-1) ?? { principleIds: [], playIds: [] }
  const inPlan = (kind: 'action' | 'sticky', id: string) => plan.has({ kind, id })
  const actionTexts = template ? templateVoteCards(template) : new Map<string, VoteCard>()
  const wantToTry = (id: string) => (markCounts.get(id) ?? emptyMarkCounts())['willen-we-proberen']
  // The actions most of the team wants to try come first: those are the plan's likely items.
  const actions = template
    ? selectedActionIds(template, round)
        .filter((id) => !inPlan('action', id))
        .sort((a, b) => wantToTry(b) - wantToTry(a))
    : []
  const planStickies = (
    template
      ? template.agenda
          .filter((s) => s.kind === 'improve' || s.kind === 'action-plan')
          .flatMap((s) => stickiesOfStage(stickies, layout, facilitation.rounds, s.id))
      : stickies
  ).filter((s) => s.text.trim() !== '' && !inPlan('sticky', s.id))

  return (
    <div className="wp-plan">
      {items.length === 0 ? <p>{messages.planEmpty}</p> : null}
      <ol className="wp-plan__items">
        {items.map((item, index) => (
          <PlanItem
            key={item.id}
            item={item}
            index={index}
            plan={plan}
            owners={ownerChoices(people, item.owner)}
            readOnly={readOnly}
          />
        ))}
      </ol>
      {readOnly ? null : (
        <div className="wp-voting__controls">
          <NewItemForm onAdd={(text) => plan.add(planItemFrom({ text, source: null }))} />
          <button
            type="button"
            aria-expanded={adding === 'actions'}
            onClick={() => setAdding(adding === 'actions' ? null : 'actions')}
          >
            {messages.addFromActions}
          </button>
          <button
            type="button"
            aria-expanded={adding === 'stickies'}
            onClick={() => setAdding(adding === 'stickies' ? null : 'stickies')}
          >
            {messages.addFromStickies}
          </button>
        </div>
      )}
      {!readOnly && adding === 'actions' ? (
        <ul className="wp-plan__candidates">
          {actions.length === 0 ? <li>{messages.noPlays}</li> : null}
          {actions.map((id) => {
            const text = actionTexts.get(id)?.text ?? id
            return (
              <li key={id}>
                <span className="wp-voting__text">{text}</span>
                <span className="wp-plan__count">
                  {messages.markCount(messages.markLabels['willen-we-proberen'], wantToTry(id))}
                </span>
                <button
                  type="button"
                  aria-label={messages.addThis(text)}
                  onClick={() => plan.add(planItemFrom({ text, source: { kind: 'action', id } }))}
                >
                  {messages.addVisible}
                </button>
              </li>
            )
          })}
        </ul>
      ) : null}
      {!readOnly && adding === 'stickies' ? (
        <ul className="wp-plan__candidates">
          {planStickies.map((sticky) => (
            <li key={sticky.id}>
              <span className="wp-voting__text">{sticky.text}</span>
              <button
                type="button"
                aria-label={messages.addThis(sticky.text)}
                onClick={() => plan.add(planItemFrom({ text: sticky.text, source: { kind: 'sticky', id: sticky.id } }))}
              >
                {messages.addVisible}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** "Nieuwe actie" and "Toevoegen", which stays disabled until there is something to add. */
function NewItemForm({ onAdd }: { onAdd: (text: string) => void }) {
  const messages = useMessages().voting
  const [text, setText] = useState('')
  const empty = text.trim() === ''
  return (
    <form
      className="wp-plan__new"
      onSubmit={(event) => {
        event.preventDefault()
        if (empty) return
        onAdd(text.trim())
        setText('')
      }}
    >
      <label className="wp-plan__field">
        {messages.newItemText}
        <input type="text" value={text} maxLength={2000} onChange={(event) => setText(event.target.value)} />
      </label>
      <button type="submit" disabled={empty}>
        {messages.addVisible}
      </button>
    </form>
  )
}

function PlanItem({
  item,
  index,
  plan,
  owners,
  readOnly,
}: {
  item: ActionPlanItem
  index: number
  plan: ActionPlanBoard
  /** The names the owner is chosen from (`ownerChoices`). */
  owners: readonly string[]
  readOnly: boolean
}) {
  const ownerId = useId()
  const messages = useMessages().voting
  const field = (name: Exclude<ActionPlanField, 'owner'>, label: string, type: 'text' | 'date' = 'text') => (
    <label className="wp-plan__field">
      {label}
      <input
        type={type}
        value={item[name]}
        readOnly={readOnly}
        maxLength={2000}
        onChange={(event) => {
          try {
            plan.update(item.id, name, event.target.value)
          } catch {
            // A half-typed date does not fit the plan's format yet, and an action is never emptied: the field
            // keeps the last good value.
          }
        }}
      />
    </label>
  )
  return (
    <li className="wp-plan__item" data-plan-item={item.id}>
      <fieldset>
        <legend>{`${messages.planText} ${index + 1}`}</legend>
        {field('text', messages.planText)}
        <label className="wp-plan__field" htmlFor={ownerId}>
          {messages.owner}
        </label>
        <select
          id={ownerId}
          className="wp-plan__owner"
          value={item.owner}
          disabled={readOnly}
          onChange={(event) => plan.update(item.id, 'owner', event.target.value)}
        >
          <option value="">{messages.nobody}</option>
          {owners.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        {field('firstStep', messages.firstStep)}
        {field('date', messages.date, 'date')}
        {readOnly ? null : (
          <button type="button" aria-label={messages.removeItem(item.text)} onClick={() => plan.remove(item.id)}>
            {messages.removeVisible}
          </button>
        )}
      </fieldset>
    </li>
  )
}
