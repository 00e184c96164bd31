import { useId, useState } from 'react'
import { useValue } from 'tldraw'
import type { Facilitation } from './facilitation.ts'
import type { FacilitatorActions } from './facilitatorActions.ts'
import { Markdown } from './Markdown.tsx'
import { neighbourStage, restartOf, roundIndex, stageById, stagesOfRound } from './stageMoves.ts'
import { hiddenCardIds, isBackgroundShown } from './templateControls.ts'
import { TimerControls } from '../timer/TimerControls.tsx'
import { useMessages } from '../i18n/useMessages.tsx'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'

/**
 * The facilitator's panel beside the board: the stage bar (previous, next, the agenda to jump to), bringing
 * everyone along (summon, follow), the timer, private writing, a new round, and the guide of the stage.
 * Every control is a native button or field, so the panel works with the keyboard alone.
 */
export function FacilitatorPanel({
  facilitation,
  actions,
}: {
  facilitation: Facilitation
  actions: FacilitatorActions
}) {
  const messages = useMessages().facilitation
  const state = useValue('facilitation state', () => facilitation.state.get(), [facilitation])
  const templateState = useValue('template', () => facilitation.template.get(), [facilitation])
  const template = templateState.kind === 'ready' ? templateState.template : null
  const stage = template ? stageById(template, state.stageId) : null
  const round = roundIndex(state)
  const stages = template ? stagesOfRound(template, round) : []
  const restart = template ? restartOf(template) : null
  const following = state.follow !== null && state.follow.participantId === facilitation.participantId
  const [revealProblem, setRevealProblem] = useState(false)
  const [revealing, setRevealing] = useState(false)
  const [confirmingRestart, setConfirmingRestart] = useState(false)
  const guideId = useId()
  const stagesId = useId()

  return (
    <aside className="wp-facilitation" aria-label={messages.facilitatorPanel}>
      <section className="wp-facilitation__section" aria-labelledby={stagesId}>
        <h2 id={stagesId} className="wp-facilitation__heading">
          {messages.stagesHeading}
          {round > 0 ? <span className="wp-facilitation__round"> · {messages.roundLabel(round + 1)}</span> : null}
        </h2>
        {templateState.kind === 'loading' ? <p>{messages.templateLoading}</p> : null}
        {template ? (
          <>
            <div className="wp-button-row">
              <button type="button" onClick={actions.previousStage} disabled={!neighbourStage(template, state, -1)}>
                {messages.previousStage}
              </button>
              <button type="button" onClick={actions.nextStage} disabled={!neighbourStage(template, state, 1)}>
                {messages.nextStage}
              </button>
            </div>
            <ol className="wp-stage-list" aria-label={messages.jumpToStage}>
              {stages.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className="wp-stage-list__item"
                    aria-current={s.id === state.stageId ? 'step' : undefined}
                    title={s.title}
                    onClick={() => actions.goToStage(s.id)}
                  >
                    <span className="wp-stage-list__title">{s.title}</span>
                    <span className="wp-stage-list__minutes">{s.minutes} min</span>
                  </button>
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </section>

      <section className="wp-facilitation__section" aria-label={messages.summon}>
        <div className="wp-button-row">
          <button type="button" onClick={actions.summon}>
            {messages.summon}
          </button>
          <button type="button" aria-pressed={following} onClick={actions.toggleFollow}>
            {messages.followMe}
          </button>
        </div>
        {following ? <p className="wp-facilitation__note">{messages.followMeOn}</p> : null}
      </section>

      <section className="wp-facilitation__section" aria-label={messages.timerHeading}>
        <h2 className="wp-facilitation__heading">{messages.timerHeading}</h2>
        <TimerControls facilitation={facilitation} actions={actions} suggestedMinutes={stage?.minutes ?? null} />
      </section>

      <section className="wp-facilitation__section" aria-label={messages.privateWriting}>
        <div className="wp-button-row">
          <button type="button" aria-pressed={state.privateWriting.on} onClick={actions.togglePrivateWriting}>
            {messages.privateWriting}
          </button>
          <button
            type="button"
            disabled={revealing}
            onClick={() => {
              setRevealing(true)
              setRevealProblem(false)
              actions.reveal().then(
                () => setRevealing(false),
                () => {
                  setRevealing(false)
                  setRevealProblem(true)
                },
              )
            }}
          >
            {messages.reveal}
          </button>
        </div>
        <p className="wp-facilitation__note">{messages.privateWritingHint}</p>
        {revealProblem ? <p role="alert">{messages.revealFailed}</p> : null}
      </section>

      {template ? (
        <section className="wp-facilitation__section" aria-label={messages.templateHeading}>
          <h2 className="wp-facilitation__heading">{messages.templateHeading}</h2>
          {/* Toggle buttons keep one name and say their state with aria-pressed, so people and tests find them. */}
          <div className="wp-button-row">
            <button type="button" aria-pressed={state.templateLock === 'unlocked'} onClick={actions.toggleTemplateLock}>
              {messages.unlockTemplate}
            </button>
            {template.background.length > 0 ? (
              <button type="button" aria-pressed={isBackgroundShown(state)} onClick={actions.toggleBackground}>
                {messages.showBackground}
              </button>
            ) : null}
          </div>
          {state.templateLock === 'unlocked' ? (
            <p className="wp-facilitation__note">{messages.templateUnlockedNote}</p>
          ) : null}
          {hiddenCardIds(state).length > 0 ? (
            <button type="button" onClick={actions.showHiddenCards}>
              {messages.showHiddenCards(hiddenCardIds(state).length)}
            </button>
          ) : null}
        </section>
      ) : null}

      <section className="wp-facilitation__section" aria-label={messages.exportsForEveryone}>
        <label className="wp-checkbox">
          <input
            type="checkbox"
            checked={state.exportsForEveryone}
            onChange={(event) => actions.setExportsForEveryone(event.currentTarget.checked)}
          />{' '}
          {messages.exportsForEveryone}
        </label>
      </section>

      {restart ? (
        <section className="wp-facilitation__section" aria-label={restart.label}>
          <button type="button" onClick={() => setConfirmingRestart(true)}>
            {restart.label}
          </button>
          {confirmingRestart ? (
            <ConfirmDialog
              title={`${restart.label}?`}
              body={messages.newChallengeConfirm}
              confirmLabel={messages.newChallengeStart}
              cancelLabel={messages.cancel}
              onConfirm={() => {
                setConfirmingRestart(false)
                actions.newChallenge()
              }}
              onCancel={() => setConfirmingRestart(false)}
            />
          ) : null}
        </section>
      ) : null}

      {stage ? (
        <section className="wp-facilitation__section wp-guide" aria-labelledby={guideId}>
          <h2 id={guideId} className="wp-facilitation__heading">
            {messages.guideHeading}
          </h2>
          <h3 className="wp-guide__stage">{stage.title}</h3>
          <p className="wp-guide__goal">
            <strong>{messages.goalLabel}:</strong> {stage.goal}
          </p>
          <Markdown source={stage.facilitatorGuide} />
        </section>
      ) : null}
    </aside>
  )
}
