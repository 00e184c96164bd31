import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import { nextTickInMs, timerDisplay } from './timerDisplay.ts'
import type { TimerSource } from './timerSource.ts'
import './timerBar.css'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * The stage timer as everyone sees it: `m:ss` in server time, and a visible signal at zero (the sound is the
 * board's, once per screen: `timerChime.ts`). In the top bar (`variant="bar"`) it is compact: the time, and the
 * status only when the time is up.
 */
export function TimerDisplay({
  facilitation,
  hideWhenUnset = false,
  variant = 'panel',
}: {
  facilitation: TimerSource
  /** Participants see no "0:00" before the facilitator has set a timer. */
  hideWhenUnset?: boolean
  variant?: 'panel' | 'bar'
}) {
  const messages = useMessages().facilitation
  const timer = useValue('timer', () => facilitation.state.get().timer, [facilitation])
  const offset = useValue('clock offset', () => facilitation.clock.offsetMs.get(), [facilitation])
  const [now, setNow] = useState(() => Date.now())
  const display = timerDisplay(timer, now, offset)
  const delay = nextTickInMs(display)
  useEffect(() => {
    if (delay === null) return
    const handle = setTimeout(() => setNow(Date.now()), delay)
    return () => clearTimeout(handle)
  }, [delay, now, timer])
  // A new state from the control room: look at the clock again at once.
  useEffect(() => setNow(Date.now()), [timer, offset])

  if (hideWhenUnset && !display.visible) return null

  const statusText = {
    idle: messages.timerIdle,
    running: messages.timerRunning,
    paused: messages.timerPaused,
    finished: messages.timerFinished,
  }[display.status]

  return (
    <div className={`wp-timer wp-timer--${variant}`} data-status={display.status} data-testid="timer">
      {variant === 'panel' ? <span className="wp-timer__label">{messages.timerRemaining}</span> : null}
      <span className="wp-timer__time" role="timer" aria-label={`${messages.timerRemaining}: ${display.text}`}>
        {display.text}
      </span>
      {display.status === 'finished' ? (
        <span className="wp-timer__status" role="alert">
          {messages.timerFinished}
        </span>
      ) : variant === 'panel' ? (
        <span className="wp-timer__status">{statusText}</span>
      ) : null}
    </div>
  )
}
