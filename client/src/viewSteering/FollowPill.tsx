import { useId } from 'react'
import { useValue, type Signal } from 'tldraw'
import { useMessages } from '../i18n/useMessages.tsx'
import type { ViewSteering } from './viewSteering.ts'
import './followPill.css'

/**
 * Over the board, only while this view has left the facilitator's (the person zoomed in or panned to read):
 * "Terug naar de facilitator" brings it back and follows again, and the hint says that the next stage change
 * does so by itself. Nothing shows while the view follows, so the board stays uncovered by default.
 */
export function FollowPill({ steering }: { steering: Signal<ViewSteering | null> }) {
  const messages = useMessages().facilitation
  const current = useValue('view steering', () => steering.get(), [steering])
  const following = useValue('following', () => current?.following.get() ?? true, [current])
  const hintId = useId()
  // The live region is always there, so a screen reader hears the pill when it appears.
  return (
    <div className="wp-follow-pill" aria-live="polite">
      {current && !following ? (
        <div className="wp-follow-pill__body">
          <button type="button" className="wp-follow-pill__button" aria-describedby={hintId} onClick={current.rejoin}>
            {messages.backToFacilitator}
          </button>
          <span id={hintId} className="wp-follow-pill__hint">
            {messages.followsAgainNextStage}
          </span>
        </div>
      ) : null}
    </div>
  )
}
