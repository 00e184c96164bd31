import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PresenceTable, presenceTimeoutMs } from './presence.ts'
import { MalformedMessageError } from './protocol.ts'

/** A real y-protocols Awareness, as the browser has, to produce and read the bytes. */
function client(state: Record<string, unknown>) {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(state)
  return {
    id: doc.clientID,
    awareness,
    update: () => awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]),
  }
}

function readWithYProtocols(update: Uint8Array) {
  const reader = new awarenessProtocol.Awareness(new Y.Doc())
  awarenessProtocol.applyAwarenessUpdate(reader, update, null)
  return reader
}

describe('PresenceTable', () => {
  it('round-trips states so that y-protocols reads exactly what the client sent', () => {
    const table = new PresenceTable()
    const anouk = client({ user: { name: 'Anouk', color: '#e03131' }, cursor: { x: 1, y: 2 } })
    expect(table.apply(anouk.update())).toEqual({ changed: [anouk.id], present: [anouk.id], removed: [] })
    const reader = readWithYProtocols(table.encodePresent())
    expect(reader.getStates().get(anouk.id)).toEqual({
      user: { name: 'Anouk', color: '#e03131' },
      cursor: { x: 1, y: 2 },
    })
    anouk.awareness.destroy()
    reader.destroy()
  })

  it('keeps the newest state by clock and ignores an older one', () => {
    const table = new PresenceTable()
    const c = client({ cursor: { x: 0 } })
    const old = c.update()
    c.awareness.setLocalStateField('cursor', { x: 5 })
    table.apply(c.update())
    expect(table.apply(old).changed).toEqual([])
    expect(table.stateOf(c.id)).toEqual({ cursor: { x: 5 } })
    c.awareness.destroy()
  })

  it('removes a client that says goodbye, and one whose connection closed, so others see it leave', () => {
    const table = new PresenceTable()
    const a = client({ n: 'a' })
    const b = client({ n: 'b' })
    table.apply(a.update())
    table.apply(b.update())
    a.awareness.setLocalState(null)
    expect(table.apply(a.update()).removed).toEqual([a.id])
    expect(table.remove([b.id])).toEqual([b.id])
    expect(table.size).toBe(0)
    // A client that still shows both reads the removals.
    const reader = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(reader, awarenessProtocol.encodeAwarenessUpdate(b.awareness, [b.id]), null)
    awarenessProtocol.applyAwarenessUpdate(reader, table.encode([a.id, b.id]), null)
    expect(reader.getStates().has(b.id)).toBe(false)
    for (const x of [a, b]) x.awareness.destroy()
    reader.destroy()
  })

  it("accepts a reconnecting client's next state after its connection was dropped", () => {
    const table = new PresenceTable()
    const c = client({ n: 1 })
    table.apply(c.update())
    table.remove([c.id])
    c.awareness.setLocalStateField('n', 2)
    expect(table.apply(c.update()).present).toEqual([c.id])
    expect(table.stateOf(c.id)).toEqual({ n: 2 })
    c.awareness.destroy()
  })

  it('skips entries the caller does not accept', () => {
    const table = new PresenceTable()
    const c = client({ n: 1 })
    expect(table.apply(c.update(), Date.now(), () => false).changed).toEqual([])
    expect(table.has(c.id)).toBe(false)
    c.awareness.destroy()
  })

  it('expires clients that stopped renewing, and later forgets them', () => {
    const table = new PresenceTable()
    const c = client({ n: 1 })
    table.apply(c.update(), 0)
    expect(table.expire(presenceTimeoutMs - 1)).toEqual([])
    expect(table.expire(presenceTimeoutMs)).toEqual([c.id])
    table.prune(presenceTimeoutMs * 3)
    expect(table.encode([c.id])).toEqual(Uint8Array.from([0]))
    c.awareness.destroy()
  })

  it.each([
    ['a state longer than the frame', [1, 5, 1, 200, 0x7b]],
    ['a truncated entry', [2, 5, 1]],
  ])('refuses %s, applying nothing', (_label, bytes) => {
    const table = new PresenceTable()
    expect(() => table.apply(Uint8Array.from(bytes))).toThrow(MalformedMessageError)
    expect(table.size).toBe(0)
  })

  it.each([
    ['a state that is not JSON', [1, 5, 1, 3, 0x7b, 0x7b, 0x7b]],
    ['invalid UTF-8', [1, 5, 1, 2, 0xff, 0xfe]],
  ])('never sends %s: checked when first encoded, it becomes a removal and is reported', (_label, bytes) => {
    const rejected: number[] = []
    const table = new PresenceTable((id) => rejected.push(id))
    const valid = client({ n: 'valid' })
    table.apply(valid.update())
    expect(table.apply(Uint8Array.from(bytes)).changed).toEqual([5])
    const sent = readWithYProtocols(table.encode([valid.id, 5])).getStates()
    expect(sent.get(valid.id)).toEqual({ n: 'valid' })
    // A y-protocols reader takes a removal of a client it never saw as nothing at all.
    expect(sent.has(5)).toBe(false)
    expect(rejected).toEqual([5])
    // Reported once: encoded again, the entry is a removal, not a state to check.
    table.encode([valid.id, 5])
    expect(rejected).toEqual([5])
    expect(table.has(5)).toBe(false)
    valid.awareness.destroy()
  })

  it('takes a `null` state with blanks around it as a removal', () => {
    const table = new PresenceTable()
    const c = client({ n: 'c' })
    table.apply(c.update())
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, c.id)
    encoding.writeVarUint(encoder, 99)
    encoding.writeVarString(encoder, ' null\n')
    expect(table.apply(encoding.toUint8Array(encoder)).removed).toEqual([c.id])
    c.awareness.destroy()
  })

  describe('with the server-known identity', () => {
    const identity = { participantId: 'p1', name: 'Anouk "A" ⭐', role: 'participant' }
    /** One awareness update whose state is exactly `json` (as text, so odd spacing can be sent). */
    function rawUpdate(clientId: number, clock: number, json: string): Uint8Array {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarString(encoder, json)
      return encoding.toUint8Array(encoder)
    }

    it.each([
      ['a cursor state', '{"user":{"name":"x"},"cursor":{"x":1,"y":2}}'],
      ['an empty state', '{}'],
      ['an empty state with blanks', ' { \n } '],
      ['blanks after the closing brace', '{"a":1}  \n'],
      ['a brace inside a string at the end', '{"text":"}"}'],
      ['a state that claims an identity of its own', '{"identity":{"name":"De Baas","role":"facilitator"},"cursor":1}'],
    ])('stores %s as the state with the identity written in, readable by y-protocols', (_label, json) => {
      const table = new PresenceTable()
      table.apply(rawUpdate(7, 1, json), Date.now(), () => true, identity)
      const expected = { ...(JSON.parse(json) as object), identity }
      expect(table.stateOf(7)).toEqual(expected)
      expect(readWithYProtocols(table.encodePresent()).getStates().get(7)).toEqual(expected)
    })

    it('reads back each state exactly as one client sends longer and shorter ones (entries are rewritten in place)', () => {
      const table = new PresenceTable()
      const states = [
        '{"a":1}',
        `{"long":"${'x'.repeat(2000)}"}`,
        '{}',
        '{"b":[1,2,3]}',
        `{"c":"${'y'.repeat(300)}"}`,
        '{"d":0}',
      ]
      states.forEach((json, i) => {
        table.apply(rawUpdate(7, i + 1, json), Date.now(), () => true, identity)
        const expected = { ...(JSON.parse(json) as object), identity }
        expect(
          readWithYProtocols(table.encode([7]))
            .getStates()
            .get(7),
        ).toEqual(expected)
      })
    })

    it('refuses a state that starts with a byte-order mark, which clients could not parse', () => {
      const rejected: number[] = []
      const table = new PresenceTable((id) => rejected.push(id))
      table.apply(rawUpdate(7, 1, '\uFEFF{"cursor":1}'), Date.now(), () => true, identity)
      expect(
        readWithYProtocols(table.encode([7]))
          .getStates()
          .has(7),
      ).toBe(false)
      expect(rejected).toEqual([7])
    })

    it('lets the bytes of removed entries go: fresh ids with large states added and removed leave nothing large', () => {
      const table = new PresenceTable()
      const large = JSON.stringify({ blob: 'x'.repeat(30_000) })
      for (let id = 1; id <= 100; id++) {
        table.apply(rawUpdate(id, 1, large), Date.now(), () => true, identity)
        table.apply(rawUpdate(id, 2, 'null'), Date.now(), () => true, identity)
      }
      expect(table.size).toBe(0)
      expect(table.retainedBytes).toBe(0)
      // One client's buffer shrinks again when its state does.
      table.apply(rawUpdate(200, 1, large), Date.now(), () => true, identity)
      table.apply(rawUpdate(200, 2, '{"cursor":1}'), Date.now(), () => true, identity)
      expect(table.retainedBytes).toBeLessThan(4096)
      expect(table.stateOf(200)).toEqual({ cursor: 1, identity })
    })

    it('refuses a state that is not an object: never sent, reported when it was to be', () => {
      const rejected: number[] = []
      const table = new PresenceTable((id) => rejected.push(id))
      table.apply(rawUpdate(7, 1, '[1,2]'), Date.now(), () => true, identity)
      table.apply(rawUpdate(8, 1, '"x"'), Date.now(), () => true, identity)
      const sent = readWithYProtocols(table.encodePresent()).getStates()
      expect(sent.has(7) || sent.has(8)).toBe(false)
      expect(rejected.sort()).toEqual([7, 8])
      expect(table.size).toBe(0)
    })
  })
})
