import type { Identity } from '@werkplaats/shared'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { RecordingPeer } from '../../test/support/recordingPeer.ts'
import type { Peer } from './peer.ts'
import { RoomPresence } from './roomPresence.ts'

const farIntervalMs = 5000
const crowdTickMs = 50

/** Someone on the board: a recording peer with the y-protocols awareness its browser would have. */
function person(name: string, role: Identity['role'] = 'participant') {
  const identity: Identity = { participantId: `${name}-id`, name, role }
  const peer = new RecordingPeer({ role, room: 'board', identity })
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  /** What this person's browser knows of the others: every frame it was sent, applied. */
  const seen = new awarenessProtocol.Awareness(new Y.Doc())
  let read = 0
  return {
    peer,
    id: awareness.clientID,
    /** Publishes our presence: a cursor, and a view when we have one (a stock client has neither). */
    publish(presence: Record<string, unknown> | null) {
      awareness.setLocalState(presence ? { presence: { pageId: 'page:page', ...presence } } : { name })
      return awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
    },
    /** The cursor of `other` as this person's browser has it now. */
    cursorOf(other: { id: number }): unknown {
      for (const frame of peer.framesOfKind(1).slice(read)) {
        const decoder = decoding.createDecoder(frame)
        decoding.readVarUint(decoder)
        awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), 'server')
      }
      read = peer.framesOfKind(1).length
      return (seen.getStates().get(other.id) as { presence?: { cursor?: unknown } } | undefined)?.presence?.cursor
    },
  }
}

const view = (x: number, y: number) => ({ x, y, w: 1000, h: 800 })

describe('presence by interest on a crowded board', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function crowd() {
    const peers = new Set<Peer>()
    const presence = new RoomPresence(peers, {
      awarenessTickMs: 20,
      awarenessBytesPerSecond: 1 << 30,
      slowdown: () => 1,
      presenceInterestFrom: 4,
      presenceCrowdTickMs: crowdTickMs,
      presenceFarIntervalMs: farIntervalMs,
    })
    const people = {
      anna: person('Anna'),
      bert: person('Bert'),
      far: person('Verweg'),
      facilitator: person('Fien', 'facilitator'),
      stock: person('Stock'),
    }
    for (const { peer } of Object.values(people)) {
      peers.add(peer)
      presence.join(peer)
    }
    const { anna, bert, far, facilitator, stock } = people
    presence.receive(anna.peer, anna.publish({ cursor: { x: 100, y: 100 }, viewport: view(0, 0) }))
    presence.receive(bert.peer, bert.publish({ cursor: { x: 500, y: 400 }, viewport: view(200, 0) }))
    presence.receive(far.peer, far.publish({ cursor: { x: 90_000, y: 0 }, viewport: view(89_500, 0) }))
    presence.receive(
      facilitator.peer,
      facilitator.publish({ cursor: { x: -70_000, y: 0 }, viewport: view(-70_500, 0) }),
    )
    presence.receive(stock.peer, stock.publish(null))
    // Everyone's first state reaches everyone by the first far frame.
    vi.advanceTimersByTime(farIntervalMs + crowdTickMs)
    return { presence, peers, ...people }
  }

  it("sends the cursors near a view at once, the facilitator's to everyone, and the rest with the far frame", () => {
    const { presence, anna, bert, far, facilitator, stock } = crowd()
    expect(anna.cursorOf(far)).toEqual({ x: 90_000, y: 0 })

    presence.receive(bert.peer, bert.publish({ cursor: { x: 600, y: 450 }, viewport: view(200, 0) }))
    presence.receive(far.peer, far.publish({ cursor: { x: 90_100, y: 0 }, viewport: view(89_500, 0) }))
    presence.receive(
      facilitator.peer,
      facilitator.publish({ cursor: { x: -70_100, y: 0 }, viewport: view(-70_500, 0) }),
    )
    vi.advanceTimersByTime(crowdTickMs)

    expect(anna.cursorOf(bert)).toEqual({ x: 600, y: 450 })
    expect(anna.cursorOf(facilitator)).toEqual({ x: -70_100, y: 0 })
    expect(anna.cursorOf(far)).toEqual({ x: 90_000, y: 0 })
    // A stock client reports no view: it gets the facilitator at once and everyone else rarely.
    expect(stock.cursorOf(facilitator)).toEqual({ x: -70_100, y: 0 })
    expect(stock.cursorOf(bert)).toEqual({ x: 500, y: 400 })

    vi.advanceTimersByTime(farIntervalMs)
    expect(anna.cursorOf(far)).toEqual({ x: 90_100, y: 0 })
    expect(stock.cursorOf(bert)).toEqual({ x: 600, y: 450 })
    presence.destroy()
  })

  it('encodes one frame for everyone who looks at the same place', () => {
    const { presence, peers, anna, bert, far } = crowd()
    const twin = person('Tweeling')
    // Anna's twin looks where Anna looks; both get the same frame object.
    peers.add(twin.peer)
    presence.join(twin.peer)
    presence.receive(twin.peer, twin.publish({ cursor: null, viewport: view(0, 0) }))
    vi.advanceTimersByTime(crowdTickMs)
    const annaFrames = anna.peer.frames.length
    const twinFrames = twin.peer.frames.length
    presence.receive(bert.peer, bert.publish({ cursor: { x: 700, y: 300 }, viewport: view(200, 0) }))
    presence.receive(far.peer, far.publish({ cursor: { x: 90_200, y: 0 }, viewport: view(89_500, 0) }))
    vi.advanceTimersByTime(crowdTickMs)
    expect(anna.peer.frames.slice(annaFrames)).toHaveLength(1)
    expect(twin.peer.frames.slice(twinFrames)).toEqual(anna.peer.frames.slice(annaFrames))
    expect(twin.peer.frames.at(-1)).toBe(anna.peer.frames.at(-1))
    presence.destroy()
  })

  it('below the threshold everyone gets everything at once, as before', () => {
    const peers = new Set<Peer>()
    const presence = new RoomPresence(peers, {
      awarenessTickMs: 20,
      awarenessBytesPerSecond: 1 << 30,
      slowdown: () => 1,
    })
    const anna = person('Anna')
    const far = person('Verweg')
    for (const { peer } of [anna, far]) {
      peers.add(peer)
      presence.join(peer)
    }
    presence.receive(anna.peer, anna.publish({ cursor: { x: 0, y: 0 }, viewport: view(0, 0) }))
    presence.receive(far.peer, far.publish({ cursor: { x: 90_000, y: 0 }, viewport: view(89_500, 0) }))
    vi.advanceTimersByTime(20)
    expect(anna.cursorOf(far)).toEqual({ x: 90_000, y: 0 })
    presence.destroy()
  })
})
