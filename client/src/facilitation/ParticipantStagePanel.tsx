import { useValue } from 'tldraw'
import type { Facilitation } from './facilitation.ts'
import { Markdown } from './Markdown.tsx'
import { roundIndex, shownStage } from './stageMoves.ts'
import type { ViewSteering } from '../viewSteering/viewSteering.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * What a participant (or observer) sees beside the board: the current stage with what to do there (the timer is
 * in the top bar), whether their view follows the facilitator (with a way out and back), and private writing.
 */
export function ParticipantStagePanel({
  facilitation,
  steering,
}: {
  facilitation: Facilitation
  steering: ViewSteering | null
}) {
  const messages = useMessages().facilitation
  const state = useValue('facilitation state', () => facilitation.state.get(), [facilitation])
  const templateState = useValue('template', () => facilitation.template.get(), [facilitation])
  const following = useValue('following', () => steering?.following.get() ?? false, [steering])
  const stage = templateState.kind === 'ready' ? shownStage(templateState.template, state) : null
  const round = roundIndex(state)
  const observer = facilitation.role === 'observer'

  return (
    <aside className="wp-facilitation wp-facilitation--participant" aria-label={messages.stagePanel}>
      <section className="wp-facilitation__section" aria-label={messages.currentStage}>
        {stage ? (
          <>
            <p className="wp-facilitation__eyebrow">
              {messages.currentStage}
              {round > 0 ? ` · ${messages.roundLabel(round + 1)}` : ''}
            </p>
            <h2 className="wp-facilitation__stage-title">{stage.title}</h2>
          </>
        ) : (
          <p>{messages.noStageYet}</p>
        )}
      </section>

      {steering ? (
        <section className="wp-facilitation__section wp-follow" aria-live="polite">
          {following ? (
            <>
              <p className="wp-follow__state" data-following="true">
                {messages.following}
              </p>
              <button type="button" onClick={steering.stepOut}>
                {messages.stepOut}
              </button>
            </>
          ) : (
            <>
              <p className="wp-follow__state" data-following="false">
                {messages.notFollowing} {messages.followsAgainNextStage}
              </p>
              <button type="button" onClick={steering.rejoin}>
                {messages.rejoin}
              </button>
            </>
          )}
        </section>
      ) : null}

      {state.privateWriting.on && !observer ? (
        <p className="wp-facilitation__section wp-private-note" role="status">
          {messages.privateWritingOn}
        </p>
      ) : null}

      {stage ? (
        <section className="wp-facilitation__section" aria-label={messages.instructionHeading}>
          <h2 className="wp-facilitation__heading">{messages.instructionHeading}</h2>
          <Markdown source={stage.participantInstruction} />
        </section>
      ) : null}

      {observer ? <p className="wp-facilitation__note">{messages.readOnlyPanel}</p> : null}
    </aside>
  )
}
