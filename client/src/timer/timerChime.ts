import { isFinished, remainingAt, type TimerState } from '@werkplaats/shared'
import { react } from 'tldraw'
import type { TimerSource } from './timerSource.ts'

/**
 * The soft chime when the stage timer reaches zero, once per run on each screen (the projector's too: it is the
 * room's speaker). Only a zero this screen lives through chimes: a page opened after the time ran out stays
 * quiet, as does a run that a stage change or "Stop" replaced before its end.
 */

/** One run of the timer: a start, a resume or "+1 min" makes a new one. */
export function runKey(timer: TimerState): string | null {
  return timer.status === 'running' ? `${timer.startedAt}:${timer.remainingAtStartMs}` : null
}

/** How long until a running timer reaches zero, in ms; null when it is not running or has already finished. */
export function msUntilZero(timer: TimerState, serverNow: number): number | null {
  if (timer.status !== 'running') return null
  const left = remainingAt(timer, serverNow)
  return left > 0 ? left : null
}

/**
 * Watches the timer and plays `play` at each zero. A timeout is set for the moment the run ends (in server time,
 * through this screen's clock offset) and set anew whenever the timer or the offset changes.
 * @example
 * const stop = watchTimerChime(facilitation)
 * // …when the board closes:
 * stop()
 */
export function watchTimerChime(source: TimerSource, play: () => void = chime): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null
  let chimed: string | null = null
  const clear = () => {
    if (pending !== null) clearTimeout(pending)
    pending = null
  }
  const stopReacting = react('timer chime', () => {
    const timer = source.state.get().timer
    const offset = source.clock.offsetMs.get()
    clear()
    const wait = msUntilZero(timer, Date.now() + offset)
    if (wait === null) return
    const key = runKey(timer)
    // A few ms late, so the screen's reading of the clock is past zero when it fires.
    pending = setTimeout(() => {
      pending = null
      if (key === chimed || !isFinished(timer, Date.now() + offset)) return
      chimed = key
      play()
    }, wait + 5)
  })
  return () => {
    clear()
    stopReacting()
  }
}

/**
 * A short, quiet bell made with Web Audio (no file is fetched): one sine tone that fades out within a second and a
 * half. A browser that has had no click or key press on the page yet keeps the sound off (autoplay rules); then
 * nothing plays and nothing complains, and the red "De tijd is om!" on screen is the signal.
 */
export function chime(): void {
  const AudioContextClass = globalThis.AudioContext
  if (!AudioContextClass) return
  try {
    // Before any click or key press on the page the context starts suspended: its clock stands still, the tone
    // never plays, and it is closed like any other. It is never resumed, so no chime comes late.
    const context = new AudioContextClass()
    const now = context.currentTime
    const gain = context.createGain()
    gain.connect(context.destination)
    gain.gain.setValueAtTime(0.0001, now)
    gain.gain.exponentialRampToValueAtTime(0.12, now + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, now + 1.4)
    const tone = context.createOscillator()
    tone.type = 'sine'
    tone.frequency.value = 784
    tone.connect(gain)
    tone.start(now)
    tone.stop(now + 1.5)
    setTimeout(() => void context.close().catch(() => {}), 2000)
  } catch {
    // No audio device, or sound not allowed: the signal on screen is enough.
  }
}
