import { inInterest, interestArea, interestCell, interestKey, type InterestArea } from '@werkplaats/shared'
import type { Place } from './presence.ts'

/**
 * Presence by interest, for a crowded board: which of a tick's changed clients go to which peers now.
 *
 * Everyone gets removals, the facilitator's state and states without a cursor on a page (a stock y-websocket
 * client's, a pointer off the board) at once. A positioned cursor goes at once only to the peers whose view it
 * is in or near (`interestArea`); everyone else gets it with the next far frame (`RoomPresence`), rarely but
 * often enough that no client's awareness times out. Peers with equal interest areas form one group and get one
 * frame, encoded once; a peer whose own view is unknown (a stock client) is its own kind of group: it gets only
 * what goes to everyone.
 */
export interface InterestGroup<P> {
  peers: P[]
  /** The client ids its frame carries. */
  clientIds: number[]
}

export interface InterestPlan<P> {
  groups: InterestGroup<P>[]
  /** Positioned changes that some peers did not get now: they owe a far frame. */
  deferred: number[]
}

export function planByInterest<P>(
  peers: Iterable<P>,
  viewOf: (peer: P) => Place | null,
  changed: readonly number[],
  placeOf: (clientId: number) => Place | null,
  /** Clients whose states go to everyone whatever their place (the far frame's). */
  forEveryone: readonly number[] = [],
  /** At most this many positioned cursors per frame, the nearest to the middle of the group's view. */
  nearLimit = Number.POSITIVE_INFINITY,
): InterestPlan<P> {
  const everyone: number[] = [...forEveryone]
  const positioned: Array<{ clientId: number; pageId: string; cursor: { x: number; y: number } }> = []
  for (const clientId of changed) {
    const place = placeOf(clientId)
    if (!place || place.facilitator || !place.cursor) everyone.push(clientId)
    else positioned.push({ clientId, pageId: place.pageId, cursor: place.cursor })
  }

  const byKey = new Map<string, { area: InterestArea | null; peers: P[] }>()
  for (const peer of peers) {
    const view = viewOf(peer)
    const area = view?.viewport ? interestArea(view.pageId, view.viewport) : null
    const key = area ? interestKey(area) : ''
    const group = byKey.get(key)
    if (group) group.peers.push(peer)
    else byKey.set(key, { area, peers: [peer] })
  }

  const groups: InterestGroup<P>[] = []
  const missedBySome = new Set<number>()
  for (const { area, peers: members } of byKey.values()) {
    const near: Array<{ clientId: number; distance: number }> = []
    for (const { clientId, pageId, cursor } of positioned) {
      if (area && inInterest(area, pageId, cursor)) near.push({ clientId, distance: distanceToMiddle(area, cursor) })
      else missedBySome.add(clientId)
    }
    // A screen draws a bounded few cursors; more than that in one place would cost it bytes it cannot show.
    if (near.length > nearLimit) {
      near.sort((a, b) => a.distance - b.distance)
      for (const { clientId } of near.splice(nearLimit)) missedBySome.add(clientId)
    }
    const clientIds = [...everyone, ...near.map(({ clientId }) => clientId)]
    if (clientIds.length > 0) groups.push({ peers: members, clientIds })
  }
  return { groups, deferred: [...missedBySome] }
}

function distanceToMiddle(area: InterestArea, point: { x: number; y: number }): number {
  const middleX = ((area.x0 + area.x1) / 2) * interestCell
  const middleY = ((area.y0 + area.y1) / 2) * interestCell
  return Math.hypot(point.x - middleX, point.y - middleY)
}
