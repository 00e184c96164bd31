import {
  currentStageFrame,
  defaultFacilitationState,
  layoutTemplate,
  type FacilitationState,
  type TemplateLayout,
} from '@werkplaats/shared'
import { atom, createUserId, transact, type Editor, type TLCamera } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { openingView, workingArea } from './openingView.ts'
import { steerView, type ViewSteering } from './viewSteering.ts'

const SELF = 'AnnaAnnaAnnaAnnaAnna01'
const LEADER = 'FaciFaciFaciFaciFaci01'
const layout = layoutTemplate(oecdTemplate, defaultFacilitationState)

/**
 * The part of tldraw's editor view steering uses, on tldraw's own signals: a camera, the instance's
 * `followingUserId`, the collaborators present and the viewport's size on screen. Zooming to bounds puts the
 * camera on the bounds' corner, so a test can tell where the view was brought. `pan` is the participant's hand.
 */
function fakeEditor() {
  const camera = atom<TLCamera>('camera', {
    id: 'camera:page' as TLCamera['id'],
    typeName: 'camera',
    x: 0,
    y: 0,
    z: 1,
    meta: {},
  })
  const followingUserId = atom<string | null>('following', null)
  const collaborators = atom<{ userId: string }[]>('collaborators', [])
  const screen = atom('screen', { x: 0, y: 0, w: 1440, h: 900 })
  const zoomed: { x: number; y: number; w: number; h: number }[] = []
  const editor = {
    getCamera: () => camera.get(),
    getInstanceState: () => ({ followingUserId: followingUserId.get() }),
    getCollaborators: () => collaborators.get(),
    getViewportScreenBounds: () => screen.get(),
    zoomToBounds(bounds: { x: number; y: number; w: number; h: number }) {
      zoomed.push(bounds)
      camera.update((c) => ({ ...c, x: -bounds.x, y: -bounds.y }))
    },
    startFollowingUser: (userId: string) => followingUserId.set(userId),
    stopFollowingUser: () => followingUserId.set(null),
    store: { get: () => undefined, put: () => {} },
    run: (fn: () => void) => fn(),
  }
  return {
    editor: editor as unknown as Editor,
    zoomed,
    followingUserId,
    collaborators,
    /** The participant drags the canvas. */
    pan: (dx: number) => camera.update((c) => ({ ...c, x: c.x + dx })),
    /** The window (or a panel) changes size; tldraw may move the camera with it. */
    resize: (w: number, dx: number) =>
      transact(() => {
        screen.update((s) => ({ ...s, w }))
        camera.update((c) => ({ ...c, x: c.x + dx }))
      }),
  }
}

/** The control room as a participant's screen reads it, written by the test as the facilitator would. */
function controlRoom(initial: Partial<FacilitationState> = {}, initialLayout: TemplateLayout = layout) {
  const state = atom<FacilitationState>('facilitation', { ...defaultFacilitationState, ...initial })
  const laidOut = atom('layout', initialLayout)
  return {
    source: { state, layout: laidOut },
    write: (changes: Partial<FacilitationState>) => state.update((s) => ({ ...s, ...changes })),
    setLayout: (next: TemplateLayout) => laidOut.set(next),
  }
}

function frameOf(stageId: string, round = 0) {
  const frame = currentStageFrame(layout, {
    stageId,
    rounds: Array.from({ length: round + 1 }, () => ({ principleIds: [], playIds: [] })),
  })
  if (!frame) throw new Error(`no frame for ${stageId}`)
  return frame
}

const steerings: ViewSteering[] = []
afterEach(() => {
  for (const steering of steerings.splice(0)) steering.dispose()
})

function steer(editor: Editor, source: ReturnType<typeof controlRoom>['source']): ViewSteering {
  const steering = steerView(editor, source, SELF)
  steerings.push(steering)
  return steering
}

/** Where the last zoom brought the view: the left edge of the page rectangle shown. */
const lastZoomX = (zoomed: readonly { x: number }[]) => zoomed.at(-1)?.x

/** The left edge of a stage's opening view on the fake editor's 1440×900 screen. */
function openingX(stageId: string): number {
  const frame = frameOf(stageId)
  return openingView(workingArea(layout, frame), { w: 1440, h: 900 }).x
}

describe('view steering of a participant', () => {
  it('brings a view that joins to the current stage, and follows every stage the facilitator opens', () => {
    const { editor, zoomed } = fakeEditor()
    const control = controlRoom({ stageId: 'startpunt' })
    const steering = steer(editor, control.source)
    expect(steering.following.get()).toBe(true)
    expect(lastZoomX(zoomed)).toBe(openingX('startpunt'))

    control.write({ stageId: 'kaderen' })
    expect(lastZoomX(zoomed)).toBe(openingX('kaderen'))
  })

  it('leaves the view alone when something else in the control state changes (the timer)', () => {
    const { editor, zoomed } = fakeEditor()
    const control = controlRoom({ stageId: 'kaderen' })
    steer(editor, control.source)
    const before = zoomed.length
    control.write({ timer: { ...defaultFacilitationState.timer, durationMs: 60_000 } })
    expect(zoomed).toHaveLength(before)
  })

  it('tells the participant panning from its own moves: after a pan the view is free until the next stage', () => {
    const { editor, zoomed, pan } = fakeEditor()
    const control = controlRoom({ stageId: 'startpunt' })
    const steering = steer(editor, control.source)
    expect(steering.following.get()).toBe(true)

    pan(120)
    expect(steering.following.get()).toBe(false)
    const before = zoomed.length
    control.write({ timer: { ...defaultFacilitationState.timer, durationMs: 60_000 } })
    expect(zoomed).toHaveLength(before)
    // The team moves on: the view goes along and follows again.
    control.write({ stageId: 'kaderen' })
    expect(steering.following.get()).toBe(true)
    expect(lastZoomX(zoomed)).toBe(openingX('kaderen'))
  })

  it('does not take a resized window for a pan', () => {
    const { editor, resize } = fakeEditor()
    const control = controlRoom({ stageId: 'startpunt' })
    const steering = steer(editor, control.source)
    resize(390, 40)
    expect(steering.following.get()).toBe(true)
  })

  it('"Zelf rondkijken" frees the view; "Terug naar de facilitator" brings it back to the current stage', () => {
    const { editor, zoomed, pan } = fakeEditor()
    const control = controlRoom({ stageId: 'startpunt' })
    const steering = steer(editor, control.source)
    steering.stepOut()
    expect(steering.following.get()).toBe(false)
    pan(300)

    steering.rejoin()
    expect(steering.following.get()).toBe(true)
    expect(lastZoomX(zoomed)).toBe(openingX('startpunt'))
  })

  it('waits for the layout when the stage has no frame yet, and goes there once the template is laid out', () => {
    const { editor, zoomed } = fakeEditor()
    const control = controlRoom({ stageId: 'kaderen' }, { frames: [], cards: [] })
    steer(editor, control.source)
    expect(zoomed).toEqual([])
    control.setLayout(layout)
    expect(lastZoomX(zoomed)).toBe(openingX('kaderen'))
  })

  it("jumps to the facilitator's view on a summon, free or not, and leaves the view following", () => {
    const { editor, zoomed } = fakeEditor()
    const control = controlRoom({ stageId: 'startpunt' })
    const steering = steer(editor, control.source)
    steering.stepOut()
    const viewport = { x: 5000, y: 100, w: 800, h: 600 }
    control.write({ summon: { nonce: 1, viewport } })
    expect(zoomed.at(-1)).toEqual(viewport)
    expect(steering.following.get()).toBe(true)
  })
})

describe('view steering under "Volg mij"', () => {
  it("tracks the leader through tldraw's follow, and lets go when the facilitator stops", () => {
    const { editor, followingUserId, collaborators } = fakeEditor()
    collaborators.set([{ userId: createUserId(LEADER) }])
    const control = controlRoom({ stageId: 'startpunt' })
    steer(editor, control.source)
    control.write({ follow: { participantId: LEADER, nonce: 1 } })
    expect(followingUserId.get()).toBe(createUserId(LEADER))

    control.write({ follow: null })
    expect(followingUserId.get()).toBeNull()
  })

  it('picks up a leader whose presence arrives after "Volg mij"', () => {
    const { editor, followingUserId, collaborators } = fakeEditor()
    const control = controlRoom({ stageId: 'startpunt', follow: { participantId: LEADER, nonce: 1 } })
    steer(editor, control.source)
    followingUserId.set(null)
    collaborators.set([{ userId: createUserId(LEADER) }])
    expect(followingUserId.get()).toBe(createUserId(LEADER))
  })

  it('follows a new "Volg mij" after the participant stepped out of the old one', () => {
    const { editor, followingUserId, collaborators } = fakeEditor()
    collaborators.set([{ userId: createUserId(LEADER) }])
    const control = controlRoom({ stageId: 'startpunt', follow: { participantId: LEADER, nonce: 1 } })
    const steering = steer(editor, control.source)
    steering.stepOut()
    expect(followingUserId.get()).toBeNull()
    control.write({ follow: { participantId: LEADER, nonce: 2 } })
    expect(steering.following.get()).toBe(true)
    expect(followingUserId.get()).toBe(createUserId(LEADER))
  })
})
