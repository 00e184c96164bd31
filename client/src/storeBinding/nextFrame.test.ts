import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextFrame } from './nextFrame.ts'

/** The browser's frames, drawn when the test says so; a hidden tab is one that never draws. */
function frames() {
  let nextId = 1
  const waiting = new Map<number, FrameRequestCallback>()
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    waiting.set(nextId, callback)
    return nextId++
  })
  vi.stubGlobal('cancelAnimationFrame', (id: number) => waiting.delete(id))
  return {
    get waiting() {
      return waiting.size
    },
    draw() {
      const callbacks = [...waiting.values()]
      waiting.clear()
      for (const callback of callbacks) callback(performance.now())
    },
  }
}

describe('work done before the next frame', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('runs once, when the frame comes, and not again at the fallback', () => {
    const screen = frames()
    const apply = vi.fn()
    nextFrame(apply)
    expect(apply).not.toHaveBeenCalled()
    screen.draw()
    expect(apply).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(apply).toHaveBeenCalledTimes(1)
  })

  it('runs after the fallback in a tab that draws no frames, and the late frame does not run it again', () => {
    const screen = frames()
    const apply = vi.fn()
    nextFrame(apply, 250)
    vi.advanceTimersByTime(249)
    expect(apply).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(apply).toHaveBeenCalledTimes(1)
    expect(screen.waiting).toBe(0)
    screen.draw()
    expect(apply).toHaveBeenCalledTimes(1)
  })

  it('does nothing once cancelled, neither at the frame nor at the fallback', () => {
    const screen = frames()
    const apply = vi.fn()
    const cancel = nextFrame(apply)
    cancel()
    screen.draw()
    vi.advanceTimersByTime(1000)
    expect(apply).not.toHaveBeenCalled()
  })

  it('runs at once where there are no frames (Node, tests)', () => {
    const apply = vi.fn()
    const cancel = nextFrame(apply)
    expect(apply).toHaveBeenCalledTimes(1)
    expect(() => cancel()).not.toThrow()
  })
})
