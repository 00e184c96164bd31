import { boardRecords, privateMeta, readBoardRecords } from '@werkplaats/shared'
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type IndexKey,
  type TLNoteShape,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { bindStoreToDoc, type StoreBinding } from '../storeBinding/storeBinding.ts'
import { isBoardLaneRecord, privateLaneOf } from './privateRecords.ts'

const anna = 'AnnaAnnaAnnaAnnaAnna01'
const bindings: StoreBinding[] = []
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

const newStore = (): TLStore => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
/** tldraw hands user changes to store listeners once per frame; in Node a frame is a timer (16 ms), so wait a few. */
const nextFrames = () => new Promise((done) => setTimeout(done, 60))

/** One room: `count` clients' copies, each update relayed through the server's copy to every other client. */
function room(count: number): { server: Y.Doc; clients: Y.Doc[] } {
  const server = new Y.Doc()
  const clients = Array.from({ length: count }, () => new Y.Doc())
  for (const client of clients)
    client.on(
      'update',
      (update: Uint8Array, origin: unknown) => origin !== server && Y.applyUpdate(server, update, client),
    )
  server.on('update', (update: Uint8Array, origin: unknown) => {
    for (const client of clients) if (client !== origin) Y.applyUpdate(client, update, server)
  })
  return { server, clients }
}

function bindBoard(store: TLStore, doc: Y.Doc) {
  bindings.push(
    bindStoreToDoc(store, doc, { firstPageName: 'Pagina 1', onSchemaTooNew: () => {}, lane: isBoardLaneRecord }),
  )
}

function bindPrivate(store: TLStore, doc: Y.Doc, owner: string) {
  bindings.push(
    bindStoreToDoc(store, doc, {
      firstPageName: '',
      onSchemaTooNew: () => {},
      lane: privateLaneOf(owner),
      seedEmpty: false,
    }),
  )
}

function note(text: string, meta: TLNoteShape['meta']): TLNoteShape {
  const store = newStore()
  const base = store.schema.types.shape.create({
    id: createShapeId(text),
    type: 'note',
    parentId: 'page:page',
    index: 'a1' as IndexKey,
    meta,
  }) as TLNoteShape
  return {
    ...base,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: null,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      richText: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      scale: 1,
      textLastEditedBy: null,
    },
  }
}

function texts(store: TLStore): string[] {
  return store.query
    .records('shape')
    .get()
    .map((shape) => JSON.stringify(shape.type === 'note' ? shape.props.richText : null))
}

/** What the server's reveal does: copy into the board room with `meta.private` false, then empty the private room. */
function reveal(privateDoc: Y.Doc, board: Y.Doc) {
  const records = [...readBoardRecords(privateDoc).values()] as TLRecord[]
  board.transact(() => {
    for (const record of records)
      boardRecords(board).set(record.id, { ...record, meta: { ...record.meta, private: false } } as never)
  })
  privateDoc.transact(() => {
    for (const record of records) boardRecords(privateDoc).delete(record.id)
  })
}

describe('private stickies in their own lane of the store binding', () => {
  it("a private sticky goes to its writer's private room only; another participant never receives it; after reveal everyone has it", async () => {
    const board = room(3)
    const [annaBoard, bramBoard, facilitatorBoard] = board.clients as [Y.Doc, Y.Doc, Y.Doc]
    // Anna's private room: only her client and the facilitator's hold it (the server lets nobody else in).
    const annaRoom = room(2)
    const [annaPrivate, facilitatorPrivate] = annaRoom.clients as [Y.Doc, Y.Doc]
    const annaStore = newStore()
    const bramStore = newStore()
    const facilitatorStore = newStore()
    bindBoard(annaStore, annaBoard)
    bindPrivate(annaStore, annaPrivate, anna)
    bindBoard(bramStore, bramBoard)
    bindBoard(facilitatorStore, facilitatorBoard)
    bindPrivate(facilitatorStore, facilitatorPrivate, anna)

    annaStore.put([note('geheim idee', privateMeta({}, anna)), note('open idee', {})])
    await nextFrames()

    expect(readBoardRecords(board.server).has(createShapeId('geheim idee'))).toBe(false)
    expect(readBoardRecords(annaPrivate).has(createShapeId('geheim idee'))).toBe(true)
    expect(readBoardRecords(annaPrivate).has(createShapeId('open idee'))).toBe(false)
    expect(texts(bramStore).join()).toContain('open idee')
    expect(texts(bramStore).join()).not.toContain('geheim idee')
    expect(texts(facilitatorStore).join()).toContain('geheim idee')

    // The server's reveal, on its own copies of the rooms.
    reveal(annaRoom.server, board.server)
    for (const store of [annaStore, bramStore, facilitatorStore]) {
      expect(texts(store).join()).toContain('geheim idee')
      expect(store.get(createShapeId('geheim idee'))?.meta.private).toBe(false)
    }
  })

  it("a record the board room holds marked private (a peer's bug or mischief) is not taken from it", () => {
    const board = new Y.Doc()
    const store = newStore()
    bindBoard(store, board)
    boardRecords(board).set(createShapeId('x'), note('x', privateMeta({}, anna)) as never)
    expect(store.get(createShapeId('x'))).toBeUndefined()
  })

  it('a private sticky begun before the private room synced is sent to it, not lost when the room is bound', () => {
    const store = newStore()
    bindBoard(store, new Y.Doc())
    // Private writing came on; Anna's sticky is in her store while her private room is still connecting.
    store.put([note('vroeg idee', privateMeta({}, anna))])
    const privateDoc = new Y.Doc()
    bindings.push(
      bindStoreToDoc(store, privateDoc, {
        firstPageName: '',
        onSchemaTooNew: () => {},
        lane: privateLaneOf(anna),
        seedEmpty: false,
        keepUnsentLaneRecords: true,
      }),
    )
    expect(texts(store).join()).toContain('vroeg idee')
    expect(readBoardRecords(privateDoc).has(createShapeId('vroeg idee'))).toBe(true)
  })

  it('an empty private room is not seeded as a board', () => {
    const privateDoc = new Y.Doc()
    bindPrivate(newStore(), privateDoc, anna)
    expect(readBoardRecords(privateDoc).size).toBe(0)
  })
})
