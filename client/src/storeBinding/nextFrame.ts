/** Runs a batch of work before a frame is drawn; returns a function that cancels it. */
export type FrameScheduler = (apply: () => void) => () => void

/**
 * Before the next frame is drawn, or after `fallbackMs` when no frame comes (a hidden tab draws none): what
 * arrives from the network in between is applied once, not once per message, and still applied in a tab
 * nobody looks at. Without `requestAnimationFrame` (Node, tests) it runs at once.
 */
export function nextFrame(apply: () => void, fallbackMs = 250): () => void {
  if (typeof requestAnimationFrame !== 'function') {
    apply()
    return () => {}
  }
  let done = false
  const run = () => {
    if (done) return
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
    apply()
  }
  const frame = requestAnimationFrame(run)
  const timer = setTimeout(run, fallbackMs)
  return () => {
    done = true
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
