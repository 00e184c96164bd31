import { sessionViewSchema, type SessionView } from '@werkplaats/shared'
import { readJson, removeKey, writeJson } from '../storage/localStore.ts'

/**
 * The session as the server last described it to this browser, so that a reload without a network still opens
 * the board kept on this device (the rooms, one's role and name). Kept only where the rooms are kept: never for
 * an observer. The invitation (the facilitator's join code and link secret) is left out: offline nobody joins.
 */
const KEY_PREFIX = 'werkplaats.offline.view.v1.'

export interface SessionViewCache {
  remember(view: SessionView): void
  recall(sessionId: string): SessionView | null
  forget(sessionId: string): void
}

export function sessionViewCache(storage: Storage | null): SessionViewCache {
  return {
    remember(view) {
      if (view.role === 'observer') return
      const { invitation: _left, ...kept } = view
      writeJson(storage, KEY_PREFIX + view.id, kept)
    },
    recall(sessionId) {
      // What comes back was written by an older version or by hand: only a valid view of this session counts.
      const parsed = sessionViewSchema.safeParse(readJson(storage, KEY_PREFIX + sessionId))
      return parsed.success && parsed.data.id === sessionId && parsed.data.role !== 'observer' ? parsed.data : null
    },
    forget(sessionId) {
      removeKey(storage, KEY_PREFIX + sessionId)
    },
  }
}
