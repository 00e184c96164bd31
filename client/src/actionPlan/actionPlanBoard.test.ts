import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ActionPlanBoard, planItemFrom } from './actionPlanBoard.ts'

/** Two screens on one board room: every update of one applied to the other, as the room relays them. */
function twoScreens(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update, 'room'))
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'room') Y.applyUpdate(a, update, 'room')
  })
  return [a, b]
}

describe('the action plan', () => {
  it('an item added from an action reaches the other screen, and both edit it live', () => {
    const [docA, docB] = twoScreens()
    const anna = new ActionPlanBoard(docA)
    const bram = new ActionPlanBoard(docB)
    anna.add(
      planItemFrom({ text: 'Organiseer een hackathon', source: { kind: 'action', id: 'actie-1' } }, 1000, 'item1'),
    )
    expect(bram.items.get()).toMatchObject([{ id: 'item1', text: 'Organiseer een hackathon', owner: '', date: '' }])
    expect(bram.has({ kind: 'action', id: 'actie-1' })).toBe(true)
    expect(bram.has({ kind: 'sticky', id: 'actie-1' })).toBe(false)
    bram.update('item1', 'owner', 'Bram')
    anna.update('item1', 'date', '2026-12-01')
    expect(anna.items.get()[0]).toMatchObject({ owner: 'Bram', date: '2026-12-01' })
    expect(bram.items.get()[0]).toMatchObject({ owner: 'Bram', date: '2026-12-01' })
    bram.remove('item1')
    expect(anna.items.get()).toEqual([])
    anna.dispose()
    bram.dispose()
  })

  it('refuses a date that is not one, keeping the last good value', () => {
    const plan = new ActionPlanBoard(new Y.Doc())
    plan.add(planItemFrom({ text: 'Bellen', source: null }, 1, 'x'))
    expect(() => plan.update('x', 'date', '1 december')).toThrow()
    expect(plan.items.get()[0]?.date).toBe('')
    plan.dispose()
  })
})
