import type { TimerState } from '@werkplaats/shared'
import { useEffect, useRef, useState } from 'react'
import { useValue } from 'tldraw'
import { beep } from './timerSignal.ts'
import { nextTickInMs, timerDisplay } from './timerDisplay.ts'
import type { TimerSource } from './timerSource.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/** One run of the timer, so the sound at zero plays once per run on each screen. */
function runKey(timer: TimerState): string | null {
  return timer.status === 'running' ? `${timer.startedAt}:${timer.remainingAtStartMs}` : null
}

/** The stage timer as everyone sees it: `m:ss` in server time, and a sound and a visible signal at zero. */
export function TimerDisplay({
  facilitation,
  hideWhenUnset = false,
}: {
  facilitation: TimerSource
  /** Participants see no "0:00" before the facilitator has set a timer. */
  hideWhenUnset?: boolean
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

  const beeped = useRef<string | null>(null)
  useEffect(() => {
    const key = runKey(timer)
    if (display.status === 'finished' && key !== null && beeped.current !== key) {
      beeped.current = key
      beep()
    }
  }, [display.status, timer])

  if (hideWhenUnset && !display.visible) return null

  const statusText = {
    idle: messages.timerIdle,
    running: messages.timerRunning,
    paused: messages.timerPaused,
    finished: messages.timerFinished,
  }[display.status]

  return (
    <div className="wp-timer" data-status={display.status} data-testid="timer">
      <span className="wp-timer__label">{messages.timerRemaining}</span>
      <span className="wp-timer__time" role="timer" aria-label={`${messages.timerRemaining}: ${display.text}`}>
        {display.text}
      </span>
      {display.status === 'finished' ? (
        <span className="wp-timer__status" role="alert">
          {messages.timerFinished}
        </span>
      ) : (
        <span className="wp-timer__status">{statusText}</span>
      )}
    </div>
  )
}
