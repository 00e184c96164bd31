import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  MalformedMessageError,
  readClientMessage,
  syncStep2Update,
} from './protocol.ts'

describe('readClientMessage', () => {
  it('reads the messages the stock client sends', () => {
    const doc = new Y.Doc()
    doc.getMap('m').set('a', 1)
    const update = Y.encodeStateAsUpdate(doc)
    expect(readClientMessage(encodeSyncUpdate(update))).toEqual({ kind: 'sync-update', update })
    const vector = Y.encodeStateVector(doc)
    expect(readClientMessage(encodeSyncStep1(vector))).toEqual({ kind: 'sync-step-1', stateVector: vector })
    expect(readClientMessage(Uint8Array.from([3]))).toEqual({ kind: 'query-awareness' })
    const awareness = encoding.createEncoder()
    encoding.writeVarUint(awareness, 1)
    encoding.writeVarUint8Array(awareness, Uint8Array.from([0]))
    expect(readClientMessage(encoding.toUint8Array(awareness))).toEqual({
      kind: 'awareness',
      update: Uint8Array.from([0]),
    })
  })

  it.each([
    ['empty frame', [], 'truncated message'],
    ['unknown kind', [7], 'unknown message kind 7'],
    ['auth is not accepted', [2, 0], 'unknown message kind 2'],
    ['unknown sync step', [0, 5, 0], 'unknown sync step 5'],
    ['missing payload length', [0, 2], 'truncated message'],
    ['length beyond the frame', [0, 2, 10, 1, 2], 'payload length exceeds the frame'],
    ['unterminated varuint', [0x80, 0x80], 'invalid varuint'],
  ])('refuses %s', (_label, bytes, message) => {
    expect(() => readClientMessage(Uint8Array.from(bytes))).toThrow(new MalformedMessageError(message))
  })
})

describe('syncStep2Update', () => {
  it('is the update inside a sync step 2, viewed in the frame rather than copied', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x'.repeat(300))
    const update = Y.encodeStateAsUpdate(doc)
    const frame = encodeSyncStep2(update)
    const inside = syncStep2Update(frame)
    expect(inside).toEqual(update)
    expect(inside.buffer).toBe(frame.buffer)
  })

  it('refuses any other frame', () => {
    expect(() => syncStep2Update(encodeSyncUpdate(new Uint8Array([0])))).toThrow(
      new MalformedMessageError('not a sync step 2'),
    )
  })
})
