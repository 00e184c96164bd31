import { PRESENCE_AWARENESS_FIELD, type BoardPresence } from '@werkplaats/shared'
import { atom, createTLStore, defaultBindingUtils, defaultShapeUtils, type TLUserPreferences } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence } from './presenceBinding.ts'

const cleanups: Array<() => void> = []

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** Our side (a store with presence bound) and a peer whose awareness updates reach us as the server relays them. */
function setup() {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const ours = new awarenessProtocol.Awareness(new Y.Doc())
  const peer = new awarenessProtocol.Awareness(new Y.Doc())
  peer.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const update = awarenessProtocol.encodeAwarenessUpdate(peer, [...added, ...updated, ...removed])
    awarenessProtocol.applyAwarenessUpdate(ours, update, 'server')
  })
  const preferences = atom<TLUserPreferences>('prefs', { id: 'me', name: 'Ik', color: '#1971C2' })
  const stop = bindPresence(store, ours, preferences)
  cleanups.push(stop, () => ours.destroy(), () => peer.destroy())
  const presences = () => store.query.records('instance_presence').get()
  return { store, ours, peer, presences }
}

const anna: BoardPresence = {
  userId: 'anna-id',
  name: 'Anna',
  color: '#E03131',
  pageId: 'page:page',
  cursor: { x: 120, y: 80 },
  selectedShapeIds: [],
}

describe('presence through awareness', () => {
  it("shows a peer's cursor, name and colour as a tldraw collaborator", () => {
    const { peer, presences } = setup()
    peer.setLocalStateField(PRESENCE_AWARENESS_FIELD, anna)
    expect(presences()).toHaveLength(1)
    const [record] = presences()
    expect(record).toMatchObject({
      userId: 'user:anna-id',
      userName: 'Anna',
      color: '#E03131',
      currentPageId: 'page:page',
      cursor: { x: 120, y: 80 },
    })
    expect(record?.lastActivityTimestamp).toBeGreaterThan(Date.now() - 5_000)
  })

  it('follows the cursor and drops the peer when they leave', () => {
    const { peer, presences } = setup()
    peer.setLocalStateField(PRESENCE_AWARENESS_FIELD, anna)
    peer.setLocalStateField(PRESENCE_AWARENESS_FIELD, { ...anna, cursor: { x: 300, y: 200 } })
    expect(presences()[0]?.cursor).toMatchObject({ x: 300, y: 200 })
    peer.setLocalState(null)
    expect(presences()).toEqual([])
  })

  it('ignores presence that does not fit the schema', () => {
    const { peer, presences } = setup()
    peer.setLocalStateField(PRESENCE_AWARENESS_FIELD, { ...anna, color: 'url(javascript:alert(1))' })
    expect(presences()).toEqual([])
    peer.setLocalStateField(PRESENCE_AWARENESS_FIELD, anna)
    expect(presences()).toHaveLength(1)
    peer.setLocalStateField(PRESENCE_AWARENESS_FIELD, { ...anna, pageId: 42 })
    expect(presences()).toEqual([])
  })

  it('removes every collaborator when unbound', () => {
    const { peer, presences } = setup()
    peer.setLocalStateField(PRESENCE_AWARENESS_FIELD, anna)
    for (const cleanup of cleanups.splice(0)) cleanup()
    expect(presences()).toEqual([])
  })
})
