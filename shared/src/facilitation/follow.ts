import type { FacilitationState, Viewport } from './state.ts'

/**
 * Where a participant's view goes, as a small state machine. A participant is either `following` (the
 * default on joining: stage changes bring their view to the stage's frame, and while the facilitator has
 * "Volg mij" on, their view tracks the facilitator's) or `free` (they panned or zoomed away themselves, most
 * often to read a card; the screen offers "Terug naar de facilitator"). Being free never lasts past the moment
 * the team moves on: the next stage change brings every view along and makes it follow again, and so does a
 * summon ("Breng iedereen hierheen"), which moves every view once to the facilitator's. So nobody silently
 * stays behind on an old stage because they zoomed in to read.
 *
 * The machine only decides; the board carries out the returned effects (tldraw's camera and its
 * follow-a-user), in order, so the last effect is where the view ends up.
 */

/** What of the control state the view reacts to. */
export type FollowControl = Pick<FacilitationState, 'stageId' | 'follow' | 'summon'>

export interface ParticipantView {
  readonly mode: 'following' | 'free'
  /** The participant this view belongs to: a facilitator never tracks themself. */
  readonly selfId: string
  /** The last control values acted on, so each change is acted on once. */
  readonly seen: {
    readonly stageId: string | null
    readonly followNonce: number | null
    readonly summonNonce: number | null
  }
}

export type ViewEffect =
  /** Bring the view to this stage's frame. */
  | { readonly kind: 'go-to-stage'; readonly stageId: string }
  /** Move the view once to the facilitator's viewport. */
  | { readonly kind: 'jump'; readonly viewport: Viewport }
  /** Track this participant's viewport live (tldraw's follow, fed by presence). */
  | { readonly kind: 'track'; readonly participantId: string }
  | { readonly kind: 'stop-tracking' }

export type ViewEvent =
  /** The control room changed (or was first loaded). */
  | { readonly type: 'control'; readonly control: FollowControl }
  /** The participant moved their own view (pan, zoom, scroll): they step out of following. */
  | { readonly type: 'panned' }
  /** "Stop met volgen" on the indicator: the same as panning away. */
  | { readonly type: 'step-out' }
  /** "Volg de facilitator": back to following, at where the facilitator is now. */
  | { readonly type: 'rejoin'; readonly control: FollowControl }

export interface ViewTransition {
  readonly view: ParticipantView
  readonly effects: readonly ViewEffect[]
}

function tracks(view: ParticipantView, control: FollowControl): string | null {
  const leader = control.follow?.participantId
  return view.mode === 'following' && leader !== undefined && leader !== view.selfId ? leader : null
}

/** Where a newcomer's view goes: following, at the facilitator (when "Volg mij" is on) or the current stage. */
export function joinView(selfId: string, control: FollowControl): ViewTransition {
  const view: ParticipantView = {
    mode: 'following',
    selfId,
    // Summons and follow starts from before joining are history: they do not move a newcomer.
    seen: {
      stageId: control.stageId,
      followNonce: control.follow?.nonce ?? null,
      summonNonce: control.summon?.nonce ?? null,
    },
  }
  return { view, effects: catchUp(view, control) }
}

/** Effects that put a following view where it belongs now. */
function catchUp(view: ParticipantView, control: FollowControl): ViewEffect[] {
  const leader = tracks(view, control)
  if (leader !== null) return [{ kind: 'track', participantId: leader }]
  return control.stageId !== null && view.mode === 'following'
    ? [{ kind: 'go-to-stage', stageId: control.stageId }]
    : []
}

export function nextView(view: ParticipantView, event: ViewEvent): ViewTransition {
  switch (event.type) {
    case 'panned':
    case 'step-out':
      if (view.mode === 'free') return { view, effects: [] }
      return { view: { ...view, mode: 'free' }, effects: [{ kind: 'stop-tracking' }] }
    case 'rejoin': {
      const rejoined: ParticipantView = { ...view, mode: 'following', seen: seenOf(event.control) }
      return { view: rejoined, effects: catchUp(rejoined, event.control) }
    }
    case 'control':
      return onControl(view, event.control)
  }
}

function seenOf(control: FollowControl): ParticipantView['seen'] {
  return {
    stageId: control.stageId,
    followNonce: control.follow?.nonce ?? null,
    summonNonce: control.summon?.nonce ?? null,
  }
}

function onControl(view: ParticipantView, control: FollowControl): ViewTransition {
  const effects: ViewEffect[] = []
  let mode = view.mode
  const followNonce = control.follow?.nonce ?? null
  const wasTracking = view.seen.followNonce !== null && view.mode === 'following'

  if (followNonce !== view.seen.followNonce) {
    if (control.follow) {
      // A new "Volg mij" brings everyone back, including who stepped out of the previous one.
      mode = 'following'
    } else if (wasTracking) {
      effects.push({ kind: 'stop-tracking' })
    }
  }
  if (resumesFollowing(view, control)) mode = 'following'
  const next: ParticipantView = { ...view, mode, seen: seenOf(control) }

  // While tracking, the facilitator's own view goes to the stage and carries the followers along; a camera
  // move of ours would only fight the tracking.
  if (
    control.stageId !== view.seen.stageId &&
    control.stageId !== null &&
    mode === 'following' &&
    tracks(next, control) === null
  ) {
    effects.push({ kind: 'go-to-stage', stageId: control.stageId })
  }
  if (control.summon && control.summon.nonce !== view.seen.summonNonce) {
    effects.push({ kind: 'jump', viewport: control.summon.viewport })
  }
  // Tracking goes last: while it is on, the facilitator's live view is where a following view belongs.
  const leader = tracks(next, control)
  if (leader !== null && (followNonce !== view.seen.followNonce || mode !== view.mode)) {
    effects.push({ kind: 'track', participantId: leader })
  }
  return { view: next, effects }
}

/**
 * Whether a control change brings a free view back to following: a new stage (the team moved on, and whoever
 * was reading elsewhere goes along) or a new summon ("Breng iedereen hierheen" leaves everyone following).
 */
export function resumesFollowing(view: ParticipantView, control: FollowControl): boolean {
  const newStage = control.stageId !== null && control.stageId !== view.seen.stageId
  const newSummon = control.summon !== null && control.summon.nonce !== view.seen.summonNonce
  return newStage || newSummon
}

/** Whether to show "Je volgt de facilitator" (with its way to step out). */
export function isFollowing(view: ParticipantView): boolean {
  return view.mode === 'following'
}
