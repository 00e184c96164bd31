import { boardRecords, defaultFacilitationState, readStoredSchema, writeStoredSchema } from '@werkplaats/shared'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLPage,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { BoardLoadError, bindStoreToDoc, type StoreBinding, type StoreBindingOptions } from './storeBinding.ts'
import { boardStore, laidOut, oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { isTemplateLayerRecordId, templateShapeId } from '../board/templateLayer/ids.ts'
import { messagesFor } from '../i18n/messages.ts'
import { mountTemplateLayer } from '../board/templateLayer/templateLayer.ts'

const options = { firstPageName: 'Pagina 1', onSchemaTooNew: () => {} }
const bindings: StoreBinding[] = []

function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

function bind(store: TLStore, doc: Y.Doc, opts: StoreBindingOptions = options): StoreBinding {
  const binding = bindStoreToDoc(store, doc, opts)
  bindings.push(binding)
  return binding
}

/** Two documents wired to each other the way the server relays updates between two browsers. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, update, 'relay'))
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, update, 'relay'))
  return [a, b]
}

/** tldraw hands user changes to store listeners once per frame; in Node a frame is a timer. */
const nextFrames = () => new Promise((done) => setTimeout(done, 60))

function page(id: string, name: string): TLPage {
  return PageRecordType.create({ id: PageRecordType.createId(id), name, index: 'a2' as TLPage['index'] })
}

function pageNames(store: TLStore): string[] {
  return store.query
    .records('page')
    .get()
    .map((record) => record.name)
    .sort()
}

/** The store's records that belong in the board's document (not camera, selection, pointer), by id. */
function documentRecords(store: TLStore): TLRecord[] {
  return sortById(store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName)))
}

function sortById<R extends { id: string }>(records: R[]): R[] {
  return [...records].sort((x, y) => x.id.localeCompare(y.id))
}

/** A board written by an older client: com.tldraw.document version 0 had neither `name` (v1) nor `meta` (v2). */
function oldBoard() {
  const doc = new Y.Doc()
  const current = newStore().schema.serialize()
  const old = { ...current, sequences: { ...current.sequences, 'com.tldraw.document': 0 } }
  doc.transact(() => {
    boardRecords(doc).set(TLDOCUMENT_ID, { id: TLDOCUMENT_ID, typeName: 'document', gridSize: 20 } as never)
    boardRecords(doc).set('page:page', page('page', 'Oud'))
    writeStoredSchema(doc, old)
  })
  return { doc, current, old }
}

afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

describe('binding a tldraw store to a Yjs document', () => {
  it('seeds an empty board with the document record, one page and the schema', () => {
    const doc = new Y.Doc()
    const store = newStore()
    bind(store, doc)
    expect([...boardRecords(doc).keys()].sort()).toEqual(['document:document', 'page:page'])
    expect(readStoredSchema(doc)).toEqual(store.schema.serialize())
    expect(store.get(PageRecordType.createId('page'))?.name).toBe('Pagina 1')
  })

  it('two people opening a new board at once still get one page', async () => {
    // Both see an empty board and seed it before the other's seed arrives; then the server relays each to the other.
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const a = newStore()
    const b = newStore()
    bind(a, docA)
    bind(b, docB)
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB), 'relay')
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA), 'relay')
    await nextFrames()
    expect([...boardRecords(docA).keys()].sort()).toEqual(['document:document', 'page:page'])
    expect(boardRecords(docA).toJSON()).toEqual(boardRecords(docB).toJSON())
    // What the two people see: one page each, and the very same document records.
    expect(pageNames(a)).toEqual(['Pagina 1'])
    expect(pageNames(b)).toEqual(['Pagina 1'])
    expect(documentRecords(a)).toEqual(documentRecords(b))
    expect(documentRecords(a)).toEqual(sortById([...boardRecords<TLRecord>(docA).values()]))
  })

  it("carries one person's edits to the other and back, without echoing them", async () => {
    const [docA, docB] = linkedDocs()
    const a = newStore()
    const b = newStore()
    bind(a, docA)
    bind(b, docB)
    const updatesFromB = vi.fn()
    docB.on('update', (_update: Uint8Array, origin: unknown) => origin !== 'relay' && updatesFromB())

    a.put([page('second', 'Ideeën')])
    await nextFrames()
    expect(pageNames(b)).toEqual(['Ideeën', 'Pagina 1'])
    // B applied A's change as a remote one: nothing went back out of B.
    expect(updatesFromB).not.toHaveBeenCalled()

    b.update(PageRecordType.createId('second'), (record) => ({ ...record, name: 'Acties' }))
    await nextFrames()
    expect(pageNames(a)).toEqual(['Acties', 'Pagina 1'])

    a.remove([PageRecordType.createId('second')])
    await nextFrames()
    expect(pageNames(b)).toEqual(['Pagina 1'])
  })

  it('loads an existing board instead of seeding it again', async () => {
    const [docA, docB] = linkedDocs()
    const a = newStore()
    bind(a, docA)
    a.put([page('second', 'Ideeën')])
    await nextFrames()
    const b = newStore()
    bind(b, docB)
    expect(pageNames(b)).toEqual(['Ideeën', 'Pagina 1'])
  })

  it('keeps session records (camera, selection) out of the document', async () => {
    const doc = new Y.Doc()
    const store = newStore()
    bind(store, doc)
    store.put([{ ...store.schema.types.camera.create({ id: 'camera:page:page' as never }) }])
    await nextFrames()
    expect([...boardRecords(doc).keys()].some((id) => id.startsWith('camera:'))).toBe(false)
  })

  it('migrates a board written with an older schema and writes the upgrade back once', () => {
    const { doc, current } = oldBoard()
    const store = newStore()
    bind(store, doc)
    expect(store.get(TLDOCUMENT_ID)).toEqual(
      DocumentRecordType.create({ id: TLDOCUMENT_ID, gridSize: 20, name: '', meta: {} }),
    )
    expect(boardRecords(doc).get(TLDOCUMENT_ID)).toEqual(store.get(TLDOCUMENT_ID))
    expect(readStoredSchema(doc)).toEqual(current)
    expect(pageNames(store)).toEqual(['Oud'])
  })

  it('refuses a board from a newer version rather than damaging it', () => {
    const doc = new Y.Doc()
    const current = newStore().schema.serialize()
    const newer = { ...current, sequences: { ...current.sequences, 'com.tldraw.document': 99 } }
    doc.transact(() => {
      boardRecords(doc).set('page:page', page('page', 'Nieuw'))
      writeStoredSchema(doc, newer)
    })
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => bind(newStore(), doc)).toThrow(BoardLoadError)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('tells the page when a newer client upgrades the schema of an open board', () => {
    const doc = new Y.Doc()
    const onSchemaTooNew = vi.fn()
    const store = newStore()
    bind(store, doc, { ...options, onSchemaTooNew })
    const current = store.schema.serialize()
    const newer = { ...current, sequences: { ...current.sequences, 'com.tldraw.page': 99 } }
    writeStoredSchema(doc, newer)
    expect(onSchemaTooNew).toHaveBeenCalledOnce()
  })

  it('skips a malformed record from a peer and keeps applying the rest', () => {
    const doc = new Y.Doc()
    const store = newStore()
    bind(store, doc)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    doc.transact(() => {
      boardRecords(doc).set('page:bad', { id: 'page:bad', typeName: 'page', name: 42 } as never)
      boardRecords(doc).set('instance:instance', { id: 'instance:instance', typeName: 'instance' } as never)
      boardRecords(doc).set('page:good', page('good', 'Goed'))
    }, 'peer')
    expect(pageNames(store)).toEqual(['Goed', 'Pagina 1'])
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
  })
})

describe("a crowd's edits", () => {
  it('are put into the store once per frame, in one transaction, with the latest values', () => {
    const doc = new Y.Doc()
    const store = newStore()
    const frames: Array<() => void> = []
    bind(store, doc, {
      ...options,
      scheduleFrame: (apply) => {
        frames.push(apply)
        return () => {}
      },
    })
    const transactions = vi.fn()
    store.listen(transactions, { source: 'remote', scope: 'document' })
    for (let version = 1; version <= 50; version++) {
      doc.transact(() => boardRecords(doc).set('page:crowd', page('crowd', `Versie ${version}`)), 'peer')
    }
    expect(frames).toHaveLength(1)
    expect(pageNames(store)).toEqual(['Pagina 1'])
    frames.splice(0).forEach((apply) => apply())
    expect(pageNames(store)).toEqual(['Pagina 1', 'Versie 50'])
    expect(transactions).toHaveBeenCalledTimes(1)
  })
})

describe('a read-only binding (an observer)', () => {
  const readOnly = { ...options, readOnly: true }

  /** Counts every update the document makes: each one would go out on the observer's connection. */
  function watchWrites(doc: Y.Doc) {
    const writes = vi.fn()
    doc.on('update', writes)
    return writes
  }

  it('shows an empty board without seeding the document', () => {
    const doc = new Y.Doc()
    const writes = watchWrites(doc)
    const store = newStore()
    bind(store, doc, readOnly)
    expect(writes).not.toHaveBeenCalled()
    expect(boardRecords(doc).size).toBe(0)
    expect(pageNames(store)).toEqual(['Pagina 1'])
  })

  it("still has one page when a writer's seed arrives later", () => {
    const observerDoc = new Y.Doc()
    const observer = newStore()
    bind(observer, observerDoc, readOnly)
    const writerDoc = new Y.Doc()
    bind(newStore(), writerDoc)
    Y.applyUpdate(observerDoc, Y.encodeStateAsUpdate(writerDoc), 'server')
    expect(pageNames(observer)).toEqual(['Pagina 1'])
  })

  it('migrates an old board in memory and writes nothing back', () => {
    const { doc, old } = oldBoard()
    const writes = watchWrites(doc)
    const store = newStore()
    bind(store, doc, readOnly)
    expect(store.get(TLDOCUMENT_ID)?.meta).toEqual({})
    expect(readStoredSchema(doc)).toEqual(old)
    expect(writes).not.toHaveBeenCalled()
  })

  it("keeps local changes out of the document, and still receives the writers' edits", async () => {
    const [writerDoc, observerDoc] = linkedDocs()
    const writer = newStore()
    bind(writer, writerDoc)
    const observer = newStore()
    bind(observer, observerDoc, readOnly)
    const writes = watchWrites(observerDoc)

    observer.put([page('mine', 'Van de waarnemer')])
    await nextFrames()
    expect(writes).not.toHaveBeenCalled()
    expect(pageNames(writer)).toEqual(['Pagina 1'])

    writer.put([page('second', 'Ideeën')])
    await nextFrames()
    expect(pageNames(observer)).toContain('Ideeën')
  })
})

describe('the template layer beside the binding', () => {
  const CARD = 'r0:startpunt:principle:verwelkomen-en-versterken'

  function withLayer(store: TLStore) {
    const layer = mountTemplateLayer(store, { onLayoutOverride: () => {} })
    layer.update(
      laidOut({
        template: oecdTemplate,
        facilitation: { ...defaultFacilitationState, templateLock: 'unlocked' as const },
        role: 'facilitator' as const,
        messages: messagesFor('nl').templateLayer,
        actionPlan: [],
      }),
    )
    bindings.push({ dispose: () => layer.dispose() })
    return layer
  }

  const templateKeys = (doc: Y.Doc) => [...boardRecords(doc).keys()].filter(isTemplateLayerRecordId)

  it('never writes template records into the board room, even a local change to one', async () => {
    const doc = new Y.Doc()
    const store = boardStore()
    bind(store, doc)
    withLayer(store)
    store.update(templateShapeId(CARD), (record) => ({ ...record, x: record.x + 40 }))
    await nextFrames()
    expect(templateKeys(doc)).toEqual([])
    expect(boardRecords(doc).size).toBe(2)
  })

  it('keeps the template layer when a board is loaded that does not have it', () => {
    const [docA, docB] = linkedDocs()
    bind(newStore(), docA)
    const store = boardStore()
    withLayer(store)
    const before = store.allRecords().filter((record) => isTemplateLayerRecordId(record.id)).length
    bind(store, docB)
    expect(store.allRecords().filter((record) => isTemplateLayerRecordId(record.id))).toHaveLength(before)
    expect(before).toBeGreaterThan(0)
  })

  it("ignores a template record a peer writes into the room: it changes no one else's card", () => {
    const doc = new Y.Doc()
    const store = boardStore()
    bind(store, doc)
    withLayer(store)
    const card = store.get(templateShapeId(CARD))
    doc.transact(() => {
      boardRecords(doc).set(templateShapeId(CARD), { ...card, x: -5000 } as never)
      boardRecords(doc).set(templateShapeId('r0:fake'), { ...card, id: templateShapeId('r0:fake') } as never)
    }, 'peer')
    expect(store.get(templateShapeId(CARD))).toEqual(card)
    expect(store.get(templateShapeId('r0:fake'))).toBeUndefined()
    // Nor is one taken from the room when the board is loaded.
    const later = boardStore()
    bind(later, doc)
    expect(later.allRecords().filter((record) => isTemplateLayerRecordId(record.id))).toEqual([])
  })
})
