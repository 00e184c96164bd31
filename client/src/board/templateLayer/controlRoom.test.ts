import { writeFacilitationField } from '@werkplaats/shared'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ControlRoom } from '../../session/controlRoom.ts'
import { followControlRoom, layoutOverrideWriter } from './controlRoom.ts'
import { boardStore, oecdTemplate } from './fixtures.ts'
import { templateShapeId } from './ids.ts'
import { messagesFor } from '../../i18n/messages.ts'
import { mountTemplateLayer, type TemplateLayer } from './templateLayer.ts'

const CARD = 'r0:startpunt:principle:verwelkomen-en-versterken'
const messages = messagesFor('nl').templateLayer
const cleanups: (() => void)[] = []

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** The control room as the server relays it: the facilitator's document and a participant's copy. */
function controlRooms(): [Y.Doc, Y.Doc] {
  const facilitator = new Y.Doc()
  const participant = new Y.Doc()
  facilitator.on('update', (update: Uint8Array) => Y.applyUpdate(participant, update))
  return [facilitator, participant]
}

function screen(doc: Y.Doc, role: 'facilitator' | 'participant') {
  const store = boardStore()
  const control = new ControlRoom({ doc, role, templateId: oecdTemplate.id })
  control.setTemplate(oecdTemplate)
  const layer: TemplateLayer = mountTemplateLayer(store, {
    overrideDelayMs: 5,
    onLayoutOverride: layoutOverrideWriter(control),
  })
  const following = followControlRoom(layer, control, () => ({ template: oecdTemplate, role, messages }))
  cleanups.push(
    () => following.stop(),
    () => layer.dispose(),
    () => control.dispose(),
  )
  return store
}

/** Lets tldraw's frame-scheduled store listeners run (a frame is a 16 ms timer in Node) before the store is read. */
const rest = () => new Promise((done) => setTimeout(done, 30))

describe('the template layer and the control room', () => {
  it("brings the facilitator's move, made while unlocked, to the participant's screen", async () => {
    const [facilitatorDoc, participantDoc] = controlRooms()
    const facilitator = screen(facilitatorDoc, 'facilitator')
    const participant = screen(participantDoc, 'participant')
    const id = templateShapeId(CARD)
    const start = participant.get(id)?.x ?? 0

    facilitator.update(id, (record) => ({ ...record, x: record.x + 400 }))
    await rest()
    expect(participant.get(id)?.x).toBe(start) // still locked: reverted, nothing written

    writeFacilitationField(facilitatorDoc, 'templateLock', 'unlocked')
    expect(facilitator.get(id)?.isLocked).toBe(false)
    expect(participant.get(id)?.isLocked).toBe(true)
    facilitator.update(id, (record) => ({ ...record, x: record.x + 400 }))
    await rest()
    expect(participant.get(id)?.x).toBe(start + 400)
    expect(facilitator.get(id)?.x).toBe(start + 400)

    facilitator.remove([id])
    await rest()
    expect(participant.get(id)).toBeUndefined()
    expect(facilitator.get(id)?.opacity).toBeLessThan(1)

    writeFacilitationField(facilitatorDoc, 'templateLock', 'locked')
    facilitator.update(id, (record) => ({ ...record, x: 0 }))
    await rest()
    expect(facilitator.get(id)?.x).toBe(start + 400)
  })
})
