import { actionMarks, emptyMarkCounts, type Action, type ActionMark, type Template } from '@werkplaats/shared'
import { useId } from 'react'
import { useValue } from 'tldraw'
import type { VotingSession } from './votingSession.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * "Heb je dit al geprobeerd?" for every action of the chosen plays: each participant's own answer (one,
 * changeable, cleared with "Wissen") and the team's counts, which everyone sees live.
 */
export function ActionMarksPanel({
  session,
  template,
  playIds,
}: {
  session: VotingSession
  template: Template
  playIds: readonly string[]
}) {
  const messages = useMessages().voting
  const plays = template.principles.flatMap((p) => p.plays).filter((play) => playIds.includes(play.id))
  if (plays.length === 0) return <p>{messages.noPlays}</p>
  return (
    <div className="wp-marks">
      {plays.map((play) => (
        <section key={play.id} aria-label={play.title}>
          <h3 className="wp-marks__play">{play.title}</h3>
          <ul>
            {play.actions.map((action) => (
              <ActionMarkRow key={action.id} action={action} session={session} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

function ActionMarkRow({ action, session }: { action: Action; session: VotingSession }) {
  const messages = useMessages().voting
  const counts = useValue('mark counts', () => session.markCounts.get().get(action.id) ?? emptyMarkCounts(), [
    session,
    action.id,
  ])
  const own = useValue('own mark', () => session.ownMarks.get()[action.id] ?? null, [session, action.id])
  const name = useId()
  const offline = useValue('voting offline', () => session.offline.get(), [session])
  const canMark = session.role === 'participant' && !offline
  const choose = (mark: ActionMark | null) => void session.mark(action.id, mark)
  return (
    <li className="wp-marks__action" data-action-id={action.id}>
      <p className="wp-voting__text">{action.text}</p>
      {/* The legend shows the question; the group's name carries the action, which a list of them needs. */}
      <fieldset aria-label={`${messages.marksQuestion} ${action.text}`}>
        <legend>{messages.marksQuestion}</legend>
        {offline && session.role === 'participant' ? (
          <p className="wp-voting__problem">{messages.problems.offline}</p>
        ) : null}
        {actionMarks.map((mark) => (
          <label key={mark} className="wp-voting-dialog__check">
            <input type="radio" name={name} checked={own === mark} disabled={!canMark} onChange={() => choose(mark)} />
            {messages.markLabels[mark]}
          </label>
        ))}
        {canMark && own !== null ? (
          <button type="button" onClick={() => choose(null)}>
            {messages.clearMark}
          </button>
        ) : null}
      </fieldset>
      <p className="wp-marks__counts" aria-live="polite">
        {actionMarks.map((mark) => messages.markCount(messages.markLabels[mark], counts[mark])).join(' · ')}
      </p>
    </li>
  )
}
