import {
  currentStageFrame,
  joinView,
  nextView,
  roundIndex,
  type FacilitationState,
  type LaidOutFrame,
  type ParticipantView,
  type TemplateLayout,
  type ViewEffect,
  type ViewEvent,
} from '@werkplaats/shared'
import { atom, createUserId, react, type Editor, type Signal, type TLCamera } from 'tldraw'
import { openingView, workingArea } from './openingView.ts'

/** What a view is steered by: the control room's facilitation state and layout (as `Facilitation` carries them). */
export interface SteeringSource {
  readonly state: Signal<FacilitationState>
  readonly layout: Signal<TemplateLayout>
}

/**
 * Brings a view to a stage's opening view: its working area, readable (see `openingView.ts`). The rectangle has
 * the screen's shape, so zooming to it without inset shows exactly it.
 */
export function showStageOpening(editor: Editor, layout: TemplateLayout, frame: LaidOutFrame): void {
  const screen = editor.getViewportScreenBounds()
  editor.zoomToBounds(openingView(workingArea(layout, frame), { w: screen.w, h: screen.h }), { inset: 0 })
}

/**
 * While tldraw follows someone and has caught up, `getCamera()` is derived from the leader's presence and the
 * stored camera record is left behind; presence (ours, which the participant list and our own followers read)
 * is made from the stored one. So the camera we actually show is written back to the store.
 */
function publishFollowedCamera(editor: Editor, camera: TLCamera): void {
  const stored = editor.store.get(camera.id)
  if (!stored || (stored.x === camera.x && stored.y === camera.y && stored.z === camera.z)) return
  editor.run(() => editor.store.put([{ ...stored, x: camera.x, y: camera.y, z: camera.z }]), { history: 'ignore' })
}

export interface ViewSteering {
  /** Whether this view follows the facilitator ("Je volgt de facilitator"). */
  readonly following: Signal<boolean>
  /** "Zelf rondkijken". */
  stepOut(): void
  /** "Terug naar de facilitator" (and "Volg de facilitator"): following again, at where the facilitator is. */
  rejoin(): void
  dispose(): void
}

/**
 * Carries out, on a participant's or observer's editor, what the follow/summon state machine (shared
 * `facilitation/follow.ts`) decides: stage changes bring the view to the stage's frame, a summon jumps once to
 * the facilitator's view, "Volg mij" tracks it live through tldraw's follow (fed by presence, which carries
 * each viewport). The participant steps out by moving the view themselves; we tell our own camera moves from
 * theirs by the camera we left behind.
 */
export function steerView(editor: Editor, facilitation: SteeringSource, selfId: string): ViewSteering {
  const following = atom('view following', true)
  let view: ParticipantView | null = null
  /** Whom we track (tldraw's follow), so a leader who arrives later, or a move of ours, can resume it. */
  let trackTarget: string | null = null
  /** A stage to go to once the template has loaded and the frame is known. */
  let pendingStage = false
  let ourCamera: TLCamera | null = null
  let moving = false

  const moveCamera = (move: () => void) => {
    moving = true
    try {
      move()
    } finally {
      moving = false
    }
    ourCamera = editor.getCamera()
    if (trackTarget) startTracking()
  }

  const startTracking = () => {
    if (!trackTarget) return
    const userId = createUserId(trackTarget)
    if (editor.getInstanceState().followingUserId === userId) return
    moving = true
    try {
      editor.startFollowingUser(userId)
    } finally {
      moving = false
    }
  }

  const goToCurrentStage = () => {
    const state = facilitation.state.get()
    const layout = facilitation.layout.get()
    const frame = currentStageFrame(layout, state)
    if (!frame) {
      pendingStage = true
      return
    }
    pendingStage = false
    moveCamera(() => showStageOpening(editor, layout, frame))
  }

  const carryOut = (effects: readonly ViewEffect[]) => {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'go-to-stage':
          goToCurrentStage()
          break
        case 'jump':
          moveCamera(() => editor.zoomToBounds(effect.viewport, { inset: 0 }))
          break
        case 'track':
          trackTarget = effect.participantId
          startTracking()
          break
        case 'stop-tracking':
          trackTarget = null
          moving = true
          try {
            editor.stopFollowingUser()
          } finally {
            moving = false
          }
          ourCamera = editor.getCamera()
          break
      }
    }
  }

  const dispatch = (event: ViewEvent) => {
    if (!view) return
    const next = nextView(view, event)
    view = next.view
    following.set(view.mode === 'following')
    carryOut(next.effects)
  }

  const control = () => {
    const { stageId, follow, summon } = facilitation.state.get()
    return { stageId, follow, summon }
  }

  const stopControl = react('view steering: control', () => {
    const c = control()
    // The round is part of where a stage is: a new round with the same stage id is a move too.
    roundIndex(facilitation.state.get())
    if (!view) {
      const joined = joinView(selfId, c)
      view = joined.view
      carryOut(joined.effects)
      return
    }
    dispatch({ type: 'control', control: c })
  })

  const stopLayout = react('view steering: layout', () => {
    facilitation.layout.get()
    if (pendingStage && view?.mode === 'following' && !trackTarget) goToCurrentStage()
  })

  // A leader whose presence arrives after "Volg mij" (or who reconnects) is picked up again.
  const stopCollaborators = react('view steering: leader', () => {
    editor.getCollaborators()
    if (trackTarget) startTracking()
  })

  let lastScreen = ''
  const stopCamera = react('view steering: camera', () => {
    const camera = editor.getCamera()
    const followingUserId = editor.getInstanceState().followingUserId
    const screen = JSON.stringify(editor.getViewportScreenBounds())
    if (screen !== lastScreen) {
      // A resized window (or panel) may shift the camera: that is not the participant walking away.
      lastScreen = screen
      ourCamera = camera
      return
    }
    if (followingUserId) publishFollowedCamera(editor, camera)
    if (moving || !view || view.mode !== 'following') return
    if (trackTarget) {
      // tldraw stops following when the user moves the camera; a leader who vanished is not such a move.
      const leaderHere = editor.getCollaborators().some((c) => c.userId === createUserId(trackTarget ?? ''))
      if (followingUserId === null && leaderHere) dispatch({ type: 'panned' })
      return
    }
    if (ourCamera && (camera.x !== ourCamera.x || camera.y !== ourCamera.y || camera.z !== ourCamera.z)) {
      dispatch({ type: 'panned' })
    }
    ourCamera ??= camera
  })

  return {
    following,
    stepOut: () => dispatch({ type: 'step-out' }),
    rejoin: () => dispatch({ type: 'rejoin', control: control() }),
    dispose() {
      stopControl()
      stopLayout()
      stopCollaborators()
      stopCamera()
    },
  }
}
