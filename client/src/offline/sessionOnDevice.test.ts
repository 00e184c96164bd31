import 'fake-indexeddb/auto'
import { privateRoomName, sessionRoomName, type SessionView } from '@werkplaats/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { localRoomKey } from './localRoomKeys.ts'
import { forgetSessionOnDevice, SessionOnDevice } from './sessionOnDevice.ts'

const ANNA = 'AnnaAnnaAnnaAnnaAnna01'
const BRAM = 'BramBramBramBramBram01'
let sessions = 0
/** A session id of its own per test: the databases of fake IndexedDB outlive a test. */
const newSessionId = () => `Session${String(++sessions).padStart(15, '0')}`

function viewOf(id: string, role: SessionView['role'], participantId?: string): SessionView {
  return {
    id,
    title: 'Sessie',
    templateId: 'blank',
    status: 'open',
    joinOpen: true,
    role,
    ...(participantId ? { participantId } : {}),
    rooms: { board: `/yjs/${id}-board`, control: `/yjs/${id}-control` },
    participants: [],
  } as SessionView
}

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** A room's document and a provider that never connects: these tests are about the device, not the line. */
function room(): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'room', doc, { connect: false, disableBc: true })
  cleanups.push(() => provider.destroy())
  return { doc, provider }
}

function device(view: SessionView): SessionOnDevice {
  const kept = new SessionOnDevice(view)
  cleanups.push(() => kept.dispose())
  return kept
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((database) => (database.name ? [database.name] : []))
}

describe('a session as this device keeps it', () => {
  it("keeps a participant's board and own private room, and nothing of the control room or another's room", () => {
    const id = newSessionId()
    const kept = device(viewOf(id, 'participant', ANNA))
    const keep = (name: string) => {
      const { doc, provider } = room()
      const copy = kept.keep(name, doc, provider)
      if (copy) cleanups.push(() => copy.dispose())
      return copy !== null
    }
    expect(keep(sessionRoomName(id, 'board'))).toBe(true)
    expect(keep(privateRoomName(id, ANNA))).toBe(true)
    expect(keep(sessionRoomName(id, 'control'))).toBe(false)
    expect(keep(privateRoomName(id, BRAM))).toBe(false)
  })

  it('keeps nothing for an observer', () => {
    const id = newSessionId()
    const { doc, provider } = room()
    expect(device(viewOf(id, 'observer')).keep(sessionRoomName(id, 'board'), doc, provider)).toBeNull()
  })

  it('counts the changes waiting in every kept room together, and stops counting a room once it is closed', async () => {
    const id = newSessionId()
    const kept = device(viewOf(id, 'participant', ANNA))
    expect(kept.sending.get()).toEqual({ kind: 'quiet' })
    const board = room()
    const own = room()
    const boardCopy = kept.keep(sessionRoomName(id, 'board'), board.doc, board.provider)
    const ownCopy = kept.keep(privateRoomName(id, ANNA), own.doc, own.provider)
    if (!boardCopy || !ownCopy) throw new Error('both rooms are kept')
    await Promise.all([boardCopy.loaded, ownCopy.loaded])
    board.doc.getMap('records').set('shape:a', { text: 'a' })
    board.doc.getMap('records').set('shape:b', { text: 'b' })
    own.doc.getMap('records').set('shape:geheim', { text: 'geheim' })
    expect(kept.sending.get()).toEqual({ kind: 'waiting', count: 3 })
    ownCopy.dispose()
    expect(kept.sending.get()).toEqual({ kind: 'waiting', count: 2 })
    boardCopy.dispose()
  })

  it('forgets everything of the session on "Vergeet deze sessie", also a room of an earlier visit, and nothing of another session', async () => {
    const id = newSessionId()
    const other = newSessionId()
    // A private room of an earlier visit as another participant, and another session's board, on this device.
    const earlier = new IndexeddbPersistence(localRoomKey(id, privateRoomName(id, BRAM)), new Y.Doc())
    const elsewhere = new IndexeddbPersistence(localRoomKey(other, sessionRoomName(other, 'board')), new Y.Doc())
    await Promise.all([earlier.whenSynced, elsewhere.whenSynced])
    await Promise.all([earlier.destroy(), elsewhere.destroy()])

    const kept = device(viewOf(id, 'participant', ANNA))
    const board = room()
    const copy = kept.keep(sessionRoomName(id, 'board'), board.doc, board.provider)
    await copy?.loaded
    board.doc.getMap('records').set('shape:a', { text: 'a' })
    expect(await databaseNames()).toContain(localRoomKey(id, sessionRoomName(id, 'board')))

    await kept.forget()
    const left = await databaseNames()
    expect(left.filter((name) => name.includes(id))).toEqual([])
    expect(left).toContain(localRoomKey(other, sessionRoomName(other, 'board')))
    expect(kept.sending.get()).not.toMatchObject({ kind: 'waiting' })
    await forgetSessionOnDevice(other)
  })

  it('forgets a closed session by its id alone, from the names the browser lists', async () => {
    const id = newSessionId()
    const names = [localRoomKey(id, sessionRoomName(id, 'board')), localRoomKey(id, privateRoomName(id, ANNA))]
    for (const name of names) {
      const persistence = new IndexeddbPersistence(name, new Y.Doc())
      await persistence.whenSynced
      await persistence.destroy()
    }
    await forgetSessionOnDevice(id)
    expect((await databaseNames()).filter((name) => name.includes(id))).toEqual([])
  })
})
