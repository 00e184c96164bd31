import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { missingDependency } from './updateDependencies.ts'

/** The update that `change` makes to `doc`. */
function edit(doc: Y.Doc, change: (map: Y.Map<unknown>) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  change(doc.getMap('records'))
  return Y.encodeStateAsUpdate(doc, before)
}

describe('missingDependency', () => {
  it('accepts what a stock client sends: edits built on what the board has', () => {
    const board = new Y.Doc()
    const client = new Y.Doc()
    const first = edit(client, (m) => m.set('a', 1))
    expect(missingDependency(first, board)).toBeUndefined()
    Y.applyUpdate(board, first)
    const second = edit(client, (m) => {
      m.set('a', 2)
      m.delete('a')
      m.set('b', 3)
    })
    expect(missingDependency(second, board)).toBeUndefined()
    // A whole-document sync step 2, overlapping what the board has, is fine too.
    expect(missingDependency(Y.encodeStateAsUpdate(client), board)).toBeUndefined()
  })

  it("refuses a gap in a client's own clock", () => {
    const board = new Y.Doc()
    const client = new Y.Doc()
    edit(client, (m) => m.set('a', 1))
    const second = edit(client, (m) => m.set('b', 1))
    expect(missingDependency(second, board)).toMatch(/continues client \d+ at clock 1, the board has up to 0/)
  })

  it('refuses an item whose origin the board does not have', () => {
    const [board, a, b] = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    Y.applyUpdate(
      b,
      edit(a, (m) => m.set('k', 1)),
    )
    // Overwriting a map key names the old value as origin.
    const overwrite = edit(b, (m) => m.set('k', 2))
    expect(missingDependency(overwrite, board)).toMatch(/refers to client \d+ clock 0/)
  })

  it('refuses a deletion of what the board does not have', () => {
    const [board, a, b] = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    Y.applyUpdate(
      b,
      edit(a, (m) => m.set('k', 1)),
    )
    const removal = edit(b, (m) => m.delete('k'))
    expect(missingDependency(removal, board)).toMatch(/deletes client \d+ clock 0/)
  })

  it('refuses a merged update with a hole (a skip) when something after the hole is needed', () => {
    const [board, client] = [new Y.Doc(), new Y.Doc()]
    const first = edit(client, (m) => m.set('a', 1))
    edit(client, (m) => m.set('b', 1))
    const third = edit(client, (m) => m.set('c', 1))
    expect(missingDependency(Y.mergeUpdates([first, third]), board)).toMatch(/continues client/)
  })

  it('agrees with Yjs: what it accepts leaves nothing pending, what it refuses would', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    const updates: Uint8Array[] = []
    for (let i = 0; i < 20; i++) {
      const from = i % 2 === 0 ? a : b
      const update = edit(from, (m) => (i % 3 === 0 ? m.delete(`k${i - 1}`) : m.set(`k${i % 4}`, i)))
      Y.applyUpdate(from === a ? b : a, update)
      updates.push(update)
    }
    for (let skip = 0; skip < updates.length; skip++) {
      const board = new Y.Doc()
      for (const [i, update] of updates.entries()) {
        if (i === skip) continue
        const refused = missingDependency(update, board) !== undefined
        Y.applyUpdate(board, update)
        const pending = board.store.pendingStructs !== null || board.store.pendingDs !== null
        expect(pending, `update ${i} without ${skip}`).toBe(refused)
        if (pending) break
      }
    }
  })
})
