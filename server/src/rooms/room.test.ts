import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { MemoryDocumentStore } from '../store/memoryStore.ts'
import { participantOnBoard, RecordingPeer } from '../../test/support/recordingPeer.ts'
import type { PeerAccess } from './peer.ts'
import { encodeSyncStep1, encodeSyncUpdate, readClientMessage } from './protocol.ts'
import { CompactionQueue } from './compactionQueue.ts'
import { Room } from './room.ts'
import { testRoomOptions as options } from '../../test/support/roomOptions.ts'

async function emptyRoom(store = new MemoryDocumentStore()) {
  return { room: new Room('test', store, await store.load('test'), options), store }
}

function editFrom(doc: Y.Doc, key: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getMap('records').set(key, { id: key, x: 1 })
  return Y.encodeStateAsUpdate(doc, before)
}

describe('Room', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('encodes the whole board once per version for every newcomer, and again after an update', async () => {
    const { room } = await emptyRoom()
    const writer = new RecordingPeer()
    room.add(writer)
    room.receive(writer, { kind: 'sync-update', update: editFrom(new Y.Doc(), 'shape:a') })
    await room.flushed()
    const askForEverything = readClientMessage(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
    // A state vector naming only a client the board has never heard of asks for everything too.
    const stranger = new Y.Doc()
    stranger.getMap('m').set('x', 1)
    const askAsStranger = readClientMessage(encodeSyncStep1(Y.encodeStateVector(stranger)))
    const answerTo = async (...messages: ReturnType<typeof readClientMessage>[]) => {
      const newcomers = messages.map(() => new RecordingPeer())
      newcomers.forEach((peer, i) => {
        room.add(peer)
        room.receive(peer, messages[i] as ReturnType<typeof readClientMessage>)
      })
      await room.flushed()
      return newcomers.map((peer) => peer.frames.find((frame) => frame[0] === 0 && frame[1] === 1))
    }

    const [first, second, third] = await answerTo(askForEverything, askForEverything, askAsStranger)
    expect(first).toBeDefined()
    // The very same bytes: one encoding for all three.
    expect(second).toBe(first)
    expect(third).toBe(first)

    room.receive(writer, { kind: 'sync-update', update: editFrom(new Y.Doc(), 'shape:b') })
    await room.flushed()
    const [afterUpdate] = await answerTo(askForEverything)
    expect(afterUpdate).not.toBe(first)
    expect((afterUpdate as Uint8Array).byteLength).toBeGreaterThan((first as Uint8Array).byteLength)
    room.destroy()
  })

  it('relays an update encoded once: every other peer receives the very same bytes, the sender none', async () => {
    const { room } = await emptyRoom()
    const [sender, b, c] = [new RecordingPeer(), new RecordingPeer(), new RecordingPeer()]
    for (const peer of [sender, b, c]) room.add(peer)
    for (const peer of [sender, b, c]) peer.frames.length = 0

    const client = new Y.Doc()
    room.receive(sender, readClientMessage(encodeSyncUpdate(editFrom(client, 'shape:a'))))
    await room.flushed()

    expect(sender.frames).toHaveLength(0)
    expect(b.frames).toHaveLength(1)
    expect(c.frames).toHaveLength(1)
    expect(b.frames[0]).toBe(c.frames[0])
    room.destroy()
  })

  it('batches the updates of one event-loop turn into one stored and relayed update', async () => {
    const store = new MemoryDocumentStore()
    const { room } = await emptyRoom(store)
    const [a, b, watcher] = [new RecordingPeer(), new RecordingPeer(), new RecordingPeer()]
    for (const peer of [a, b, watcher]) room.add(peer)
    for (const peer of [a, b, watcher]) peer.frames.length = 0
    const [docA, docB] = [new Y.Doc(), new Y.Doc()]
    for (let i = 0; i < 5; i++) room.receive(a, { kind: 'sync-update', update: editFrom(docA, `shape:a${i}`) })
    room.receive(b, { kind: 'sync-update', update: editFrom(docB, 'shape:b') })
    await room.flushed()

    expect(watcher.frames).toHaveLength(1)
    expect((await store.load('test')).updates).toHaveLength(1)
    const seen = new Y.Doc()
    const message = readClientMessage(watcher.frames[0] as Uint8Array)
    if (message.kind !== 'sync-update') throw new Error(`expected an update, got ${message.kind}`)
    Y.applyUpdate(seen, message.update)
    expect([...seen.getMap('records').keys()].sort()).toEqual([
      'shape:a0',
      'shape:a1',
      'shape:a2',
      'shape:a3',
      'shape:a4',
      'shape:b',
    ])
    // Each sender gets the batch too, for the other sender's part.
    expect(a.frames).toHaveLength(1)
    expect(b.frames).toHaveLength(1)
    room.destroy()
  })

  it("answers a newcomer's sync step 1 only once the edits it carries are committed", async () => {
    const store = new MemoryDocumentStore()
    const events: string[] = []
    const append = store.append.bind(store)
    // A disk that answers when the test says so.
    let answerDisk = () => {}
    const diskAnswers = new Promise<void>((resolve) => (answerDisk = resolve))
    store.append = async (room, update) => {
      await diskAnswers
      events.push('stored')
      return append(room, update)
    }
    const { room } = await emptyRoom(store)
    const [writer, newcomer] = [new RecordingPeer(), new RecordingPeer()]
    room.add(writer)
    room.receive(writer, { kind: 'sync-update', update: editFrom(new Y.Doc(), 'shape:a') })
    newcomer.send = (frame) => {
      const message = readClientMessage(frame)
      if (frame[0] === 0 && frame[1] === 1) events.push(`step 2 (${message.kind})`)
    }
    room.receive(newcomer, { kind: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) })
    await nextTurn()
    expect(events).toEqual([])
    answerDisk()
    await room.flushed()
    await vi.waitFor(() => expect(events).toHaveLength(2))
    expect(events).toEqual(['stored', 'step 2 (sync-step-2)'])
    room.destroy()
  })

  it('refuses an update that builds on data the room does not have, and keeps nothing of it', async () => {
    const { room, store } = await emptyRoom()
    const [sender, other] = [new RecordingPeer(), new RecordingPeer()]
    room.add(sender)
    room.add(other)
    other.frames.length = 0
    const client = new Y.Doc()
    editFrom(client, 'shape:never-sent')
    for (let i = 0; i < 100; i++) {
      const update = editFrom(client, `shape:${i}`)
      expect(() => room.receive(sender, { kind: 'sync-update', update })).toThrow(
        'the update needs data the board does not have',
      )
    }
    await room.flushed()
    expect(room.doc.store.pendingStructs).toBeNull()
    expect(room.doc.store.pendingDs).toBeNull()
    expect(other.frames).toHaveLength(0)
    expect((await store.load('test')).updates).toHaveLength(0)
    // A newcomer's sync step 2 carries none of it.
    const newcomer = new RecordingPeer()
    room.receive(newcomer, { kind: 'sync-step-1', stateVector: Y.encodeStateVector(new Y.Doc()) })
    await room.flushed()
    const answer = readClientMessage(newcomer.frames[0] as Uint8Array)
    if (answer.kind !== 'sync-step-2') throw new Error(`expected sync step 2, got ${answer.kind}`)
    const seen = new Y.Doc()
    Y.applyUpdate(seen, answer.update)
    expect(seen.getMap('records').size).toBe(0)
    room.destroy()
  })

  it('stores an update before relaying it', async () => {
    const store = new MemoryDocumentStore()
    const events: string[] = []
    const append = store.append.bind(store)
    store.append = async (room, update) => {
      await nextTurn() // a slow disk, answering a turn of the event loop later: the relay must wait for it
      events.push('stored')
      return append(room, update)
    }
    const { room } = await emptyRoom(store)
    const [sender, other] = [new RecordingPeer(), new RecordingPeer()]
    room.add(sender)
    room.add(other)
    other.send = () => events.push('relayed')
    room.receive(sender, readClientMessage(encodeSyncUpdate(editFrom(new Y.Doc(), 'shape:a'))))
    await new Promise((r) => setImmediate(r))
    room.receive(sender, readClientMessage(encodeSyncUpdate(editFrom(new Y.Doc(), 'shape:b'))))
    await room.flushed()
    expect(events).toEqual(['stored', 'relayed', 'stored', 'relayed'])
    room.destroy()
  })

  it('does not relay an update it could not store, and tells the sender', async () => {
    const store = new MemoryDocumentStore()
    store.append = () => Promise.reject(new Error('disk full'))
    const { room } = await emptyRoom(store)
    const [sender, other] = [new RecordingPeer(), new RecordingPeer()]
    room.add(sender)
    room.add(other)
    other.frames.length = 0
    const quiet = console.error
    console.error = () => {}
    try {
      room.receive(sender, readClientMessage(encodeSyncUpdate(editFrom(new Y.Doc(), 'shape:a'))))
      await room.flushed()
    } finally {
      console.error = quiet
    }
    expect(other.frames).toHaveLength(0)
    // The room now holds what the store does not: everyone reconnects to a fresh load and resyncs.
    expect(room.broken).toBe(true)
    expect(sender.closedWith).toEqual({ code: 1011, reason: 'could not save the change; reconnect to resync' })
    expect(other.closedWith).toEqual(sender.closedWith)
    room.destroy()
  })

  it.each([
    // A budget so small that one frame to two peers takes a second of it.
    ['when a room would pass its awareness byte budget', { awarenessBytesPerSecond: 100 }],
    ['when the server is saturated', { slowdown: () => 16 }],
  ])('lengthens the awareness tick %s', async (_label, override) => {
    vi.useFakeTimers()
    const store = new MemoryDocumentStore()
    const room = new Room('test', store, await store.load('test'), { ...options, ...override })
    const [mover, watcher] = [new RecordingPeer(), new RecordingPeer()]
    room.add(mover)
    room.add(watcher)
    watcher.frames.length = 0
    const clientDoc = new Y.Doc()
    const clientAwareness = new awarenessProtocol.Awareness(clientDoc)
    const move = (x: number) => {
      clientAwareness.setLocalStateField('cursor', { x, y: 0, padding: 'x'.repeat(40) })
      room.receive(mover, {
        kind: 'awareness',
        update: awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [clientDoc.clientID]),
      })
    }
    move(1)
    await vi.advanceTimersByTimeAsync(40)
    expect(watcher.framesOfKind(1)).toHaveLength(1)
    move(2)
    await vi.advanceTimersByTimeAsync(200)
    // At the 20 ms base tick this would have gone out long ago; the budget holds it back.
    expect(watcher.framesOfKind(1)).toHaveLength(1)
    clientAwareness.destroy()
    room.destroy()
  })

  it('merges awareness changes of one tick into one message to each peer, with the latest state', async () => {
    vi.useFakeTimers()
    const { room } = await emptyRoom()
    const [mover, watcher] = [new RecordingPeer(), new RecordingPeer()]
    room.add(mover)
    room.add(watcher)
    watcher.frames.length = 0

    const clientDoc = new Y.Doc()
    const clientAwareness = new awarenessProtocol.Awareness(clientDoc)
    for (let x = 0; x < 10; x++) {
      clientAwareness.setLocalStateField('cursor', { x, y: 0 })
      const update = awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [clientDoc.clientID])
      room.receive(mover, { kind: 'awareness', update })
    }
    expect(watcher.framesOfKind(1)).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(60)
    const frames = watcher.framesOfKind(1)
    expect(frames).toHaveLength(1)

    const received = new awarenessProtocol.Awareness(new Y.Doc())
    const decoder = decoding.createDecoder(frames[0] as Uint8Array)
    decoding.readVarUint(decoder)
    awarenessProtocol.applyAwarenessUpdate(received, decoding.readVarUint8Array(decoder), null)
    expect(received.getStates().get(clientDoc.clientID)).toEqual({
      cursor: { x: 9, y: 0 },
      identity: participantOnBoard.identity,
    })
    clientAwareness.destroy()
    received.destroy()
    room.destroy()
  })

  it('lets a connection speak only for its own awareness clients, and for a few at most', async () => {
    const { room } = await emptyRoom()
    const [owner, intruder] = [new RecordingPeer(), new RecordingPeer()]
    room.add(owner)
    room.add(intruder)
    const victimDoc = new Y.Doc()
    const victim = new awarenessProtocol.Awareness(victimDoc)
    victim.setLocalState({ name: 'Jan' })
    room.receive(owner, {
      kind: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(victim, [victimDoc.clientID]),
    })
    // The intruder replays the victim's id with a newer clock, then leaves: neither touches the victim.
    victim.setLocalState({ name: 'niet Jan' })
    room.receive(intruder, {
      kind: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(victim, [victimDoc.clientID]),
    })
    room.remove(intruder)
    expect(room.presence.stateOf(victimDoc.clientID)).toEqual({ name: 'Jan', identity: participantOnBoard.identity })

    const many = Array.from({ length: 6 }, () => new awarenessProtocol.Awareness(new Y.Doc()))
    for (const awareness of many) {
      awareness.setLocalState({ n: 1 })
      room.receive(owner, {
        kind: 'awareness',
        update: awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]),
      })
    }
    // The owner already speaks for the victim; three more are accepted, the rest refused.
    expect(many.filter((awareness) => room.presence.has(awareness.clientID))).toHaveLength(3)
    for (const awareness of [victim, ...many]) awareness.destroy()
    room.destroy()
  })

  it('counts the awareness ids one message would add before applying it: fifty in one message get four', async () => {
    const { room } = await emptyRoom()
    const [flooder, watcher] = [new RecordingPeer(), new RecordingPeer()]
    room.add(flooder)
    room.add(watcher)
    const many = Array.from({ length: 50 }, () => new awarenessProtocol.Awareness(new Y.Doc()))
    const states = new Map<number, Record<string, unknown>>(many.map((awareness) => [awareness.clientID, { n: 1 }]))
    // One update naming all fifty, as a hostile client would build it.
    const carrier = many[0] as awarenessProtocol.Awareness
    for (const awareness of many) {
      carrier.states.set(awareness.clientID, states.get(awareness.clientID) ?? {})
      carrier.meta.set(awareness.clientID, { clock: 1, lastUpdated: Date.now() })
    }
    room.receive(flooder, {
      kind: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(carrier, [...states.keys()]),
    })
    expect(room.presence.size).toBe(4)
    for (const awareness of many) awareness.destroy()
    room.destroy()
  })

  it('removes the presence of a peer that leaves without saying goodbye', async () => {
    const { room } = await emptyRoom()
    const [leaver, stayer] = [new RecordingPeer(), new RecordingPeer()]
    room.add(leaver)
    room.add(stayer)
    const clientDoc = new Y.Doc()
    const clientAwareness = new awarenessProtocol.Awareness(clientDoc)
    clientAwareness.setLocalStateField('user', { name: 'Jan' })
    room.receive(leaver, {
      kind: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(clientAwareness, [clientDoc.clientID]),
    })
    expect(room.presence.has(clientDoc.clientID)).toBe(true)
    room.remove(leaver)
    expect(room.presence.has(clientDoc.clientID)).toBe(false)
    clientAwareness.destroy()
    room.destroy()
  })

  it('compacts the log into one snapshot, without rewriting a large board after every small edit', async () => {
    const store = new MemoryDocumentStore()
    let compactions = 0
    let compacted: () => void = () => {}
    const firstCompaction = new Promise<void>((resolve) => (compacted = resolve))
    const compact = store.compact.bind(store)
    store.compact = (room, snapshot, through) => {
      compactions++
      compacted()
      return compact(room, snapshot, through)
    }
    // A queue of its own, so that no other test's compaction stands before this room's.
    const queue = new CompactionQueue(0)
    const room = new Room('test', store, await store.load('test'), {
      ...options,
      compactions: queue,
      compactAfterBytes: 1024,
      compactAfterUpdates: 1000,
    })
    const peer = new RecordingPeer()
    room.add(peer)
    const client = new Y.Doc()
    const big = new Y.Doc()
    big.getMap('records').set('shape:big', new Uint8Array(64 * 1024))
    room.receive(peer, { kind: 'sync-update', update: Y.encodeStateAsUpdate(big) })
    await room.flushed()
    room.receive(peer, { kind: 'sync-update', update: editFrom(client, 'shape:first') })
    await room.flushed()
    await firstCompaction
    expect(compactions).toBe(1)
    for (let i = 0; i < 200; i++) room.receive(peer, { kind: 'sync-update', update: editFrom(client, `shape:${i}`) })
    await room.flushed()
    await queue.idle()
    // 200 small edits are far less than the 64 KiB snapshot: no rewrite yet.
    expect(compactions).toBe(1)
    const restored = new Y.Doc()
    for (const update of (await store.load('test')).updates) Y.applyUpdate(restored, update)
    expect(restored.getMap('records').size).toBe(202)
    room.destroy()
  })

  it('starts the snapshot size from what it loaded: a loaded large board is not rewritten for one small edit', async () => {
    const store = new MemoryDocumentStore()
    const big = new Y.Doc()
    big.getMap('records').set('shape:big', new Uint8Array(64 * 1024))
    const through = await store.append('test', Y.encodeStateAsUpdate(big))
    await store.compact('test', Y.encodeStateAsUpdate(big), through)
    let compactions = 0
    const compact = store.compact.bind(store)
    store.compact = (room, snapshot, throughSeq) => {
      compactions++
      return compact(room, snapshot, throughSeq)
    }
    const queue = new CompactionQueue(0)
    const room = new Room('test', store, await store.load('test'), {
      ...options,
      compactions: queue,
      compactAfterBytes: 1024,
      compactAfterUpdates: 1000,
    })
    const peer = new RecordingPeer()
    room.add(peer)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(big))
    room.receive(peer, { kind: 'sync-update', update: editFrom(client, 'shape:small') })
    await room.flushed()
    // A compaction would have been queued by the time the append is stored; the queue's turn ends after it.
    await queue.idle()
    expect(compactions).toBe(0)
    room.destroy()
  })
})

describe('Room rights (role × room × message kind)', () => {
  const observer: PeerAccess = {
    role: 'observer',
    room: 'board',
    identity: { participantId: null, name: '', role: 'observer' },
  }
  const participantInControl: PeerAccess = { ...participantOnBoard, room: 'control' }

  it("refuses a read-only connection's update: not applied, not stored, not relayed, sender closed with 4403", async () => {
    const { room, store } = await emptyRoom()
    const reader = new RecordingPeer(observer)
    const other = new RecordingPeer()
    room.add(reader)
    room.add(other)
    const framesBefore = other.frames.length
    room.receive(reader, readClientMessage(encodeSyncUpdate(editFrom(new Y.Doc(), 'sticky'))))
    await room.flushed()
    expect(reader.closedWith).toEqual({ code: 4403, reason: 'read-only' })
    expect(room.doc.getMap('records').size).toBe(0)
    expect((await store.load('test')).updates).toEqual([])
    expect(other.frames.length).toBe(framesBefore)
  })

  it('refuses a participant writing the control room', async () => {
    const { room } = await emptyRoom()
    const participant = new RecordingPeer(participantInControl)
    room.add(participant)
    room.receive(participant, readClientMessage(encodeSyncUpdate(editFrom(new Y.Doc(), 'stage'))))
    expect(participant.closedWith?.code).toBe(4403)
    expect(room.doc.getMap('records').size).toBe(0)
  })

  it("lets a read-only connection's sync step 2 through when it carries nothing new (the stock client's answer)", async () => {
    const { room } = await emptyRoom()
    const writer = new RecordingPeer()
    room.add(writer)
    const history = new Y.Doc()
    room.receive(writer, readClientMessage(encodeSyncUpdate(editFrom(history, 'a'))))
    history.getMap('records').delete('a')
    room.receive(writer, readClientMessage(encodeSyncUpdate(Y.encodeStateAsUpdate(history))))
    await room.flushed()
    // The observer has everything (it synced); its answer carries its delete set and nothing else.
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(room.doc))
    const reader = new RecordingPeer(observer)
    room.add(reader)
    const answer = Y.encodeStateAsUpdate(replica, Y.encodeStateVector(room.doc))
    room.receive(reader, { kind: 'sync-step-2', update: answer })
    expect(reader.closedWith).toBeUndefined()
    // …but not when it would change the board.
    replica.getMap('records').set('b', { id: 'b' })
    room.receive(reader, { kind: 'sync-step-2', update: Y.encodeStateAsUpdate(replica, Y.encodeStateVector(room.doc)) })
    expect(reader.closedWith?.code).toBe(4403)
    expect(room.doc.getMap('records').has('b')).toBe(false)
  })

  it('lets every role show presence, with the identity the server knows written over what the browser claims', async () => {
    const { room } = await emptyRoom()
    const reader = new RecordingPeer(observer)
    room.add(reader)
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({
      presence: { name: 'De Facilitator' },
      identity: { name: 'Facilitator', role: 'facilitator' },
    })
    room.receive(reader, {
      kind: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
    })
    expect(reader.closedWith).toBeUndefined()
    expect(room.presence.stateOf(doc.clientID)).toEqual({
      presence: { name: 'De Facilitator' },
      identity: { participantId: null, name: '', role: 'observer' },
    })
  })

  it('lets a read-only connection answer once: a second sync step 2 is not what the stock client sends', async () => {
    const { room } = await emptyRoom()
    const reader = new RecordingPeer(observer)
    room.add(reader)
    const empty = Y.encodeStateAsUpdate(new Y.Doc())
    room.receive(reader, { kind: 'sync-step-2', update: empty })
    expect(reader.closedWith).toBeUndefined()
    room.receive(reader, { kind: 'sync-step-2', update: empty })
    expect(reader.closedWith).toEqual({ code: 4403, reason: 'read-only' })
  })

  it('closes a peer whose awareness state is not JSON with 1007 when it was to be sent; the others never get it', async () => {
    vi.useFakeTimers()
    const { room } = await emptyRoom()
    const [sender, other] = [new RecordingPeer(), new RecordingPeer()]
    room.add(sender)
    room.add(other)
    const valid = new awarenessProtocol.Awareness(new Y.Doc())
    valid.setLocalState({ cursor: { x: 1 } })
    room.receive(sender, {
      kind: 'awareness',
      update: awarenessProtocol.encodeAwarenessUpdate(valid, [valid.clientID]),
    })
    await vi.advanceTimersByTimeAsync(options.awarenessTickMs * 3)
    // The same client, next clock, with a state that is not JSON: framed correctly, so it is taken at first.
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, valid.clientID)
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarString(encoder, '{"cursor":')
    room.receive(sender, { kind: 'awareness', update: encoding.toUint8Array(encoder) })
    expect(sender.closedWith).toBeUndefined()
    await vi.advanceTimersByTimeAsync(options.awarenessTickMs * 3)
    expect(sender.closedWith).toEqual({ code: 1007, reason: 'malformed message: invalid awareness state' })
    // What the other peer was sent: the valid state, then its removal; never the broken one.
    const seen = new awarenessProtocol.Awareness(new Y.Doc())
    const states: unknown[] = []
    for (const frame of other.framesOfKind(1)) {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(decoder), null)
      states.push(seen.getStates().get(valid.clientID) ?? null)
    }
    expect(states.at(0)).toMatchObject({ cursor: { x: 1 } })
    expect(states.at(-1)).toBeNull()
    expect(room.presence.has(valid.clientID)).toBe(false)
    valid.destroy()
  })

  it('refuses an awareness state over the size limit, applying nothing of it', async () => {
    const { room } = await emptyRoom()
    const peer = new RecordingPeer()
    room.add(peer)
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ blob: 'x'.repeat(40 * 1024) })
    expect(() =>
      room.receive(peer, {
        kind: 'awareness',
        update: awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
      }),
    ).toThrow(/awareness state over/)
    expect(room.presence.has(doc.clientID)).toBe(false)
  })
})
