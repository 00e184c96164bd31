import {
  IDENTITY_AWARENESS_FIELD,
  PRESENCE_AWARENESS_FIELD,
  type BoardPresence,
  type Identity,
} from '@werkplaats/shared'
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
  const stop = bindPresence(store, ours, preferences, { own: 'Ik', forRole: (role) => `(${role})` })
  cleanups.push(
    stop,
    () => ours.destroy(),
    () => peer.destroy(),
  )
  const presences = () => store.query.records('instance_presence').get()
  return { store, ours, peer, presences }
}

/** What the server writes into Anna's awareness state, from her token. */
const annaIdentity: Identity = { participantId: 'AnnaAnnaAnnaAnnaAnna01', name: 'Anna', role: 'participant' }

const anna: BoardPresence = {
  userId: 'anna-id',
  name: 'Anna',
  color: '#E03131',
  pageId: 'page:page',
  cursor: { x: 120, y: 80 },
  selectedShapeIds: [],
}

/** A peer's state as the server relays it: their own presence, and the identity the server stamped on it. */
function publish(peer: awarenessProtocol.Awareness, presence: unknown, identity: Identity | null = annaIdentity) {
  peer.setLocalState({ [PRESENCE_AWARENESS_FIELD]: presence, [IDENTITY_AWARENESS_FIELD]: identity })
}

describe('presence through awareness', () => {
  it("shows a peer's cursor, name and colour as a tldraw collaborator", () => {
    const { peer, presences } = setup()
    publish(peer, anna)
    expect(presences()).toHaveLength(1)
    const [record] = presences()
    expect(record).toMatchObject({
      userId: `user:${annaIdentity.participantId}`,
      userName: 'Anna',
      color: '#E03131',
      currentPageId: 'page:page',
      cursor: { x: 120, y: 80 },
    })
    expect(record?.lastActivityTimestamp).toBeGreaterThan(Date.now() - 5_000)
  })

  it("carries a peer's viewport as the camera and screen size tldraw's follow reads", () => {
    const { peer, presences } = setup()
    publish(peer, { ...anna, viewport: { x: 500, y: -200, w: 1600, h: 900 } })
    expect(presences()[0]).toMatchObject({
      camera: { x: -500, y: 200, z: 1 },
      screenBounds: { x: 0, y: 0, w: 1600, h: 900 },
    })
  })

  it('follows the cursor and drops the peer when they leave', () => {
    const { peer, presences } = setup()
    publish(peer, anna)
    publish(peer, { ...anna, cursor: { x: 300, y: 200 } })
    expect(presences()[0]?.cursor).toMatchObject({ x: 300, y: 200 })
    peer.setLocalState(null)
    expect(presences()).toEqual([])
  })

  it('ignores presence that does not fit the schema', () => {
    const { peer, presences } = setup()
    publish(peer, { ...anna, color: 'url(javascript:alert(1))' })
    expect(presences()).toEqual([])
    publish(peer, anna)
    expect(presences()).toHaveLength(1)
    publish(peer, { ...anna, pageId: 42 })
    expect(presences()).toEqual([])
  })

  it('names a peer as the server knows them, whatever name their browser claims', () => {
    const { peer, presences } = setup()
    publish(peer, { ...anna, name: 'Facilitator' })
    expect(presences()[0]?.userName).toBe('Anna')
  })

  it('shows no cursor for a state the server has not stamped with an identity', () => {
    const { peer, presences } = setup()
    publish(peer, anna, null)
    expect(presences()).toEqual([])
    // Observers share one token: the server knows them by role only.
    publish(peer, anna, { participantId: null, name: '', role: 'observer' })
    expect(presences()).toMatchObject([{ userName: '(observer)' }])
  })

  it('tells observers apart, who share one token and have no participant id', () => {
    const { ours, presences } = setup()
    const observerIdentity: Identity = { participantId: null, name: 'Waarnemer', role: 'observer' }
    for (const _ of [1, 2]) {
      const observer = new awarenessProtocol.Awareness(new Y.Doc())
      observer.setLocalState({ [PRESENCE_AWARENESS_FIELD]: anna, [IDENTITY_AWARENESS_FIELD]: observerIdentity })
      awarenessProtocol.applyAwarenessUpdate(
        ours,
        awarenessProtocol.encodeAwarenessUpdate(observer, [observer.clientID]),
        'server',
      )
      cleanups.push(() => observer.destroy())
    }
    expect(new Set(presences().map((record) => record.userId)).size).toBe(2)
  })

  it('removes every collaborator when unbound', () => {
    const { peer, presences } = setup()
    publish(peer, anna)
    for (const cleanup of cleanups.splice(0)) cleanup()
    expect(presences()).toEqual([])
  })
})
