import { isPrivateRecord, privateOwnerOf, type Participant } from '@werkplaats/shared'
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type IndexKey,
  type TLShape,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { isBoardLaneRecord, privateLaneOf } from './privateRecords.ts'
import { markedPrivate, privateRoomOwners } from './privateWriting.ts'

const ANNA = 'AnnaAnnaAnnaAnnaAnna01'
const BRAM = 'BramBramBramBramBram01'
const FACI = 'FaciFaciFaciFaciFaci01'
const people: Participant[] = [
  { participantId: FACI, name: 'Facilitator', role: 'facilitator' },
  { participantId: ANNA, name: 'Anna', role: 'participant' },
  { participantId: BRAM, name: 'Bram', role: 'participant' },
]

const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
function shape(type: 'note' | 'geo' | 'text', meta: TLShape['meta'] = {}): TLShape {
  return store.schema.types.shape.create({
    id: createShapeId(type),
    type,
    parentId: 'page:page',
    index: 'a1' as IndexKey,
    meta,
  }) as TLShape
}

describe('whose private rooms a screen opens', () => {
  it("is a participant's own room only, whoever else is in the session", () => {
    expect(privateRoomOwners('participant', ANNA, people)).toEqual([ANNA])
  })

  it("is every participant's room for the facilitator, never a facilitator's", () => {
    expect(privateRoomOwners('facilitator', FACI, people)).toEqual([ANNA, BRAM])
    expect(privateRoomOwners('facilitator', FACI, [])).toEqual([])
  })

  it('is none for an observer, or a participant the server has not named yet', () => {
    expect(privateRoomOwners('observer', null, people)).toEqual([])
    expect(privateRoomOwners('participant', null, people)).toEqual([])
  })
})

describe('a shape about to be created while private writing is on', () => {
  it("is the writer's alone when it is a sticky they make themselves", () => {
    const marked = markedPrivate(shape('note', { colour: 'geel' }), 'user', true, ANNA)
    expect(isPrivateRecord(marked)).toBe(true)
    expect(privateOwnerOf(marked)).toBe(ANNA)
    expect(marked.meta.colour).toBe('geel')
    // Its lane is the writer's private room, never the board room.
    expect(isBoardLaneRecord(marked)).toBe(false)
    expect(privateLaneOf(ANNA)(marked)).toBe(true)
    expect(privateLaneOf(BRAM)(marked)).toBe(false)
  })

  it('passes as it is when the mode is off, when it comes from the network, or when it is not a sticky', () => {
    for (const [candidate, source, on] of [
      [shape('note'), 'user', false],
      [shape('note'), 'remote', true],
      [shape('geo'), 'user', true],
      [shape('text'), 'user', true],
    ] as const) {
      const passed = markedPrivate(candidate, source, on, ANNA)
      expect(passed).toBe(candidate)
      expect(isBoardLaneRecord(passed)).toBe(true)
    }
  })

  it("keeps a sticky revealed by the server on the board, not back in anyone's private room", () => {
    const revealed = shape('note', { private: false, privateOwner: ANNA })
    expect(isBoardLaneRecord(revealed)).toBe(true)
    expect(privateLaneOf(ANNA)(revealed)).toBe(false)
  })
})
