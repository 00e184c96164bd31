import { afterEach, describe, expect, it, vi } from 'vitest'
import { beep } from './timerSignal.ts'

/** WebAudio as far as the beep uses it, recording the tones it schedules and whether it was closed. */
class RecordingAudio {
  static made: RecordingAudio[] = []
  currentTime = 10
  destination = {}
  closed = false
  tones: { frequency: number; start: number; stop: number }[] = []
  constructor() {
    RecordingAudio.made.push(this)
  }
  createGain() {
    return {
      connect: () => undefined,
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
    }
  }
  createOscillator() {
    const tone = { frequency: 0, start: -1, stop: -1 }
    this.tones.push(tone)
    return {
      type: '',
      frequency: {
        set value(hz: number) {
          tone.frequency = hz
        },
      },
      connect: () => undefined,
      start: (at: number) => void (tone.start = at),
      stop: (at: number) => void (tone.stop = at),
    }
  }
  close() {
    this.closed = true
    return Promise.resolve()
  }
}

describe('the beep at zero', () => {
  afterEach(() => {
    RecordingAudio.made = []
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('plays two tones, high then low, and lets the audio go once they are over', () => {
    vi.useFakeTimers()
    vi.stubGlobal('AudioContext', RecordingAudio)
    beep()
    const [audio] = RecordingAudio.made
    expect(audio?.tones).toEqual([
      { frequency: 880, start: 10, stop: 10.25 },
      { frequency: 660, start: 10.3, stop: 10.55 },
    ])
    expect(audio?.closed).toBe(false)
    vi.advanceTimersByTime(1500)
    expect(audio?.closed).toBe(true)
  })

  it('is silent, without an error, where there is no audio or sound is not allowed yet', () => {
    vi.stubGlobal('AudioContext', undefined)
    expect(() => beep()).not.toThrow()
    vi.stubGlobal(
      'AudioContext',
      class {
        constructor() {
          throw new DOMException('not allowed', 'NotAllowedError')
        }
      },
    )
    expect(() => beep()).not.toThrow()
  })
})
