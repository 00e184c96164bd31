import {
  IDENTITY_AWARENESS_FIELD,
  PRESENCE_AWARENESS_FIELD,
  crowdCursorLimit,
  type BoardPresence,
  type CursorSetting,
  type Identity,
} from '@werkplaats/shared'
import { atom, createTLStore, type Atom, defaultBindingUtils, defaultShapeUtils, type TLUserPreferences } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, type PresenceOptions } from './presenceBinding.ts'

const cleanups: Array<() => void> = []

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function immediately(apply: () => void): () => void {
  apply()
  return () => {}
}

/** Our side (a store with presence bound) and a peer whose awareness updates reach us as the server relays them. */
function setup(options: PresenceOptions = {}) {
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const ours = new awarenessProtocol.Awareness(new Y.Doc())
  const peer = new awarenessProtocol.Awareness(new Y.Doc())
  peer.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const update = awarenessProtocol.encodeAwarenessUpdate(peer, [...added, ...updated, ...removed])
    awarenessProtocol.applyAwarenessUpdate(ours, update, 'server')
  })
  const preferences = atom<TLUserPreferences>('prefs', { id: 'me', name: 'Ik', color: '#1971C2' })
  // Frames come at once here: each awareness change is applied before the next line of the test.
  const binding = bindPresence(
    store,
    ours,
    preferences,
    { own: 'Ik', forRole: (role) => `(${role})` },
    { scheduleFrame: immediately, ...options },
  )
  cleanups.push(
    binding.stop,
    () => ours.destroy(),
    () => peer.destroy(),
  )
  const presences = () => store.query.records('instance_presence').get()
  return { store, ours, peer, presences, crowd: binding.crowd }
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

describe('presence in a crowd', () => {
  /** `count` people join us, each from a browser of their own, as the server relays them. */
  function crowdOf(ours: awarenessProtocol.Awareness, count: number, role: (i: number) => Identity['role']) {
    const people = Array.from({ length: count }, (_, i) => {
      const person = new awarenessProtocol.Awareness(new Y.Doc())
      cleanups.push(() => person.destroy())
      const identity: Identity = { participantId: `person${String(i).padStart(16, '0')}`, name: `P${i}`, role: role(i) }
      const move = (x: number) => {
        person.setLocalState({
          [PRESENCE_AWARENESS_FIELD]: { ...anna, cursor: { x, y: i } },
          [IDENTITY_AWARENESS_FIELD]: identity,
        })
        const update = awarenessProtocol.encodeAwarenessUpdate(person, [person.clientID])
        awarenessProtocol.applyAwarenessUpdate(ours, update, 'server')
      }
      move(i)
      return { move, identity }
    })
    return people
  }

  it('from 50 people draws a bounded few and the facilitator, and counts the others', () => {
    const { ours, presences, crowd } = setup()
    crowdOf(ours, 59, (i) => (i === 42 ? 'facilitator' : 'participant'))
    expect(crowd.get().mode).toBe('crowd')
    expect(presences()).toHaveLength(crowdCursorLimit + 1)
    expect(presences().map((record) => record.userName)).toContain('P42')
    expect(crowd.get().others).toBe(59 - presences().length)
  })

  it('below 50 people draws everyone', () => {
    const { ours, presences, crowd } = setup()
    crowdOf(ours, 48, () => 'participant')
    expect(crowd.get()).toEqual({ mode: 'all', others: 0 })
    expect(presences()).toHaveLength(48)
  })

  it("the facilitator's choice holds for everyone: cursors off leaves only the facilitator's, on draws all", () => {
    const cursorSetting: Atom<CursorSetting> = atom('setting', 'auto')
    const { ours, presences, crowd } = setup({ cursorSetting })
    crowdOf(ours, 60, (i) => (i === 0 ? 'facilitator' : 'participant'))
    cursorSetting.set('off')
    expect(presences().map((record) => record.userName)).toEqual(['P0'])
    expect(crowd.get()).toEqual({ mode: 'off', others: 59 })
    cursorSetting.set('on')
    expect(presences()).toHaveLength(60)
    expect(crowd.get()).toEqual({ mode: 'all', others: 0 })
  })

  it('applies everything that arrived between two frames at once, with the latest positions', () => {
    const frames: Array<() => void> = []
    const { ours, presences } = setup({
      scheduleFrame: (apply) => {
        frames.push(apply)
        return () => {}
      },
    })
    frames.splice(0).forEach((apply) => apply())
    const people = crowdOf(ours, 10, () => 'participant')
    for (let x = 0; x < 20; x++) for (const person of people) person.move(1000 + x)
    expect(frames).toHaveLength(1)
    expect(presences()).toEqual([])
    frames.splice(0).forEach((apply) => apply())
    expect(presences().map((record) => record.cursor?.x)).toEqual(Array(10).fill(1019))
  })
})
