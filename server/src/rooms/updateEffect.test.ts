import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changesNothing } from './updateEffect.ts'

function boardWithHistory(): Y.Doc {
  const doc = new Y.Doc()
  const records = doc.getMap('records')
  records.set('a', { x: 1 })
  records.set('b', { x: 2 })
  records.delete('a')
  doc.getText('t').insert(0, 'hallo wereld')
  doc.getText('t').delete(0, 6)
  return doc
}

/** A second client that has received everything `doc` has, as an observer would. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
  return replica
}

describe('changesNothing', () => {
  it("holds for a replica's sync step 2, which carries its whole delete set", () => {
    const server = boardWithHistory()
    const replica = replicaOf(server)
    const answer = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server))
    expect(answer.byteLength).toBeGreaterThan(2) // not the empty update: the delete set is in it
    expect(changesNothing(server, answer)).toBe(true)
  })

  it('holds for the empty update', () => {
    expect(changesNothing(boardWithHistory(), Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true)
  })

  it('fails for an update that adds something', () => {
    const server = boardWithHistory()
    const replica = replicaOf(server)
    replica.getMap('records').set('c', { x: 3 })
    expect(changesNothing(server, Y.encodeStateAsUpdate(replica, Y.encodeStateVector(server)))).toBe(false)
  })

  it('fails for an update that only deletes what the server still has', () => {
    const server = boardWithHistory()
    const replica = replicaOf(server)
    const before = Y.encodeStateVector(replica)
    replica.getMap('records').delete('b')
    const deletion = Y.encodeStateAsUpdate(replica, before)
    expect(changesNothing(server, deletion)).toBe(false)
    // and once the server has it, the same bytes change nothing
    Y.applyUpdate(server, deletion)
    expect(changesNothing(server, deletion)).toBe(true)
  })

  it('fails for a text deletion in the middle of what is kept', () => {
    const server = boardWithHistory()
    const replica = replicaOf(server)
    const before = Y.encodeStateVector(replica)
    replica.getText('t').delete(1, 2)
    expect(changesNothing(server, Y.encodeStateAsUpdate(replica, before))).toBe(false)
  })
})
