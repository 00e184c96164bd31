import {
  IDENTITY_AWARENESS_FIELD,
  parseBoardPresence,
  parseIdentity,
  PRESENCE_AWARENESS_FIELD,
  type BoardPresence,
  type Identity,
  type Role,
} from '@werkplaats/shared'
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

export interface PresenceNames {
  /** Our name in the session. Peers show the server's identity instead; this keeps our own state consistent. */
  own: string
  /** What to call someone the server knows by role only (observers share one token and have no name). */
  forRole: (role: Role) => string
}

/**
 * Presence through Yjs awareness: our colour, page, cursor (page coordinates) and selection go out in the
 * awareness field `presence`; every other participant's arrives as a tldraw `instance_presence` record, which
 * tldraw draws as a named cursor. Records are put as remote changes, so they never enter undo history, and
 * removed when the participant leaves (or when our own connection drops: y-websocket then clears peers).
 *
 * Who a peer is comes from the awareness field `identity`, which the server writes over every state from what
 * it knows of that connection's token. The name a browser claims in `presence` is never shown, so nobody can
 * pose as someone else (or as the facilitator); a state without an identity shows no cursor at all.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  preferences: Signal<TLUserPreferences>,
  names: PresenceNames,
): () => void {
  const stopPublishing = publishLocalPresence(store, awareness, preferences, names.own)
  const stopReceiving = receiveRemotePresence(store, awareness, names.forRole)
  return () => {
    stopPublishing()
    stopReceiving()
    awareness.setLocalStateField(PRESENCE_AWARENESS_FIELD, null)
  }
}

function publishLocalPresence(
  store: TLStore,
  awareness: Awareness,
  preferences: Signal<TLUserPreferences>,
  sessionName: string,
) {
  const user = computed<TLUser>('werkplaats presence user', () => {
    const prefs = preferences.get()
    return {
      id: createUserId(prefs.id),
      typeName: 'user',
      name: sessionName,
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
      name: record.userName.slice(0, 64),
      color: record.color,
      pageId: record.currentPageId,
      cursor: record.cursor ? { x: record.cursor.x, y: record.cursor.y } : null,
      selectedShapeIds: record.selectedShapeIds.slice(0, 500),
      ...viewportOf(record),
    }
    timer ??= setTimeout(flush, PUBLISH_INTERVAL_MS)
  })
  return () => {
    stopReacting()
    if (timer) clearTimeout(timer)
  }
}

/** The page area our screen shows, from tldraw's own presence (camera and screen size). */
function viewportOf(record: TLInstancePresence): Pick<BoardPresence, 'viewport'> {
  const { camera, screenBounds } = record
  if (!camera || !screenBounds || !(camera.z > 0) || !(screenBounds.w > 0) || !(screenBounds.h > 0)) return {}
  return { viewport: { x: -camera.x, y: -camera.y, w: screenBounds.w / camera.z, h: screenBounds.h / camera.z } }
}

function receiveRemotePresence(store: TLStore, awareness: Awareness, nameForRole: (role: Role) => string) {
  const apply = ({ added, updated, removed }: AwarenessChanges) => {
    const toPut: TLInstancePresence[] = []
    const toRemove = new Set<TLInstancePresence['id']>()
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue
      const record = trustedPresence(clientId, awareness.getStates().get(clientId), nameForRole)
      if (record) toPut.push(record)
      else toRemove.add(presenceRecordId(clientId))
    }
    for (const clientId of removed) toRemove.add(presenceRecordId(clientId))
    const existing = [...toRemove].filter((id) => store.has(id))
    if (toPut.length === 0 && existing.length === 0) return
    store.mergeRemoteChanges(() => {
      if (existing.length > 0) store.remove(existing)
      if (toPut.length > 0) store.put(toPut)
    })
  }

  const onChange = (changes: AwarenessChanges) => apply(changes)
  awareness.on('change', onChange)
  // Peers already known before we started listening.
  apply({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

  return () => {
    awareness.off('change', onChange)
    const ours = store.query
      .records('instance_presence')
      .get()
      .map((record) => record.id)
    if (ours.length > 0) store.mergeRemoteChanges(() => store.remove(ours))
  }
}

function presenceRecordId(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId))
}

/**
 * A peer's awareness state as a tldraw collaborator: where they are from their `presence`, who they are from
 * the server-stamped `identity`. Null when either is missing or malformed.
 */
export function trustedPresence(
  clientId: number,
  state: Record<string, unknown> | undefined,
  nameForRole: (role: Role) => string,
): TLInstancePresence | null {
  const presence = parseBoardPresence(state?.[PRESENCE_AWARENESS_FIELD])
  const identity = parseIdentity(state?.[IDENTITY_AWARENESS_FIELD])
  if (!presence || !identity || !PageRecordType.isId(presence.pageId)) return null
  return InstancePresenceRecordType.create({
    id: presenceRecordId(clientId),
    userId: createUserId(collaboratorId(clientId, identity)),
    userName: identity.name || nameForRole(identity.role),
    color: presence.color,
    currentPageId: presence.pageId,
    cursor: presence.cursor ? { ...presence.cursor, type: 'default', rotation: 0 } : null,
    selectedShapeIds: presence.selectedShapeIds.filter(isShapeId),
    // tldraw's follow reads a leader's view from camera and screen size; a page viewport is both at zoom 1.
    ...(presence.viewport
      ? {
          camera: { x: -presence.viewport.x, y: -presence.viewport.y, z: 1 },
          screenBounds: { x: 0, y: 0, w: presence.viewport.w, h: presence.viewport.h },
        }
      : {}),
    // Our clock, not theirs: tldraw hides cursors that look idle, and peers' clocks may be off by minutes.
    // A change event means the peer just did something.
    lastActivityTimestamp: Date.now(),
  })
}

/** One id per person: a participant's tabs share it; observers (one shared token) are told apart by connection. */
function collaboratorId(clientId: number, identity: Identity): string {
  return identity.participantId ?? `${identity.role}-${clientId}`
}
