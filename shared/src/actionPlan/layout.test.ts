import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addActionPlanItem,
  actionPlanMap,
  readActionPlan,
  removeActionPlanItem,
  updateActionPlanItem,
} from './layout.ts'

const item = (id: string, createdAt: number) => ({
  id,
  text: `Actie ${id}`,
  owner: '',
  firstStep: '',
  date: '',
  source: { kind: 'action' as const, id: 'a1' },
  createdAt,
})

describe('action plan in the board room', () => {
  it('adds, edits and removes items, oldest first', () => {
    const doc = new Y.Doc()
    addActionPlanItem(doc, item('b', 2))
    addActionPlanItem(doc, item('a', 1))
    updateActionPlanItem(doc, 'b', 'owner', 'Zoë')
    updateActionPlanItem(doc, 'b', 'date', '2027-01-15')
    expect(readActionPlan(doc).map((i) => [i.id, i.owner, i.date])).toEqual([
      ['a', '', ''],
      ['b', 'Zoë', '2027-01-15'],
    ])
    removeActionPlanItem(doc, 'a')
    expect(readActionPlan(doc).map((i) => i.id)).toEqual(['b'])
  })

  it('keeps both of two concurrent edits to different fields of one item', () => {
    const [one, two] = [new Y.Doc(), new Y.Doc()]
    addActionPlanItem(one, item('x', 1))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    updateActionPlanItem(one, 'x', 'owner', 'Anna')
    updateActionPlanItem(two, 'x', 'firstStep', 'Bellen met de dienst')
    Y.applyUpdate(one, Y.encodeStateAsUpdate(two))
    Y.applyUpdate(two, Y.encodeStateAsUpdate(one))
    expect(readActionPlan(one)).toEqual(readActionPlan(two))
    expect(readActionPlan(one)[0]).toMatchObject({ owner: 'Anna', firstStep: 'Bellen met de dienst' })
  })

  it('refuses a malformed date and skips malformed entries', () => {
    const doc = new Y.Doc()
    addActionPlanItem(doc, item('x', 1))
    expect(() => updateActionPlanItem(doc, 'x', 'date', 'morgen')).toThrow(/date/)
    const broken = new Y.Map<unknown>()
    broken.set('id', 'kapot')
    actionPlanMap(doc).set('kapot', broken)
    expect(readActionPlan(doc).map((i) => i.id)).toEqual(['x'])
  })

  it('refuses an action without text, whether added, emptied or written into the room by hand', () => {
    const doc = new Y.Doc()
    expect(() => addActionPlanItem(doc, item('leeg', 1))).not.toThrow()
    expect(() => addActionPlanItem(doc, { ...item('spaties', 2), text: ' \n ' })).toThrow(/text/)
    expect(() => updateActionPlanItem(doc, 'leeg', 'text', '')).toThrow(/text/)
    const typedByHand = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({ ...item('hand', 3), text: '' })) typedByHand.set(key, value)
    actionPlanMap(doc).set('hand', typedByHand)
    expect(readActionPlan(doc).map((i) => [i.id, i.text])).toEqual([['leeg', 'Actie leeg']])
  })
})
