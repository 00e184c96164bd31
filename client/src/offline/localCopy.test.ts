import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { changedKeys, keepLocally } from './localCopy.ts'

/** Collects what each local transaction of `doc` changed, as `keepLocally` counts it. */
function recordChanges(doc: Y.Doc): string[][] {
  const seen: string[][] = []
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) seen.push(changedKeys(doc, transaction).sort())
  })
  return seen
}

const providers: WebsocketProvider[] = []
/** A provider that never connects: these tests are about the device, not the line. */
function idleProvider(doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, { connect: false, disableBc: true })
  providers.push(provider)
  return provider
}
afterEach(() => {
  for (const provider of providers.splice(0)) provider.destroy()
})

describe('what counts as one change', () => {
  it('one per board record however often it changed, one per entry for a change deep inside it', () => {
    const doc = new Y.Doc()
    const seen = recordChanges(doc)
    const records = doc.getMap('records')
    doc.transact(() => {
      records.set('shape:a', { text: 'a' })
      records.set('shape:b', { text: 'b' })
      records.set('shape:a', { text: 'aa' })
    })
    const plan = new Y.Map<string>()
    doc.transact(() => doc.getMap('actionPlan').set('row:1', plan))
    doc.transact(() => plan.set('owner', 'Piet'))
    doc.transact(() => doc.getArray('log').push(['x']))
    expect(seen).toEqual([
      ['records/shape:a', 'records/shape:b'],
      ['actionPlan/row:1'],
      ['actionPlan/row:1'],
      ['log/*'],
    ])
  })
})

describe('a room kept on this device', () => {
  it('brings back what was written and how much of it waits, after the tab is gone', async () => {
    const name = `werkplaats/test-${Math.random()}`
    const first = new Y.Doc()
    const copy = keepLocally(name, first, idleProvider(first))
    expect(await copy.loaded).toBe(false)
    first.getMap('records').set('shape:offline', { text: 'Geschreven zonder netwerk' })
    expect(copy.pending.get()).toBe(1)
    copy.dispose()

    const second = new Y.Doc()
    const again = keepLocally(name, second, idleProvider(second))
    // Never synced with the server: the copy is not shown on its own, but nothing in it is lost.
    expect(await again.loaded).toBe(false)
    expect(second.getMap('records').get('shape:offline')).toEqual({ text: 'Geschreven zonder netwerk' })
    expect(again.pending.get()).toBe(1)

    await again.clear()
    const third = new Y.Doc()
    const cleared = keepLocally(name, third, idleProvider(third))
    await cleared.loaded
    expect(third.getMap('records').size).toBe(0)
    expect(cleared.pending.get()).toBe(0)
    cleared.dispose()
  })
})
