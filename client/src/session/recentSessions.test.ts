import { describe, expect, it } from 'vitest'
import { memoryStorage } from '../storage/memoryStorage.ts'
import { parseRecentSessions, recentSessions, type RecentSession } from './recentSessions.ts'

const first: RecentSession = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  title: 'Innovatie-sessie team Noord',
  createdAt: '2025-03-01T09:00:00.000Z',
}
const second: RecentSession = {
  ...first,
  id: 'BBBBBBBBBBBBBBBBBBBBBB',
  title: 'Tweede',
  createdAt: '2025-03-02T09:00:00.000Z',
}

describe("a facilitator's recent sessions", () => {
  it('are listed newest first and kept across visits', () => {
    const storage = memoryStorage()
    recentSessions(storage).add(first)
    recentSessions(storage).add(second)
    expect(
      recentSessions(storage)
        .list()
        .map((session) => session.title),
    ).toEqual(['Tweede', first.title])
  })

  it('can be renamed and removed, and are found by id', () => {
    const sessions = recentSessions(memoryStorage())
    sessions.add(first)
    sessions.add(second)
    sessions.rename(first.id, 'Nieuwe titel')
    sessions.remove(second.id)
    expect(sessions.list()).toEqual([{ ...first, title: 'Nieuwe titel' }])
    expect(sessions.find(first.id)).toEqual({ ...first, title: 'Nieuwe titel' })
    expect(sessions.find(second.id)).toBeNull()
  })

  it('adding a session again replaces it instead of listing it twice', () => {
    const sessions = recentSessions(memoryStorage())
    sessions.add(first)
    sessions.add({ ...first, title: 'Zelfde sessie' })
    expect(sessions.list()).toHaveLength(1)
  })

  it('drop entries that do not fit, one by one', () => {
    expect(
      parseRecentSessions([
        first,
        { ...second, id: 'kort' },
        { ...second, createdAt: 'gisteren' },
        { ...second, observerToken: 'observer_token_123456' },
        'onzin',
      ]),
    ).toEqual([second, first])
    expect(parseRecentSessions({ not: 'a list' })).toEqual([])
  })
})
