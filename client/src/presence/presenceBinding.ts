import { parseBoardPresence, PRESENCE_AWARENESS_FIELD, type BoardPresence } from '@werkplaats/shared'
import {
  computed,
  createPresenceStateDerivation,
  createUserId,
  InstancePresenceRecordType,
  isShapeId,
  PageRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
  type TLUserPreferences,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'

/** At most this often (ms) our cursor goes out: smooth enough to follow, light on the server and the peers. */
const PUBLISH_INTERVAL_MS = 50

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * Presence through Yjs awareness: our name, colour, page, cursor (page coordinates) and selection go out in
 * the awareness field `presence`; every other participant's arrives as a tldraw `instance_presence` record,
 * which tldraw draws as a named cursor. Records are put as remote changes, so they never enter undo history,
 * and removed when the participant leaves (or when our own connection drops: y-websocket then clears peers).
 */
export function bindPresence(store: TLStore, awareness: Awareness, preferences: Signal<TLUserPreferences>): () => void {
  const stopPublishing = publishLocalPresence(store, awareness, preferences)
  const stopReceiving = receiveRemotePresence(store, awareness)
  return () => {
    stopPublishing()
    stopReceiving()
    awareness.setLocalStateField(PRESENCE_AWARENESS_FIELD, null)
  }
}

function publishLocalPresence(store: TLStore, awareness: Awareness, preferences: Signal<TLUserPreferences>) {
  const user = computed<TLUser>('werkplaats presence user', () => {
    const prefs = preferences.get()
    return {
      id: createUserId(prefs.id),
      typeName: 'user',
      name: prefs.name ?? '',
      color: prefs.color ?? '#1971C2',
      imageUrl: '',
      meta: {},
    }
  })
  const presence = createPresenceStateDerivation(user, {
    instanceId: InstancePresenceRecordType.createId(String(awareness.clientID)),
  })(store)

  let pending: BoardPresence | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    timer = null
    if (pending) awareness.setLocalStateField(PRESENCE_AWARENESS_FIELD, pending)
    pending = null
  }
  const stopReacting = react('publish werkplaats presence', () => {
    const record = presence.get()
    if (!record) return
    pending = {
      userId: preferences.get().id,
      name: record.userName,
      color: record.color,
      pageId: record.currentPageId,
      cursor: record.cursor ? { x: record.cursor.x, y: record.cursor.y } : null,
      selectedShapeIds: record.selectedShapeIds.slice(0, 500),
    }
    timer ??= setTimeout(flush, PUBLISH_INTERVAL_MS)
  })
  return () => {
    stopReacting()
    if (timer) clearTimeout(timer)
  }
}

function receiveRemotePresence(store: TLStore, awareness: Awareness) {
  const recordId = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))

  const apply = ({ added, updated, removed }: AwarenessChanges) => {
    const toPut: TLInstancePresence[] = []
    const toRemove = new Set<TLInstancePresence['id']>()
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const state: unknown = awareness.getStates().get(clientId)?.[PRESENCE_AWARENESS_FIELD]
      const presence = parseBoardPresence(state)
      const record = presence && toPresenceRecord(clientId, presence)
      if (record) toPut.push(record)
      else toRemove.add(recordId(clientId))
    }
    for (const clientId of removed) toRemove.add(recordId(clientId))
    const existing = [...toRemove].filter((id) => store.has(id))
    if (toPut.length === 0 && existing.length === 0) return
    store.mergeRemoteChanges(() => {
      if (existing.length > 0) store.remove(existing)
      if (toPut.length > 0) store.put(toPut)
    })
  }

  const toPresenceRecord = (clientId: number, presence: BoardPresence): TLInstancePresence | null => {
    if (!PageRecordType.isId(presence.pageId)) return null
    return InstancePresenceRecordType.create({
      id: recordId(clientId),
      userId: createUserId(presence.userId),
      userName: presence.name,
      color: presence.color,
      currentPageId: presence.pageId,
      cursor: presence.cursor ? { ...presence.cursor, type: 'default', rotation: 0 } : null,
      selectedShapeIds: presence.selectedShapeIds.filter(isShapeId),
      // Our clock, not theirs: tldraw hides cursors that look idle, and peers' clocks may be off by minutes.
      // A change event means the peer just did something.
      lastActivityTimestamp: Date.now(),
    })
  }

  const onChange = (changes: AwarenessChanges) => apply(changes)
  awareness.on('change', onChange)
  // Peers already known before we started listening.
  apply({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    awareness.off('change', onChange)
    const ours = store.query.records('instance_presence').get().map((record) => record.id)
    if (ours.length > 0) store.mergeRemoteChanges(() => store.remove(ours))
  }
}
