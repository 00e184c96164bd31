import { privateRoomName, readBoardFull, readBoardRecords } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncStep1, encodeSyncUpdate } from '../src/rooms/protocol.ts'
import { closedWithin, connectProvider, connectRaw, eventually, type RawClient, whenSynced } from './support/clients.ts'
import { createSession } from './support/sessions.ts'
import { useServer } from './support/useServer.ts'

const cap = 64 * 1024
const chunk = 20 * 1024

/** An update that adds `bytes` of data under `key`, from a writer of its own (it builds on nothing else). */
function chunkUpdate(key: string, bytes: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, new Uint8Array(bytes).fill(7))
  return Y.encodeStateAsUpdate(doc)
}

/** The sync step 2 a raw client gets for asking for the whole board. */
function wholeBoardAnswer(client: RawClient): Promise<Uint8Array> {
  return new Promise((done) => {
    client.socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) done(new Uint8Array(data))
    })
    client.socket.send(encodeSyncStep1(Y.encodeStateVector(new Y.Doc())))
  })
}

describe('a board with a size cap', () => {
  const server = useServer({ env: { MAX_BOARD_BYTES: String(cap) } }, 'test')

  it('refuses the update that would pass it (4413), keeps and relays none of it, tells the facilitator, and a newcomer gets at most the cap', async () => {
    const wsUrl = server.wsUrl
    const session = await createSession(wsUrl)
    const facilitatorBoard = connectProvider(wsUrl, session.board())
    const facilitatorControl = connectProvider(wsUrl, session.control())
    await Promise.all([whenSynced(facilitatorBoard), whenSynced(facilitatorControl)])
    const filler = await connectRaw(wsUrl, session.board((await session.join('Vera')).token))

    // Three chunks fit; the fourth would take the board past 64 KiB.
    for (let i = 0; i < 3; i++) filler.socket.send(encodeSyncUpdate(chunkUpdate(`chunk${i}`, chunk)))
    await eventually(() => facilitatorBoard.doc.getMap('m').size === 3, 'the first three chunks arrive')
    filler.socket.send(encodeSyncUpdate(chunkUpdate('chunk3', chunk)))
    const closed = await closedWithin(filler)
    expect(closed.code).toBe(4413)
    expect(closed.reason).toMatch(/^board is full/)

    // Nothing of it was relayed: a marker sent after it arrives, the chunk never does.
    const marker = await connectRaw(wsUrl, session.board((await session.join('Mark')).token))
    marker.socket.send(encodeSyncUpdate(chunkUpdate('marker', 1)))
    await eventually(() => facilitatorBoard.doc.getMap('m').has('marker'), 'the marker arrives')
    expect(facilitatorBoard.doc.getMap('m').has('chunk3')).toBe(false)

    // Nor stored.
    await server.rooms.read(session.board().room, () => undefined)
    const stored = new Y.Doc()
    for (const update of (await server.store.load(session.board().room)).updates) Y.applyUpdate(stored, update)
    expect([...stored.getMap('m').keys()].sort()).toEqual(['chunk0', 'chunk1', 'chunk2', 'marker'])

    // The facilitator learns of it through the control room, though someone else filled the board.
    await eventually(() => readBoardFull(facilitatorControl.doc), 'the control room says the board is full')

    const newcomer = await connectRaw(wsUrl, session.board((await session.join('Nina')).token))
    const answer = await wholeBoardAnswer(newcomer)
    expect(answer.byteLength).toBeGreaterThan(3 * chunk)
    expect(answer.byteLength).toBeLessThanOrEqual(cap)
    for (const client of [marker, newcomer]) client.socket.close()
    facilitatorBoard.destroy()
    facilitatorControl.destroy()
  })

  it('does not count what was overwritten: edits that replace each other never fill the board', async () => {
    const wsUrl = server.wsUrl
    const session = await createSession(wsUrl)
    const writer = connectProvider(wsUrl, session.board())
    await whenSynced(writer)
    // Ten times the cap in all, but each write replaces the last: the board holds one chunk.
    for (let i = 0; i < 32; i++) writer.doc.getMap('m').set('same', new Uint8Array(chunk).fill(i))
    const reader = connectProvider(wsUrl, session.board())
    await eventually(
      () => (reader.doc.getMap('m').get('same') as Uint8Array | undefined)?.[0] === 31,
      'the last write arrives',
    )
    expect(writer.wsconnected).toBe(true)
    reader.destroy()
    writer.destroy()
  })

  it('is held to by the reveal of private writing too: private stickies that would pass it stay private (409)', async () => {
    const wsUrl = server.wsUrl
    const session = await createSession(wsUrl)
    const vera = await session.join('Vera')
    // The board holds three chunks, and Vera has written a large sticky privately, within her own room's cap.
    const filler = await connectRaw(wsUrl, session.board(vera.token))
    for (let i = 0; i < 3; i++) filler.socket.send(encodeSyncUpdate(chunkUpdate(`chunk${i}`, chunk)))
    const facilitatorBoard = connectProvider(wsUrl, session.board())
    await eventually(() => facilitatorBoard.doc.getMap('m').size === 3, 'the three chunks are on the board')
    const own = connectProvider(wsUrl, { room: privateRoomName(session.id, vera.participantId), token: vera.token })
    await whenSynced(own)
    const big = {
      id: 'shape:groot',
      typeName: 'shape',
      type: 'note',
      x: 0,
      y: 0,
      meta: { private: true },
      props: { text: 'x'.repeat(chunk) },
    }
    own.doc.getMap('records').set('shape:groot', big)
    await eventually(
      () =>
        server.rooms.read(privateRoomName(session.id, vera.participantId), (doc) =>
          readBoardRecords(doc).has('shape:groot'),
        ),
      'the private sticky reaches the server',
    )

    const reveal = await fetch(`${server.url}/api/sessions/${session.id}/private/reveal`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.facilitatorToken}` },
    })
    expect(reveal.status).toBe(409)
    expect(((await reveal.json()) as { error: string }).error).toMatch(/^the board is full/)
    // Nothing moved: the board is as it was, the sticky is still Vera's alone.
    await server.rooms.read(session.board().room, (doc) => expect(readBoardRecords(doc).has('shape:groot')).toBe(false))
    await server.rooms.read(privateRoomName(session.id, vera.participantId), (doc) =>
      expect(readBoardRecords(doc).has('shape:groot')).toBe(true),
    )
    filler.socket.close()
    own.destroy()
    facilitatorBoard.destroy()
  })
})
