import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { encodeSyncStep1 } from '../src/rooms/protocol.ts'
import { closedWithin, connectProvider, connectRaw, eventually, whenSynced } from './support/clients.ts'
import { createSession, sessionBoard } from './support/sessions.ts'
import { useServers } from './support/useServer.ts'

/** What a client sends to ask for everything: a sync step 1 with an empty state vector. */
const askForEverything = encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))

describe('sync step 1 requests', () => {
  const servers = useServers()
  const start = async (env: Record<string, string> = {}) => (await servers.start({ env })).wsUrl

  it('a client that asks again and again is closed, and the stock client never is', async () => {
    const wsUrl = await start()
    const stock = connectProvider(wsUrl, await sessionBoard(wsUrl, 'asking'))
    await whenSynced(stock)
    const asker = await connectRaw(wsUrl, await sessionBoard(wsUrl, 'asking'))
    for (let i = 0; i < 20; i++) asker.socket.send(askForEverything)
    expect(await closedWithin(asker)).toEqual({ code: 1008, reason: 'too many sync requests' })
    expect(stock.wsconnected).toBe(true)
    stock.destroy()
  })

  it("counts the answers' bytes: on a large board a client may not ask for it over and over", async () => {
    const wsUrl = await start({ BYTES_PER_SECOND: String(256 * 1024) })
    const session = await createSession(wsUrl)
    const writer = connectProvider(wsUrl, session.board())
    await whenSynced(writer)
    // Four chunks, each under the per-message byte budget, make a board of 200 KiB.
    for (let i = 0; i < 4; i++) writer.doc.getMap('m').set(`chunk${i}`, new Uint8Array(50 * 1024).fill(i))
    const reader = connectProvider(wsUrl, session.board((await session.join('Rik')).token))
    await eventually(() => reader.doc.getMap('m').size === 4, 'the board is stored')
    // Someone else: the answers' bytes are charged to the person who asks, across all their connections.
    const asker = await connectRaw(wsUrl, session.board((await session.join('Ask')).token))
    const answers: number[] = []
    let answered: () => void = () => {}
    asker.socket.on('message', (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== 1) return
      answers.push(data.byteLength)
      answered()
    })
    // Within the count limit (4 at once), but each answer costs the whole board: 2 fit the budget of 256 KiB.
    for (let i = 0; i < 3; i++) {
      const next = new Promise<void>((done) => (answered = done))
      asker.socket.send(askForEverything)
      await Promise.race([next, asker.closed])
    }
    expect(await closedWithin(asker)).toEqual({ code: 1008, reason: 'sync requests over the byte budget' })
    expect(answers).toHaveLength(2)
    expect(answers[0]).toBeGreaterThan(200 * 1024)
    reader.destroy()
    writer.destroy()
  })
})
