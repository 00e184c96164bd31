/**
 * The sound at zero: a short two-tone beep made with WebAudio, so no file is fetched from anywhere. A browser
 * that has not yet been interacted with may refuse sound (autoplay rules); the visible signal still shows.
 */
export function beep(): void {
  const AudioContextClass = globalThis.AudioContext
  if (!AudioContextClass) return
  try {
    const context = new AudioContextClass()
    const gain = context.createGain()
    gain.connect(context.destination)
    gain.gain.setValueAtTime(0.0001, context.currentTime)
    gain.gain.exponentialRampToValueAtTime(0.3, context.currentTime + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.9)
    for (const [frequency, at] of [
      [880, 0],
      [660, 0.3],
    ] as const) {
      const oscillator = context.createOscillator()
      oscillator.type = 'sine'
      oscillator.frequency.value = frequency
      oscillator.connect(gain)
      oscillator.start(context.currentTime + at)
      oscillator.stop(context.currentTime + at + 0.25)
    }
    setTimeout(() => void context.close().catch(() => {}), 1500)
  } catch {
    // No audio device, or sound not allowed yet: the signal on screen is enough.
  }
}
