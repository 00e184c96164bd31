import { privateRoomName, readBoardRecords, sessionRoomName } from '@werkplaats/shared'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { testRoomManagerOptions } from '../../test/support/roomOptions.ts'
import { RecordingPeer } from '../../test/support/recordingPeer.ts'
import { temporaryDataDir } from '../../test/support/serverProcess.ts'
import { RoomManager } from '../rooms/roomManager.ts'
import { SqliteDocumentStore } from '../store/sqliteStore.ts'
import { SqliteSessionRepository } from '../store/sqliteSessionRepository.ts'
import { SessionService } from './sessionService.ts'

/** The real SQLite store, whose appends to board rooms wait while the gate is shut: a reveal caught half-way. */
class GatedBoardStore extends SqliteDocumentStore {
  #shut: Promise<void> | undefined
  #open: () => void = () => {}
  /** Resolves once an append to a board room is waiting at the gate. */
  waiting: Promise<void> = new Promise(() => {})
  #arrived: () => void = () => {}

  shut(): void {
    this.#shut = new Promise((resolve) => (this.#open = resolve))
    this.waiting = new Promise((resolve) => (this.#arrived = resolve))
  }

  open(): void {
    this.#shut = undefined
    this.#open()
  }

  override async append(room: string, update: Uint8Array): Promise<number> {
    if (this.#shut && room.endsWith('-board')) {
      this.#arrived()
      await this.#shut
    }
    return super.append(room, update)
  }
}

const sticky = (id: string, text: string, isPrivate = true) => ({
  id,
  typeName: 'shape',
  type: 'note',
  x: 0,
  y: 0,
  meta: { private: isPrivate },
  props: { text },
})

describe('"Onthullen" while the author is still writing', () => {
  const cleanups: Array<() => Promise<void> | void> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function workshop() {
    const data = temporaryDataDir()
    const store = new GatedBoardStore(data.path)
    const repository = new SqliteSessionRepository(data.path)
    const rooms = new RoomManager(store, testRoomManagerOptions)
    cleanups.push(
      data.remove,
      () => store.close(),
      () => repository.close(),
      () => rooms.closeAll(),
    )
    const sessions = new SessionService(repository, rooms, { has: () => true })
    const created = await sessions.create({ templateId: 'blank', title: 'Onthullen' }, 'http://localhost')
    const facilitator = await sessions.authorize(created.facilitatorToken, created.id)
    // Anna is added as the store holds people; how she joined is not what this is about.
    const anna = {
      participantId: 'anna',
      sessionId: created.id,
      name: 'Anna',
      role: 'participant' as const,
      createdAt: Date.now(),
    }
    await repository.addPerson(anna, {
      tokenHash: 'anna-token-hash',
      sessionId: created.id,
      role: 'participant',
      participantId: 'anna',
    })

    // Anna's screen: her own copy of her private room, every change of which reaches the server as she makes it.
    const author = new RecordingPeer({
      role: 'participant',
      room: 'private',
      identity: { participantId: 'anna', name: 'Anna', role: 'participant' },
    })
    const privateRoom = await rooms.join(privateRoomName(created.id, 'anna'), author)
    cleanups.push(() => rooms.leave(privateRoom, author))
    const screen = new Y.Doc()
    Y.applyUpdate(screen, Y.encodeStateAsUpdate(privateRoom.doc))
    screen.on('update', (update: Uint8Array) => privateRoom.receive(author, { kind: 'sync-update', update }))
    const write = (change: (records: Y.Map<unknown>) => void) => screen.transact(() => change(screen.getMap('records')))

    const board = () => rooms.read(sessionRoomName(created.id, 'board'), (doc) => readBoardRecords(doc))
    return {
      store,
      rooms,
      sessions,
      facilitator,
      privateRoom,
      write,
      board,
      boardName: sessionRoomName(created.id, 'board'),
    }
  }

  it('does not reveal a sticky its author deleted before they could see the reveal, and reveals the newer text of one they edited', async () => {
    const { store, sessions, facilitator, privateRoom, write, board } = await workshop()
    write((records) => {
      records.set('shape:weg', sticky('shape:weg', 'Toch niet'))
      records.set('shape:blijft', sticky('shape:blijft', 'Eerste versie'))
    })
    await privateRoom.flushed()

    store.shut()
    const reveal = sessions.revealPrivate(facilitator)
    // The board copies are on their way to the store; nobody has been shown them yet. Anna deletes one, edits the other.
    await store.waiting
    write((records) => {
      records.delete('shape:weg')
      records.set('shape:blijft', sticky('shape:blijft', 'Betere versie'))
    })
    await privateRoom.flushed()
    store.open()

    expect(await reveal).toEqual({ revealed: 1 })
    const shown = await board()
    expect(shown.has('shape:weg')).toBe(false)
    expect(shown.get('shape:blijft')).toMatchObject({ props: { text: 'Betere versie' }, meta: { private: false } })
    expect(privateRoom.doc.getMap('records').size).toBe(0)
  })

  it("never puts a private copy over the board's copy of a sticky", async () => {
    const { rooms, sessions, facilitator, privateRoom, write, board, boardName } = await workshop()
    // Revealed before and since edited on the board by the group; an older private copy came back (an offline edit).
    await rooms.change(boardName, (doc) =>
      doc.getMap('records').set('shape:idee', sticky('shape:idee', 'Zoals de groep het verbeterde', false)),
    )
    write((records) => records.set('shape:idee', sticky('shape:idee', 'Oude privé-versie')))
    await privateRoom.flushed()

    expect(await sessions.revealPrivate(facilitator)).toEqual({ revealed: 0 })
    expect((await board()).get('shape:idee')).toMatchObject({ props: { text: 'Zoals de groep het verbeterde' } })
    // The stale copy is gone, so no later reveal can bring it back either.
    expect(privateRoom.doc.getMap('records').size).toBe(0)
  })

  it('lays revealed stickies out so none covers another, each near where it was written', async () => {
    const { rooms, sessions, facilitator, privateRoom, write, board, boardName } = await workshop()
    // Someone's sticky already on the board where Anna wrote two of hers, all three at the same spot.
    await rooms.change(boardName, (doc) => doc.getMap('records').set('shape:er', sticky('shape:er', 'Er al', false)))
    write((records) => {
      records.set('shape:een', sticky('shape:een', 'Een'))
      records.set('shape:twee', sticky('shape:twee', 'Twee'))
    })
    await privateRoom.flushed()

    expect(await sessions.revealPrivate(facilitator)).toEqual({ revealed: 2 })
    const shown = await board()
    const spots = ['shape:er', 'shape:een', 'shape:twee'].map((id) => {
      const { x, y } = shown.get(id) as unknown as { x: number; y: number }
      return { x, y }
    })
    for (const [i, a] of spots.entries()) {
      for (const b of spots.slice(i + 1)) expect(Math.abs(a.x - b.x) >= 200 || Math.abs(a.y - b.y) >= 200).toBe(true)
    }
    expect(spots[0]).toEqual({ x: 0, y: 0 })
    for (const spot of spots) expect(Math.hypot(spot.x, spot.y)).toBeLessThan(700)
  })
})
