import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BOARD_RECORDS_MAP,
  boardRecords,
  isBoardEmpty,
  readBoardRecords,
  readStoredSchema,
  writeStoredSchema,
} from './layout.ts'
import { parseBoardPresence } from './presence.ts'

describe('board layout', () => {
  it('keeps records by id in one map and the schema in meta', () => {
    const doc = new Y.Doc()
    expect(isBoardEmpty(doc)).toBe(true)
    expect(readStoredSchema(doc)).toBeNull()
    const schema = { schemaVersion: 2, sequences: { 'com.tldraw.page': 1 } }
    doc.transact(() => {
      boardRecords(doc).set('page:page', { id: 'page:page', typeName: 'page', name: 'Pagina 1' })
      writeStoredSchema(doc, schema)
    })
    expect(isBoardEmpty(doc)).toBe(false)
    expect(doc.getMap(BOARD_RECORDS_MAP).size).toBe(1)
    expect(readStoredSchema(doc)).toEqual({ schemaVersion: 2, sequences: { 'com.tldraw.page': 1 } })
  })

  it('survives a round trip through an update, as the server stores it', () => {
    const a = new Y.Doc()
    boardRecords(a).set('shape:x', { id: 'shape:x', typeName: 'shape', props: { text: 'hoi' } })
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readBoardRecords(b).get('shape:x')).toEqual({ id: 'shape:x', typeName: 'shape', props: { text: 'hoi' } })
  })

  it('skips malformed entries instead of passing them on', () => {
    const doc = new Y.Doc()
    const records = doc.getMap<unknown>(BOARD_RECORDS_MAP)
    records.set('shape:a', 'not a record')
    records.set('shape:b', { id: 'shape:other', typeName: 'shape' })
    records.set('shape:c', { id: 'shape:c', typeName: 'shape' })
    expect([...readBoardRecords(doc).keys()]).toEqual(['shape:c'])
  })

  it('two clients seeding the same deterministic ids end with one page', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    boardRecords(a).set('page:page', { id: 'page:page', typeName: 'page', name: 'Pagina 1' })
    boardRecords(b).set('page:page', { id: 'page:page', typeName: 'page', name: 'Page 1' })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect([...boardRecords(a).keys()]).toEqual(['page:page'])
    expect(boardRecords(a).get('page:page')).toEqual(boardRecords(b).get('page:page'))
  })
})

describe('board presence', () => {
  const valid = {
    userId: 'abc_123',
    name: 'Anna',
    color: '#ff8800',
    pageId: 'page:page',
    cursor: { x: 10, y: -4.5 },
    selectedShapeIds: ['shape:abc'],
  }

  it('accepts a well-formed presence', () => {
    expect(parseBoardPresence(valid)).toEqual(valid)
    expect(parseBoardPresence({ ...valid, cursor: null })).not.toBeNull()
    const viewport = { x: -120, y: 40, w: 1600, h: 900 }
    expect(parseBoardPresence({ ...valid, viewport })?.viewport).toEqual(viewport)
  })

  it('rejects what could harm other participants', () => {
    expect(parseBoardPresence({ ...valid, color: 'red;background:url(x)' })).toBeNull()
    expect(parseBoardPresence({ ...valid, name: 'x'.repeat(65) })).toBeNull()
    expect(parseBoardPresence({ ...valid, cursor: { x: Number.NaN, y: 0 } })).toBeNull()
    expect(parseBoardPresence({ ...valid, selectedShapeIds: Array(501).fill('shape:a') })).toBeNull()
    expect(parseBoardPresence({ ...valid, viewport: { x: 0, y: 0, w: 0, h: 10 } })).toBeNull()
    expect(parseBoardPresence({ ...valid, viewport: { x: Number.POSITIVE_INFINITY, y: 0, w: 1, h: 1 } })).toBeNull()
    expect(parseBoardPresence(null)).toBeNull()
  })
})
