import {
  BLANK_TEMPLATE_ID,
  markBoardFull,
  readFacilitation,
  writeControlParticipant,
  writeControlSession,
  writeFacilitationField,
  writeMarkCounts,
  writePublicVoteRound,
  type Role,
} from '@werkplaats/shared'
import { react } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { publicVoteRound } from '../voting/votingFixtures.ts'
import { ControlRoom } from './controlRoom.ts'

const CARD = 'r0:startpunt:principle:verwelkomen-en-versterken'
const rooms: ControlRoom[] = []
const reactions: (() => void)[] = []
afterEach(() => {
  for (const stop of reactions.splice(0)) stop()
  for (const room of rooms.splice(0)) room.dispose()
})

/** A screen's control room over `doc`, which the test writes as the server (or the facilitator's screen) would. */
function open(doc: Y.Doc, role: Role, templateId: string = oecdTemplate.id): ControlRoom {
  const room = new ControlRoom({ doc, role, templateId })
  rooms.push(room)
  return room
}

/** How many times `read` gave a new value, counted by a reaction as a panel would follow it. */
function changesOf<T>(read: () => T): { readonly count: number } {
  const seen = { count: -1 }
  let last: T | undefined
  const stop = react('count changes', () => {
    const value = read()
    if (seen.count < 0 || value !== last) seen.count++
    last = value
  })
  reactions.push(stop)
  return seen
}

const round = publicVoteRound({ cardIds: ['a'] })

describe('the control room as one screen reads it', () => {
  it('shows what the document holds when opened, and every later change, as signals', () => {
    const doc = new Y.Doc()
    writeFacilitationField(doc, 'stageId', 'startpunt')
    writeControlSession(doc, { title: 'Werkplaats', templateId: oecdTemplate.id })
    const room = open(doc, 'participant')
    expect(room.facilitation.get().stageId).toBe('startpunt')
    expect(room.session.get()?.title).toBe('Werkplaats')

    writeFacilitationField(doc, 'stageId', 'kaderen')
    writeControlParticipant(doc, { participantId: 'AnnaAnnaAnnaAnnaAnna01', name: 'Anna', role: 'participant' })
    writePublicVoteRound(doc, round)
    writeMarkCounts(doc, 'actie-1', { geprobeerd: 2, 'willen-we-proberen': 1, 'niet-relevant': 0 })
    markBoardFull(doc)
    expect(room.facilitation.get().stageId).toBe('kaderen')
    expect(room.participants.get().map((p) => p.name)).toEqual(['Anna'])
    expect(room.voteRounds.get().map((r) => r.roundId)).toEqual(['r1'])
    expect(room.markCounts.get().get('actie-1')).toEqual({ geprobeerd: 2, 'willen-we-proberen': 1, 'niet-relevant': 0 })
    expect(room.boardFull.get()).toBe(true)
  })

  it('stops reading the document when disposed', () => {
    const doc = new Y.Doc()
    const room = open(doc, 'participant')
    room.dispose()
    writeFacilitationField(doc, 'stageId', 'kaderen')
    expect(room.facilitation.get().stageId).toBeNull()
  })
})

describe('the template layout the control room owns', () => {
  it('is empty until the template is there, then the template laid out for the session', () => {
    const room = open(new Y.Doc(), 'participant')
    expect(room.template.get().kind).toBe('loading')
    expect(room.layout.get().cards).toEqual([])
    room.setTemplate(oecdTemplate)
    expect(room.template.get().kind).toBe('ready')
    expect(room.layout.get().cards.some((card) => card.id === CARD)).toBe(true)
  })

  it('stays empty on a blank board, whatever is handed to it', () => {
    const room = open(new Y.Doc(), 'participant', BLANK_TEMPLATE_ID)
    room.setTemplate(oecdTemplate)
    expect(room.template.get().kind).toBe('none')
    expect(room.layout.get().frames).toEqual([])
  })

  it('is laid out once per change of its inputs: not again for a stage move or a timer tick', () => {
    const doc = new Y.Doc()
    const room = open(doc, 'participant')
    room.setTemplate(oecdTemplate)
    const layouts = changesOf(() => room.layout.get())
    expect(layouts.count).toBe(0)

    writeFacilitationField(doc, 'stageId', 'kaderen')
    writeFacilitationField(doc, 'timer', { ...readFacilitation(doc).timer, durationMs: 60_000 })
    writeFacilitationField(doc, 'rounds', readFacilitation(doc).rounds)
    expect(layouts.count).toBe(0)

    writeFacilitationField(doc, 'layoutOverrides', { [CARD]: { x: 10, y: 20 } })
    expect(layouts.count).toBe(1)
    expect(room.layout.get().cards.find((card) => card.id === CARD)).toMatchObject({ x: 10, y: 20, moved: true })

    writeFacilitationField(doc, 'rounds', [{ principleIds: ['verwelkomen-en-versterken'], playIds: [] }])
    expect(layouts.count).toBe(2)
  })

  it('gives every reader the same layout object', () => {
    const room = open(new Y.Doc(), 'participant')
    room.setTemplate(oecdTemplate)
    expect(room.layout.get()).toBe(room.layout.get())
  })
})

describe("the control room's writes", () => {
  it("writes the facilitator's changes in one transaction", () => {
    const doc = new Y.Doc()
    const room = open(doc, 'facilitator')
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    room.write({ stageId: 'kaderen', templateLock: 'unlocked' })
    expect(transactions).toBe(1)
    expect(readFacilitation(doc)).toMatchObject({ stageId: 'kaderen', templateLock: 'unlocked' })
    expect(room.facilitation.get()).toMatchObject({ stageId: 'kaderen', templateLock: 'unlocked' })
  })

  it('refuses, before touching the document, on anyone but the facilitator', () => {
    for (const role of ['participant', 'observer'] as const) {
      const doc = new Y.Doc()
      const room = open(doc, role)
      let updates = 0
      doc.on('update', () => updates++)
      expect(() => room.write({ stageId: 'kaderen' })).toThrow(/facilitator/)
      expect(() => room.writeRounds([{ principleIds: [], playIds: [] }])).toThrow(/facilitator/)
      expect(() => room.writeLayoutOverride(CARD, { hidden: true })).toThrow(/facilitator/)
      expect(updates).toBe(0)
    }
  })

  it('refuses a value that does not fit the schema, writing nothing', () => {
    const doc = new Y.Doc()
    const room = open(doc, 'facilitator')
    let updates = 0
    doc.on('update', () => updates++)
    expect(() => room.write({ stageHistory: 'yesterday' as never })).toThrow()
    expect(updates).toBe(0)
  })

  it("keeps the other cards' overrides when one card's override is written", () => {
    const doc = new Y.Doc()
    const room = open(doc, 'facilitator')
    room.writeLayoutOverride('kaart-a', { x: 1, y: 2 })
    room.writeLayoutOverride('kaart-b', { hidden: true })
    room.writeLayoutOverride('kaart-a', { x: 3, y: 4, hidden: true })
    expect(readFacilitation(doc).layoutOverrides).toEqual({
      'kaart-a': { x: 3, y: 4, hidden: true },
      'kaart-b': { hidden: true },
    })
  })

  it("writes the journey's rounds", () => {
    const doc = new Y.Doc()
    const room = open(doc, 'facilitator')
    room.writeRounds([{ principleIds: ['verwelkomen-en-versterken'], playIds: [] }])
    expect(readFacilitation(doc).rounds).toEqual([{ principleIds: ['verwelkomen-en-versterken'], playIds: [] }])
  })
})
