import { readFacilitation, writeFacilitationField, type Role } from '@werkplaats/shared'
import { atom } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { ControlRoom } from '../session/controlRoom.ts'
import type { ServerClock } from '../timer/serverClock.ts'
import { Facilitation } from './facilitation.ts'

const opened: { control: ControlRoom; facilitation: Facilitation }[] = []
afterEach(() => {
  for (const { control, facilitation } of opened.splice(0)) {
    facilitation.dispose()
    control.dispose()
  }
})

/** A server clock that is ahead of this screen by `offsetMs`, and says when it was stopped. */
function clockAhead(offsetMs: number): ServerClock & { disposed: boolean } {
  return {
    offsetMs: atom('offset', offsetMs),
    now: () => 1_000_000 + offsetMs,
    disposed: false,
    dispose() {
      this.disposed = true
    },
  }
}

function facilitationOf(doc: Y.Doc, role: Role, participantId: string | null, clock = clockAhead(0)) {
  const control = new ControlRoom({ doc, role, templateId: oecdTemplate.id })
  const facilitation = new Facilitation({ control, participantId, clock })
  opened.push({ control, facilitation })
  return { control, facilitation, clock }
}

describe("one screen's facilitation", () => {
  it("reads who we are from the control room and the token's role", () => {
    const doc = new Y.Doc()
    const facilitator = facilitationOf(doc, 'facilitator', 'FaciFaciFaciFaciFaci01').facilitation
    const participant = facilitationOf(doc, 'participant', 'AnnaAnnaAnnaAnnaAnna01').facilitation
    const observer = facilitationOf(doc, 'observer', null).facilitation
    expect([facilitator.role, participant.role, observer.role]).toEqual(['facilitator', 'participant', 'observer'])
    expect([facilitator.isFacilitator, participant.isFacilitator, observer.isFacilitator]).toEqual([true, false, false])
    expect(participant.participantId).toBe('AnnaAnnaAnnaAnnaAnna01')
    expect(observer.participantId).toBeNull()
  })

  it("shows the control room's state as it changes, on every screen of the session", () => {
    const doc = new Y.Doc()
    const participant = facilitationOf(doc, 'participant', 'AnnaAnnaAnnaAnnaAnna01').facilitation
    writeFacilitationField(doc, 'stageId', 'kaderen')
    expect(participant.state.get().stageId).toBe('kaderen')
    expect(participant.state).toBe(opened[0]?.control.facilitation)
  })

  it("writes the facilitator's change into the document, and refuses anyone else's", () => {
    const doc = new Y.Doc()
    const facilitator = facilitationOf(doc, 'facilitator', 'FaciFaciFaciFaciFaci01').facilitation
    const participant = facilitationOf(doc, 'participant', 'AnnaAnnaAnnaAnnaAnna01').facilitation
    facilitator.write({ stageId: 'startpunt' })
    expect(readFacilitation(doc).stageId).toBe('startpunt')
    expect(participant.state.get().stageId).toBe('startpunt')
    expect(() => participant.write({ stageId: 'kaderen' })).toThrow(/only the facilitator/)
    expect(readFacilitation(doc).stageId).toBe('startpunt')
  })

  it('carries the template and its layout from the control room once the page has the template', () => {
    const doc = new Y.Doc()
    const { control, facilitation } = facilitationOf(doc, 'participant', 'AnnaAnnaAnnaAnnaAnna01')
    expect(facilitation.layout.get().frames).toEqual([])
    control.setTemplate(oecdTemplate)
    expect(facilitation.template.get()).toBe(control.template.get())
    expect(facilitation.layout.get().frames.length).toBeGreaterThan(0)
  })

  it('uses the clock it is given, and stops it when disposed', () => {
    const { facilitation, clock } = facilitationOf(new Y.Doc(), 'participant', null, clockAhead(1500))
    expect(facilitation.clock.now()).toBe(1_001_500)
    facilitation.dispose()
    expect(clock.disposed).toBe(true)
  })
})
