import {
  currentStageFrame,
  defaultFacilitationState,
  layoutTemplate,
  STICKY_SIZE,
  writingArea,
  type FacilitationState,
  type Rect,
} from '@werkplaats/shared'
import { Box, type Editor } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { placeSticky } from './placeSticky.ts'

const layout = layoutTemplate(oecdTemplate, defaultFacilitationState)
const onStage: Pick<FacilitationState, 'stageId' | 'rounds'> = { stageId: 'kaderen', rounds: [] }

/**
 * The part of tldraw's editor placing a sticky reads and writes: the view's page bounds, the notes on the page
 * (with their bounds and text), and `createShape`, which puts the new note among them as tldraw would.
 */
function boardWithNotes(view: Rect = { x: 0, y: 0, w: 1440, h: 900 }) {
  const notes: { id: string; type: 'note'; x: number; y: number; text: string }[] = []
  const editor = {
    getViewportPageBounds: () => new Box(view.x, view.y, view.w, view.h),
    getCurrentPageShapes: () => notes,
    getShapePageBounds: (shape: { x: number; y: number }) => new Box(shape.x, shape.y, STICKY_SIZE, STICKY_SIZE),
    getShapeUtil: () => ({ getText: (shape: { text: string }) => shape.text }),
    createShape(shape: { type: 'note'; x: number; y: number; props: { richText: unknown } }) {
      notes.push({
        id: `shape:${notes.length}`,
        type: shape.type,
        x: shape.x,
        y: shape.y,
        text: JSON.stringify(shape.props),
      })
    },
  }
  return { editor: editor as unknown as Editor, notes }
}

const inside = (box: Rect, area: Rect) =>
  box.x >= area.x && box.y >= area.y && box.x + box.w <= area.x + area.w && box.y + box.h <= area.y + area.h
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
const boxOf = (note: { x: number; y: number }): Rect => ({ x: note.x, y: note.y, w: STICKY_SIZE, h: STICKY_SIZE })

describe('a sticky written away from the board', () => {
  it("lands in the current stage's writing zone, with the text written", () => {
    const { editor, notes } = boardWithNotes()
    placeSticky(editor, layout, onStage, 'anna', 'Meer tijd voor experimenten')
    const frame = currentStageFrame(layout, onStage)
    if (!frame) throw new Error('the OECD template has a frame for kaderen')
    expect(notes).toHaveLength(1)
    expect(inside(boxOf(notes[0]!), writingArea(layout, frame))).toBe(true)
    expect(notes[0]?.text).toContain('Meer tijd voor experimenten')
  })

  it('never lands on a sticky already there, whoever wrote it', () => {
    const { editor, notes } = boardWithNotes()
    for (let i = 0; i < 6; i++) placeSticky(editor, layout, onStage, i % 2 === 0 ? 'anna' : 'bram', `idee ${i}`)
    expect(notes).toHaveLength(6)
    for (const [i, a] of notes.entries())
      for (const b of notes.slice(i + 1)) expect(overlap(boxOf(a), boxOf(b)), `${a.text} / ${b.text}`).toBe(false)
  })

  it('goes to the stage of the current pass: a new round has frames of its own', () => {
    const { editor, notes } = boardWithNotes()
    const secondPass = { ...onStage, rounds: [...defaultFacilitationState.rounds, { principleIds: [], playIds: [] }] }
    const secondLayout = layoutTemplate(oecdTemplate, { ...defaultFacilitationState, ...secondPass })
    placeSticky(editor, secondLayout, secondPass, 'anna', 'tweede ronde')
    const first = currentStageFrame(secondLayout, onStage)
    const second = currentStageFrame(secondLayout, secondPass)
    if (!first || !second) throw new Error('both passes have a kaderen frame')
    expect(second.id).not.toBe(first.id)
    expect(inside(boxOf(notes[0]!), second)).toBe(true)
  })

  it('lands in the middle of the view on a blank board or before the first stage', () => {
    const { editor, notes } = boardWithNotes({ x: 1000, y: 400, w: 800, h: 600 })
    placeSticky(editor, layout, { stageId: null, rounds: [] }, 'anna', 'los idee')
    expect(notes[0]).toMatchObject({ x: 1400 - STICKY_SIZE / 2, y: 700 - STICKY_SIZE / 2 })
  })
})
