import {
  cursorMode,
  IDENTITY_AWARENESS_FIELD,
  parseBoardPresence,
  parseIdentity,
  PRESENCE_AWARENESS_FIELD,
  selectCursors,
  type BoardPresence,
  type CursorCandidate,
  type CursorMode,
  type CursorSetting,
  type PagePoint,
  type PageRect,
  type Identity,
  type Role,
} from '@werkplaats/shared'
import {
  atom,
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
import { nextFrame, type FrameScheduler } from '../storeBinding/nextFrame.ts'

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
 *
 * A crowd costs what one screen can show: awareness changes are gathered and applied once per frame, and only
 * the cursors `selectCursors` picks for our view become records (in crowd mode a bounded few and the
 * facilitator's; see `@werkplaats/shared`'s presence/crowd.ts). `crowd` says which mode is on and how many
 * people are not drawn.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  preferences: Signal<TLUserPreferences>,
  names: PresenceNames,
  options: PresenceOptions = {},
): PresenceBinding {
  const own = ownPresence(store, awareness, preferences, names.own)
  const stopPublishing = publishLocalPresence(awareness, own, preferences)
  const viewer = computed<CursorViewerState>('cursor viewer', () => viewerOf(own.get()))
  const receiving = receiveRemotePresence(store, awareness, names.forRole, viewer, options)
  return {
    crowd: receiving.crowd,
    stop: () => {
      stopPublishing()
      receiving.stop()
      awareness.setLocalStateField(PRESENCE_AWARENESS_FIELD, null)
    },
  }
}

/** Our own presence as tldraw derives it from the store (page, cursor, camera, screen size, selection). */
function ownPresence(
  store: TLStore,
  awareness: Awareness,
  preferences: Signal<TLUserPreferences>,
  sessionName: string,
): Signal<TLInstancePresence | null> {
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
  return createPresenceStateDerivation(user, {
    instanceId: InstancePresenceRecordType.createId(String(awareness.clientID)),
  })(store)
}

function publishLocalPresence(
  awareness: Awareness,
  presence: Signal<TLInstancePresence | null>,
  preferences: Signal<TLUserPreferences>,
) {
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

/** What we look at and point at: which of the crowd's cursors matter to us. */
interface CursorViewerState {
  pageId: string | null
  viewport: PageRect | null
  pointer: PagePoint | null
}

function viewerOf(record: TLInstancePresence | null): CursorViewerState {
  if (!record) return { pageId: null, viewport: null, pointer: null }
  return {
    pageId: record.currentPageId,
    viewport: viewportOf(record).viewport ?? null,
    pointer: record.cursor ? { x: record.cursor.x, y: record.cursor.y } : null,
  }
}

/** The page area our screen shows, from tldraw's own presence (camera and screen size). */
function viewportOf(record: TLInstancePresence): Pick<BoardPresence, 'viewport'> {
  const { camera, screenBounds } = record
  if (!camera || !screenBounds || !(camera.z > 0) || !(screenBounds.w > 0) || !(screenBounds.h > 0)) return {}
  return { viewport: { x: -camera.x, y: -camera.y, w: screenBounds.w / camera.z, h: screenBounds.h / camera.z } }
}

/** The crowd as this screen draws it: how cursors are chosen now, and how many people are not drawn. */
export interface CrowdView {
  mode: CursorMode
  /** Everyone on the board whose cursor is not drawn (the "+N"). */
  others: number
}

export interface PresenceOptions {
  /** What the facilitator chose for everyone's cursors (the control room's `cursors`); `auto` when not given. */
  cursorSetting?: Signal<CursorSetting>
  /**
   * Runs `apply` before the next frame is drawn; returns a function that cancels it. Presence is applied at most
   * once per frame however many awareness messages arrive in between (`nextFrame` by default).
   */
  scheduleFrame?: FrameScheduler
}

export interface PresenceBinding {
  crowd: Signal<CrowdView>
  stop(): void
}

/** A peer's presence as last received: the record tldraw would draw, and when it last changed (our clock). */
interface PeerPresence {
  record: TLInstancePresence
  facilitator: boolean
}

function receiveRemotePresence(
  store: TLStore,
  awareness: Awareness,
  nameForRole: (role: Role) => string,
  viewer: Signal<CursorViewerState>,
  options: PresenceOptions,
) {
  const cursorSetting = options.cursorSetting ?? atom<CursorSetting>('cursor setting', 'auto')
  const scheduleFrame = options.scheduleFrame ?? nextFrame
  const crowd = atom<CrowdView>('crowd view', { mode: 'all', others: 0 })
  const peers = new Map<number, PeerPresence>()
  /** Peers whose awareness changed since the last frame. */
  const changed = new Set<number>()
  /** The peers whose records are in the store, as last put. */
  let drawn = new Set<number>()
  let cancelFrame: (() => void) | null = null

  let frameDue = false

  const applyFrame = () => {
    frameDue = false
    cancelFrame = null
    for (const clientId of changed) {
      const record =
        clientId === awareness.clientID
          ? null
          : trustedPresence(clientId, awareness.getStates().get(clientId), nameForRole)
      if (record) peers.set(clientId, { record, facilitator: isFacilitatorState(awareness, clientId) })
      else peers.delete(clientId)
    }
    const { pageId, viewport, pointer } = viewer.get()
    const candidates: CursorCandidate<number>[] = []
    for (const [id, { record, facilitator }] of peers) {
      const onOurPage = pageId === null || record.currentPageId === pageId
      candidates.push({
        id,
        cursor: onOurPage && record.cursor ? record.cursor : null,
        activeAt: record.lastActivityTimestamp ?? 0,
        facilitator,
      })
    }
    const currentMode = cursorMode(cursorSetting.get(), peers.size + 1)
    const selection = selectCursors(candidates, { viewport, pointer, shownBefore: drawn }, currentMode)
    const shown = new Set(selection.shown)
    const toPut = selection.shown
      .filter((id) => changed.has(id) || !drawn.has(id))
      .map((id) => (peers.get(id) as PeerPresence).record)
    const toRemove = [...drawn]
      .filter((id) => !shown.has(id))
      .map(presenceRecordId)
      .filter((id) => store.has(id))
    changed.clear()
    drawn = shown
    if (toPut.length > 0 || toRemove.length > 0) {
      store.mergeRemoteChanges(() => {
        if (toRemove.length > 0) store.remove(toRemove)
        if (toPut.length > 0) store.put(toPut)
      })
    }
    const before = crowd.get()
    if (before.mode !== currentMode || before.others !== selection.others) {
      crowd.set({ mode: currentMode, others: selection.others })
    }
  }
  const schedule = () => {
    if (frameDue) return
    frameDue = true
    const cancel = scheduleFrame(applyFrame)
    // A scheduler may run the frame at once (tests); then there is nothing left to cancel.
    if (frameDue) cancelFrame = cancel
  }

  const onChange = ({ added, updated, removed }: AwarenessChanges) => {
    for (const clientId of [...added, ...updated, ...removed]) changed.add(clientId)
    schedule()
  }
  awareness.on('change', onChange)
  // Peers already known before we started listening.
  for (const clientId of awareness.getStates().keys()) changed.add(clientId)
  schedule()
  // What we look at and point at, and the facilitator's choice, change which cursors are drawn.
  const stopFollowingViewer = react('select cursors for our view', () => {
    viewer.get()
    cursorSetting.get()
    schedule()
  })

  const stop = () => {
    awareness.off('change', onChange)
    stopFollowingViewer()
    cancelFrame?.()
    cancelFrame = null
    frameDue = false
    const ours = store.query
      .records('instance_presence')
      .get()
      .map((record) => record.id)
    if (ours.length > 0) store.mergeRemoteChanges(() => store.remove(ours))
  }
  return { crowd: crowd as Signal<CrowdView>, stop }
}

/** Whether the server-stamped identity of a peer's state is the facilitator's. */
function isFacilitatorState(awareness: Awareness, clientId: number): boolean {
  return parseIdentity(awareness.getStates().get(clientId)?.[IDENTITY_AWARENESS_FIELD])?.role === 'facilitator'
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
