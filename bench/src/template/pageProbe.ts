/**
 * What the template benchmark runs inside the page. Everything here is serialised by playwright and executed in
 * the browser, so each function is self-contained (no imports, no closures over Node values).
 *
 * Times are `performance.now()` of the page, i.e. milliseconds since the navigation started, which is the
 * clock the target ("laid out and interactive in < 2 s") is about.
 */

export interface ProbeOptions {
  /** CSS selector matching every shape of the template layer. */
  templateSelector: string
  /** How many template shapes the layout makes for this session's state. */
  expected: number
}

export interface ProbeState {
  /** When tldraw's canvas element first existed. */
  canvasAt: number | null
  /** When every template shape was in the DOM (checked once per frame, before that frame's paint). */
  laidOutAt: number | null
  templateShapes: number
  /** When the first pointerdown reached the canvas, and when the note it made was in the DOM. */
  firstPointerAt: number | null
  noteAt: number | null
  /** Frame times (rAF timestamps) while recording. */
  frames: number[]
  recording: boolean
  longTasks: Array<{ start: number; duration: number }>
  /** Sticky versions seen in the DOM: "participant:version" → epoch ms (performance.timeOrigin + now). */
  seen: Record<string, number>
}

export interface ProbeWindow {
  __templateBench: ProbeState
}

/** Installed before the page's own scripts (`page.addInitScript`). */
export function installProbe(options: ProbeOptions): void {
  const state: ProbeState = {
    canvasAt: null,
    laidOutAt: null,
    templateShapes: 0,
    firstPointerAt: null,
    noteAt: null,
    frames: [],
    recording: false,
    longTasks: [],
    seen: {},
  }
  ;(window as unknown as ProbeWindow).__templateBench = state
  // Capture phase on window: sees the pointer before tldraw's handlers do, so the time is the input's arrival.
  window.addEventListener(
    'pointerdown',
    (event) => {
      if (state.firstPointerAt === null && event.target instanceof Element && event.target.closest('.tl-canvas')) {
        state.firstPointerAt = event.timeStamp
      }
    },
    true,
  )
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No long-task timing in this browser: the frame intervals still tell.
  }
  // One rAF loop for everything: during load it polls the DOM (cheap: a few hundred elements); once the load
  // is measured it only records timestamps, so the measuring costs the page almost nothing in the fluidity window.
  const tick = (time: number): void => {
    if (state.canvasAt === null && document.querySelector('.tl-canvas')) state.canvasAt = performance.now()
    if (state.laidOutAt === null && state.canvasAt !== null) {
      state.templateShapes = document.querySelectorAll(options.templateSelector).length
      if (state.templateShapes >= options.expected) state.laidOutAt = performance.now()
    }
    if (
      state.noteAt === null &&
      state.firstPointerAt !== null &&
      document.querySelector('.tl-shape[data-shape-type="note"]')
    ) {
      state.noteAt = performance.now()
    }
    if (state.recording) state.frames.push(time)
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

/**
 * Watches the DOM for the participants' sticky texts ("Deelnemer N · versie K") and notes when each version
 * first appears, in epoch milliseconds so that Node can subtract its send time. Only added nodes and changed
 * text are looked at, not attributes, so cursor moves (style changes) cost the observer nothing.
 */
export function watchStickyTexts(): void {
  const state = (window as unknown as ProbeWindow).__templateBench
  const pattern = /Deelnemer (\d+) · versie (\d+)/g
  const note = (text: string | null, at: number): void => {
    if (!text || !text.includes('versie')) return
    for (const match of text.matchAll(pattern)) {
      const key = `${match[1]}:${match[2]}`
      if (state.seen[key] === undefined) state.seen[key] = at
    }
  }
  new MutationObserver((records) => {
    const at = performance.timeOrigin + performance.now()
    for (const record of records) {
      if (record.type === 'characterData') note(record.target.textContent, at)
      else for (const node of record.addedNodes) note(node.textContent, at)
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
}

export function startRecording(): void {
  const state = (window as unknown as ProbeWindow).__templateBench
  state.frames = []
  state.longTasks = []
  state.recording = true
}

export function stopRecording(): {
  frames: number[]
  longTasks: Array<{ start: number; duration: number }>
  startedAt: number
} {
  const state = (window as unknown as ProbeWindow).__templateBench
  state.recording = false
  const frames = state.frames
  const startedAt = frames[0] ?? performance.now()
  return { frames, longTasks: state.longTasks.filter((task) => task.start >= startedAt), startedAt }
}
