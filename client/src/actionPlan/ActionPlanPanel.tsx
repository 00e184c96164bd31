import type { ActionPlanField, ActionPlanItem, Template } from '@werkplaats/shared'
import { useState } from 'react'
import { useValue } from 'tldraw'
import { stickiesOfStage } from '../voting/boardStickies.ts'
import { selectedActionIds, templateVoteCards, type BoardSticky, type VoteCard } from '../voting/voteCards.ts'
import type { VotingSession } from '../voting/votingSession.ts'
import { planItemFrom, type ActionPlanBoard } from './actionPlanBoard.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * "Actieplan": the team's items, each with an owner, a first step and a date, edited by everyone live. New
 * items come from the chosen plays' actions, from stickies written on the improve and action-plan stages,
 * or typed in.
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
  const [adding, setAdding] = useState<'actions' | 'stickies' | null>(null)
  const round = facilitation.rounds.at(-1) ?? { principleIds: [], playIds: [] }
  const inPlan = (kind: 'action' | 'sticky', id: string) => plan.has({ kind, id })
  const actionTexts = template ? templateVoteCards(template) : new Map<string, VoteCard>()
  const actions = template ? selectedActionIds(template, round).filter((id) => !inPlan('action', id)) : []
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
          <PlanItem key={item.id} item={item} index={index} plan={plan} readOnly={readOnly} />
        ))}
      </ol>
      {readOnly ? null : (
        <div className="wp-voting__controls">
          <button type="button" onClick={() => plan.add(planItemFrom({ text: '', source: null }))}>
            {messages.addAction}
          </button>
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

function PlanItem({
  item,
  index,
  plan,
  readOnly,
}: {
  item: ActionPlanItem
  index: number
  plan: ActionPlanBoard
  readOnly: boolean
}) {
  const messages = useMessages().voting
  const field = (name: ActionPlanField, label: string, type: 'text' | 'date' = 'text') => (
    <label className="wp-plan__field">
      {label}
      <input
        type={type}
        value={item[name]}
        readOnly={readOnly}
        maxLength={name === 'owner' ? 200 : 2000}
        onChange={(event) => {
          try {
            plan.update(item.id, name, event.target.value)
          } catch {
            // A half-typed date does not fit the plan's format yet; the field keeps the last good value.
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
        {field('owner', messages.owner)}
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
