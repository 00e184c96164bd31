import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { setMinutes, start } from '../timer/timer.ts'
import {
  FACILITATION_MAP,
  facilitationMap,
  isFacilitationField,
  readFacilitation,
  readFacilitationField,
  writeFacilitation,
  writeFacilitationField,
} from './doc.ts'
import { currentRound, defaultFacilitationState, facilitationStateSchema } from './state.ts'

describe('facilitation state in the control room', () => {
  it('reads the defaults from an empty document', () => {
    expect(readFacilitation(new Y.Doc())).toEqual(defaultFacilitationState)
    expect(facilitationStateSchema.parse(defaultFacilitationState)).toEqual(defaultFacilitationState)
  })

  it('keeps one key per field and survives an update round trip, as the server stores it', () => {
    const a = new Y.Doc()
    const timer = start(setMinutes(10), 1_700_000_000_000)
    writeFacilitation(a, { stageId: 'kaderen', timer, rounds: [{ principleIds: ['p1'], playIds: [] }] })
    writeFacilitationField(a, 'layoutOverrides', {
      'r0-kaderen-question-q1': { x: 10, y: 20 },
      background: { hidden: true },
    })
    expect([...a.getMap(FACILITATION_MAP).keys()].sort()).toEqual(['layoutOverrides', 'rounds', 'stageId', 'timer'])
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const state = readFacilitation(b)
    expect(state.stageId).toBe('kaderen')
    expect(state.timer).toEqual(timer)
    expect(currentRound(state).principleIds).toEqual(['p1'])
    expect(state.layoutOverrides.background).toEqual({ hidden: true })
  })

  it('falls back to the default of a malformed field only, keeping the others', () => {
    const doc = new Y.Doc()
    writeFacilitationField(doc, 'stageId', 'startpunt')
    facilitationMap(doc).set('timer', { status: 'running', durationMs: -1 })
    facilitationMap(doc).set('rounds', [])
    facilitationMap(doc).set('templateLock', 'open')
    const state = readFacilitation(doc)
    expect(state.stageId).toBe('startpunt')
    expect(state.timer).toEqual(defaultFacilitationState.timer)
    expect(state.rounds).toEqual(defaultFacilitationState.rounds)
    expect(readFacilitationField(doc, 'templateLock')).toBe('locked')
  })

  it('refuses to write a malformed value, leaving the document as it was', () => {
    const doc = new Y.Doc()
    expect(() =>
      writeFacilitation(doc, { stageId: 'welkom', summon: { nonce: -1, viewport: { x: 0, y: 0, w: 1, h: 1 } } }),
    ).toThrow()
    expect(facilitationMap(doc).size).toBe(0)
  })

  it('names the fields a facilitator may write', () => {
    expect(isFacilitationField('timer')).toBe(true)
    expect(isFacilitationField('votes')).toBe(false)
    expect(isFacilitationField('toString')).toBe(false)
  })
})
