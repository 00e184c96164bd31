import { IDENTITY_AWARENESS_FIELD, parseIdentity } from '@werkplaats/shared'
import { atom, type Signal } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { OnlineIdentity } from './roster.ts'

/**
 * Who is connected to a room, by the identities the server stamped on their awareness states. Our own state
 * is left out: the server stamps what it relays to others, not what we hold of ourselves.
 */
export function watchOnlineIdentities(awareness: Awareness): { identities: Signal<OnlineIdentity[]>; stop(): void } {
  const identities = atom<OnlineIdentity[]>('online identities', [])
  let lastKey = ''
  const read = () => {
    const result: OnlineIdentity[] = []
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue
      const identity = parseIdentity(state[IDENTITY_AWARENESS_FIELD])
      if (identity) result.push({ clientId, identity })
    }
    // Every cursor move is a change of state; the list only needs to hear about arrivals, departures, renames.
    const key = result.map(({ clientId, identity }) => `${clientId}:${JSON.stringify(identity)}`).join('|')
    if (key === lastKey) return
    lastKey = key
    identities.set(result)
  }
  awareness.on('change', read)
  read()
  return { identities, stop: () => awareness.off('change', read) }
}
