import { sessionIdSchema } from '@werkplaats/shared'
import { isRecord, readJson, writeJson } from '../storage/localStore.ts'

/**
 * The sessions a facilitator made in this browser, for the start page. There are no accounts, so this list
 * (with the tokens kept beside it, see sessionTokens.ts) is what lets a facilitator come back to a session.
 */
const STORAGE_KEY = 'werkplaats.recentSessions.v1'
/** Enough for a season of workshops; older ones drop off the end rather than growing storage forever. */
const MAX_RECENT = 50

export interface RecentSession {
  id: string
  title: string
  /** ISO 8601, when the session was made. */
  createdAt: string
}

export interface RecentSessions {
  list(): RecentSession[]
  add(session: RecentSession): void
  rename(id: string, title: string): void
  remove(id: string): void
  find(id: string): RecentSession | null
}

export function recentSessions(storage: Storage | null): RecentSessions {
  let memory: RecentSession[] | null = null
  const load = (): RecentSession[] => memory ?? parseRecentSessions(readJson(storage, STORAGE_KEY))
  const save = (sessions: RecentSession[]) => {
    memory = sessions
    writeJson(storage, STORAGE_KEY, sessions)
  }
  return {
    list: () => load(),
    add(session) {
      save([session, ...load().filter((other) => other.id !== session.id)].slice(0, MAX_RECENT))
    },
    rename(id, title) {
      save(load().map((session) => (session.id === id ? { ...session, title } : session)))
    },
    remove(id) {
      save(load().filter((session) => session.id !== id))
    },
    find: (id) => load().find((session) => session.id === id) ?? null,
  }
}

/** Newest first; entries that do not fit (an older version's, a hand-edited one) are dropped one by one. */
export function parseRecentSessions(value: unknown): RecentSession[] {
  if (!Array.isArray(value)) return []
  const result: RecentSession[] = []
  for (const entry of value) {
    if (!isRecord(entry)) continue
    // An observers' token that an older version kept here is left behind: the share panel shows the observers' link.
    const { id, title, createdAt } = entry
    if (!sessionIdSchema.safeParse(id).success || typeof id !== 'string') continue
    if (typeof title !== 'string' || typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt))) continue
    result.push({
      id,
      title: title.slice(0, 120),
      createdAt,
    })
  }
  return result.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
}
