import { useId, useState } from 'react'
import { useValue } from 'tldraw'
import type { TimerActions, TimerSource } from './timerSource.ts'
import { useMessages } from '../i18n/useMessages.tsx'

/**
 * The facilitator's timer buttons: set minutes, "Start", "Pauze", "+1 min", "Stop", and "Timer automatisch starten"
 * (whether a stage change starts the stage's minutes or only sets them).
 */
export function TimerControls({
  facilitation,
  actions,
  suggestedMinutes,
}: {
  facilitation: TimerSource
  actions: TimerActions
  suggestedMinutes: number | null
}) {
  const messages = useMessages().facilitation
  const timer = useValue('timer', () => facilitation.state.get().timer, [facilitation])
  const autoStart = useValue('timer auto start', () => facilitation.state.get().timerAutoStart, [facilitation])
  const [minutes, setMinutes] = useState<string>('')
  const inputId = useId()
  // Until the facilitator types, the field shows the timer's own minutes, or the stage's suggested duration.
  const shown =
    minutes !== ''
      ? minutes
      : String(timer.durationMs > 0 ? Math.ceil(timer.durationMs / 60_000) : (suggestedMinutes ?? 5))
  const parsed = Number.parseInt(shown, 10)
  const valid = Number.isFinite(parsed) && parsed >= 1 && parsed <= 240
  const running = timer.status === 'running'
  return (
    <div className="wp-timer-controls">
      <form
        className="wp-timer-controls__set"
        onSubmit={(event) => {
          event.preventDefault()
          if (valid) actions.setTimerMinutes(parsed)
        }}
      >
        <label htmlFor={inputId}>{messages.timerMinutes}</label>
        <input
          id={inputId}
          type="number"
          min={1}
          max={240}
          inputMode="numeric"
          value={shown}
          onChange={(event) => setMinutes(event.target.value)}
        />
        <button type="submit" disabled={!valid}>
          {messages.timerSet}
        </button>
      </form>
      <div className="wp-button-row">
        {running ? (
          <button type="button" onClick={actions.pauseTimer}>
            {messages.timerPause}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              // "Start" from idle starts what the field says; from a pause it goes on with what was left.
              if (timer.status === 'idle' && valid) actions.setTimerMinutes(parsed)
              actions.startTimer()
            }}
          >
            {messages.timerStart}
          </button>
        )}
        <button type="button" onClick={actions.addTimerMinute}>
          {messages.timerAddMinute}
        </button>
        <button type="button" onClick={actions.stopTimer}>
          {messages.timerStop}
        </button>
      </div>
      <label className="wp-timer-controls__auto">
        <input
          type="checkbox"
          checked={autoStart}
          onChange={(event) => actions.setTimerAutoStart(event.target.checked)}
        />
        {messages.timerAutoStart}
      </label>
      <p className="wp-facilitation__note">{messages.timerPerStage}</p>
    </div>
  )
}
