import { IDENTITY_AWARENESS_FIELD, type Identity } from '@werkplaats/shared'
import { react } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { en } from '../i18n/en.ts'
import { nl } from '../i18n/nl.ts'
import { watchOnlineIdentities } from './onlineIdentities.ts'
import { roleLabel } from './roleLabel.ts'

const anna: Identity = { participantId: 'AnnaAnnaAnnaAnnaAnna01', name: 'Anna', role: 'participant' }
const bram: Identity = { participantId: 'BramBramBramBramBram01', name: 'Bram', role: 'observer' }

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function awareness(): Awareness {
  const created = new Awareness(new Y.Doc())
  cleanups.push(() => created.destroy())
  return created
}

/** Another screen whose awareness reaches ours as the server relays it: with the identity the server stamped. */
function peer(
  ours: Awareness,
  state: Record<string, unknown>,
): { move(state: Record<string, unknown>): void; leave(): void } {
  const theirs = awareness()
  const relay = (changes: Record<string, unknown>) => {
    theirs.setLocalState(changes)
    applyAwarenessUpdate(ours, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'server')
  }
  relay(state)
  return {
    move: relay,
    leave: () => removeAwarenessStates(ours, [theirs.clientID], 'server'),
  }
}

function watch(ours: Awareness) {
  const watched = watchOnlineIdentities(ours)
  cleanups.push(watched.stop)
  return watched
}

describe('who is online in a room', () => {
  it('is everyone whose state carries a valid identity, never our own state', () => {
    const ours = awareness()
    ours.setLocalStateField(IDENTITY_AWARENESS_FIELD, anna)
    peer(ours, { [IDENTITY_AWARENESS_FIELD]: anna })
    peer(ours, { [IDENTITY_AWARENESS_FIELD]: bram })
    const { identities } = watch(ours)
    expect(identities.get().map((online) => online.identity)).toEqual([anna, bram])
  })

  it('leaves out a state without an identity or with one that is not an identity', () => {
    const ours = awareness()
    peer(ours, { cursor: { x: 1, y: 2 } })
    peer(ours, { [IDENTITY_AWARENESS_FIELD]: { name: 'Mallory', role: 'facilitator' } })
    peer(ours, { [IDENTITY_AWARENESS_FIELD]: { ...anna, name: 'x'.repeat(65) } })
    peer(ours, { [IDENTITY_AWARENESS_FIELD]: { ...anna, role: 'admin' } })
    expect(watch(ours).identities.get()).toEqual([])
  })

  it('follows arrivals, renames and departures', () => {
    const ours = awareness()
    const { identities } = watch(ours)
    const annasScreen = peer(ours, { [IDENTITY_AWARENESS_FIELD]: anna })
    expect(identities.get().map((online) => online.identity.name)).toEqual(['Anna'])
    annasScreen.move({ [IDENTITY_AWARENESS_FIELD]: { ...anna, name: 'Anna V.' } })
    expect(identities.get().map((online) => online.identity.name)).toEqual(['Anna V.'])
    annasScreen.leave()
    expect(identities.get()).toEqual([])
  })

  it('does not tell the list about a cursor move', () => {
    const ours = awareness()
    const annasScreen = peer(ours, { [IDENTITY_AWARENESS_FIELD]: anna, cursor: { x: 0, y: 0 } })
    const { identities } = watch(ours)
    let changes = -1
    cleanups.push(
      react('identities', () => {
        identities.get()
        changes++
      }),
    )
    for (let x = 1; x <= 20; x++) annasScreen.move({ [IDENTITY_AWARENESS_FIELD]: anna, cursor: { x, y: 0 } })
    expect(changes).toBe(0)
    peer(ours, { [IDENTITY_AWARENESS_FIELD]: bram })
    expect(changes).toBe(1)
  })

  it('stops listening when stopped', () => {
    const ours = awareness()
    const { identities, stop } = watchOnlineIdentities(ours)
    stop()
    peer(ours, { [IDENTITY_AWARENESS_FIELD]: anna })
    expect(identities.get()).toEqual([])
  })
})

describe('the name of a role', () => {
  it('is in the reader’s language', () => {
    expect((['facilitator', 'participant', 'observer'] as const).map((role) => roleLabel(role, nl.app))).toEqual([
      'Facilitator',
      'Deelnemer',
      'Waarnemer',
    ])
    expect(roleLabel('observer', en.app)).toBe('Observer')
  })
})
