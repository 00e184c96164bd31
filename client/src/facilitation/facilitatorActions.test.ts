import { readFacilitation, remainingAt, type Viewport } from '@werkplaats/shared'
import { atom, type Editor } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { ControlRoom } from '../session/controlRoom.ts'
import type { ServerClock } from '../timer/serverClock.ts'
import { Facilitation } from './facilitation.ts'
import { facilitatorActions } from './facilitatorActions.ts'

const SELF = 'FaciFaciFaciFaciFaci01'
const rooms: ControlRoom[] = []
afterEach(() => {
  for (const room of rooms.splice(0)) room.dispose()
})

/** A server clock the test sets: the facilitator's screen knows the server's time exactly. */
function fixedClock(start: number) {
  let now = start
  const clock: ServerClock = { offsetMs: atom('offset', 0), now: () => now, dispose: () => {} }
  return { clock, advance: (ms: number) => (now += ms) }
}

/** The facilitator's screen: the control room over a document, the OECD template, an editor that records zooms. */
function facilitatorScreen(role: 'facilitator' | 'participant' = 'facilitator') {
  const doc = new Y.Doc()
  const control = new ControlRoom({ doc, role, templateId: oecdTemplate.id })
  rooms.push(control)
  control.setTemplate(oecdTemplate)
  const time = fixedClock(1_000_000)
  const facilitation = new Facilitation({ control, participantId: SELF, clock: time.clock })
  const zoomed: Viewport[] = []
  const view: Viewport = { x: 100, y: 200, w: 1400, h: 800 }
  const editor = {
    getViewportPageBounds: () => view,
    getViewportScreenBounds: () => ({ x: 0, y: 0, w: 1440, h: 900 }),
    zoomToBounds: (bounds: Viewport) => zoomed.push(bounds),
  } as unknown as Editor
  const actions = facilitatorActions(facilitation, editor, { sessionId: 'sessie', token: 'token' })
  return { doc, actions, zoomed, time, state: () => readFacilitation(doc) }
}

describe("the facilitator's stage bar", () => {
  it('"Volgende fase" opens the first stage, then the next, with a visit in server time; the own view goes along', () => {
    const { actions, zoomed, time, state } = facilitatorScreen()
    actions.nextStage()
    const first = oecdTemplate.agenda[0]?.id
    expect(state().stageId).toBe(first)
    expect(state().stageHistory).toEqual([{ stageId: first, round: 0, at: 1_000_000 }])
    expect(zoomed).toHaveLength(1)

    time.advance(60_000)
    actions.nextStage()
    const second = oecdTemplate.agenda[1]?.id
    expect(state().stageId).toBe(second)
    expect(state().stageHistory.at(-1)).toEqual({ stageId: second, round: 0, at: 1_060_000 })
    expect(zoomed).toHaveLength(2)
  })

  it('"Vorige fase" goes back, and does nothing before the first stage', () => {
    const { actions, state } = facilitatorScreen()
    actions.previousStage()
    expect(state().stageId).toBeNull()
    actions.nextStage()
    actions.nextStage()
    actions.previousStage()
    expect(state().stageId).toBe(oecdTemplate.agenda[0]?.id)
  })

  it('goes straight to a stage chosen in the bar', () => {
    const { actions, zoomed, state } = facilitatorScreen()
    actions.goToStage('kaderen')
    expect(state().stageId).toBe('kaderen')
    expect(zoomed).toHaveLength(1)
  })
})

describe("the facilitator's other buttons", () => {
  it('"Breng iedereen hierheen" summons to the own viewport, a new summon each time', () => {
    const { actions, state } = facilitatorScreen()
    actions.summon()
    expect(state().summon).toEqual({ nonce: 1, viewport: { x: 100, y: 200, w: 1400, h: 800 } })
    actions.summon()
    expect(state().summon?.nonce).toBe(2)
  })

  it('"Volg mij" starts following the facilitator, and stops on the second press', () => {
    const { actions, state } = facilitatorScreen()
    actions.toggleFollow()
    expect(state().follow).toMatchObject({ participantId: SELF })
    actions.toggleFollow()
    expect(state().follow).toBeNull()
  })

  it('runs the timer in server time: set, start, pause, a minute more, stop', () => {
    const { actions, time, state } = facilitatorScreen()
    actions.setTimerMinutes(5)
    expect(state().timer).toMatchObject({ status: 'idle', durationMs: 300_000 })
    actions.startTimer()
    expect(state().timer.status).toBe('running')
    time.advance(60_000)
    actions.pauseTimer()
    expect(state().timer.status).toBe('paused')
    expect(remainingAt(state().timer, 2_000_000)).toBe(240_000)
    actions.addTimerMinute()
    expect(remainingAt(state().timer, 2_000_000)).toBe(300_000)
    actions.stopTimer()
    expect(state().timer.status).toBe('idle')
  })

  it('a stage change sets the stage\'s minutes in the same write, started once "Timer automatisch starten" is ticked', () => {
    const { doc, actions, time, state } = facilitatorScreen()
    const minutesOf = (stageId: string | null) => oecdTemplate.agenda.find((s) => s.id === stageId)?.minutes ?? 0
    actions.setTimerMinutes(1)
    actions.startTimer()
    time.advance(5 * 60_000)
    const writes: number[] = []
    doc.on('update', () => writes.push(1))
    actions.nextStage()
    expect(writes).toHaveLength(1)
    expect(state().timer).toEqual({ status: 'idle', durationMs: minutesOf(state().stageId) * 60_000 })

    actions.setTimerAutoStart(true)
    expect(state().timerAutoStart).toBe(true)
    actions.nextStage()
    expect(state().timer).toMatchObject({ status: 'running', startedAt: 1_300_000 })
    expect(remainingAt(state().timer, 1_300_000)).toBe(minutesOf(state().stageId) * 60_000)
    actions.previousStage()
    expect(state().timer.status).toBe('running')
  })

  it('switches private writing on and off, and the template lock', () => {
    const { actions, state } = facilitatorScreen()
    actions.togglePrivateWriting()
    expect(state().privateWriting.on).toBe(true)
    actions.togglePrivateWriting()
    expect(state().privateWriting.on).toBe(false)
    actions.toggleTemplateLock()
    expect(state().templateLock).toBe('unlocked')
    actions.toggleTemplateLock()
    expect(state().templateLock).toBe('locked')
  })

  it('lets everyone export, or only the facilitator', () => {
    const { actions, state } = facilitatorScreen()
    actions.setExportsForEveryone(true)
    expect(state().exportsForEveryone).toBe(true)
    actions.setExportsForEveryone(false)
    expect(state().exportsForEveryone).toBe(false)
  })

  it('"Kies een andere uitdaging" starts a new round at the restart stage, and the own view goes along', () => {
    const { actions, zoomed, state } = facilitatorScreen()
    actions.goToStage('kaderen')
    const before = zoomed.length
    actions.newChallenge()
    expect(state().rounds).toHaveLength(2)
    expect(zoomed.length).toBeGreaterThan(before)
  })
})

describe('the buttons on any other screen', () => {
  it('write nothing: the control room refuses', () => {
    const { actions, doc } = facilitatorScreen('participant')
    let updates = 0
    doc.on('update', () => updates++)
    expect(() => actions.nextStage()).toThrow(/facilitator/)
    expect(() => actions.summon()).toThrow(/facilitator/)
    expect(updates).toBe(0)
  })
})
