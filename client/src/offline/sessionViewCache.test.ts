import type { SessionView } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../storage/memoryStorage.ts'
import { sessionViewCache } from './sessionViewCache.ts'

const id = 's'.repeat(22)
const view: SessionView = {
  id,
  title: 'Wifi valt weg',
  templateId: 'blank',
  status: 'open',
  joinOpen: true,
  invitation: {
    code: 'ABC123',
    links: {
      participant: 'https://werkplaats.example/s/x#i=geheim',
      observer: 'https://werkplaats.example/s/x#w=geheim',
    },
  },
  role: 'participant',
  participantId: 'p'.repeat(22),
  rooms: { board: `/yjs/${id}-board`, control: `/yjs/${id}-control` },
  participants: [],
}

describe('the session kept for an offline reload', () => {
  it('comes back as it was, without the invitation, and goes when forgotten', () => {
    const cache = sessionViewCache(memoryStorage())
    cache.remember(view)
    const { invitation: _left, ...withoutInvitation } = view
    expect(cache.recall(id)).toEqual(withoutInvitation)
    cache.forget(id)
    expect(cache.recall(id)).toBeNull()
  })

  it('is never kept for an observer', () => {
    const storage = memoryStorage()
    sessionViewCache(storage).remember({ ...view, role: 'observer', participantId: undefined })
    expect(storage.length).toBe(0)
  })

  it('reads a hand-edited or foreign entry as nothing', () => {
    const storage = memoryStorage()
    const cache = sessionViewCache(storage)
    storage.setItem(`werkplaats.offline.view.v1.${id}`, '{not json')
    expect(cache.recall(id)).toBeNull()
    storage.setItem(`werkplaats.offline.view.v1.${id}`, JSON.stringify({ ...view, id: 't'.repeat(22) }))
    expect(cache.recall(id)).toBeNull()
  })
})
