import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { freePort, ServerProcess, temporaryDataDir } from './support/serverProcess.ts'
import { createSession } from './support/sessions.ts'

const SERVICE_RESTART = 1012

describe('the drain on SIGTERM', () => {
  const cleanups: Array<() => Promise<unknown> | void> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('under write load: every client is told 1012, the process exits within 10 s, every relayed edit is kept', async () => {
    const data = temporaryDataDir()
    const server = new ServerProcess(await freePort(), data.path, {
      MESSAGES_PER_SECOND: '100000',
      MESSAGE_BURST: '100000',
    })
    await server.start()
    cleanups.push(
      () => data.remove(),
      () => server.destroy(),
    )
    const session = await createSession(server.url)
    const participants = await Promise.all(['Anna', 'Bram', 'Cas'].map((name) => session.join(name)))
    const writers = participants.map(({ token }) => connectProvider(server.wsUrl, session.board(token)))
    const witness = connectProvider(server.wsUrl, session.board())
    const everyone = [...writers, witness]
    cleanups.push(() => everyone.forEach((provider) => provider.destroy()))
    await Promise.all(everyone.map((provider) => whenSynced(provider)))

    // What each client was told when its socket closed (a provider reconnects and may be closed again).
    const closeCodes = new Map<WebsocketProvider, number[]>(everyone.map((provider) => [provider, []]))
    for (const provider of everyone)
      provider.on('connection-close', (event) => {
        if (event) closeCodes.get(provider)?.push(event.code)
      })
    // An edit the witness received was stored before it was relayed: acknowledged, it must survive.
    const witnessed = new Set<string>()
    witness.doc.getMap('edits').observe((event) => {
      for (const key of event.keysChanged) witnessed.add(key)
    })

    let writing = true
    const writing$ = Promise.all(
      writers.map(async (writer, w) => {
        for (let n = 0; writing; n++) {
          writer.doc.getMap('edits').set(`w${w}-${n}`, n)
          if (n % 5 === 0) await new Promise((resolve) => setImmediate(resolve))
        }
      }),
    )
    await eventually(() => witnessed.size >= 300, 'the witness has received a good part of the edits')

    const signalled = performance.now()
    await server.stop('SIGTERM')
    const drainMs = performance.now() - signalled
    writing = false
    await writing$
    const acknowledged = new Set(witnessed)

    expect(server.exitCode).toBe(0)
    expect(drainMs).toBeLessThan(10_000)
    await eventually(
      () => everyone.every((provider) => closeCodes.get(provider)?.[0] === SERVICE_RESTART),
      'every client was told 1012 "service restart"',
    )
    expect(server.output).toContain('drained; every write is stored')
    // Gone before the restart, so that none of them sends its edits again: what is there was stored by the drain.
    for (const provider of everyone) provider.destroy()

    await server.start()
    const reader = connectProvider(server.wsUrl, session.board())
    cleanups.push(() => reader.destroy())
    await whenSynced(reader)
    const kept = reader.doc.getMap('edits')
    const lost = [...acknowledged].filter((key) => !kept.has(key))
    expect(lost).toEqual([])
    expect(acknowledged.size).toBeGreaterThanOrEqual(300)
    // Two server starts and a write load: on a busy machine this takes longer than the default.
  }, 90_000)

  it("a client told 1012 reconnects by itself (the app's provider keeps the stock rule) and resends what it wrote meanwhile", async () => {
    const data = temporaryDataDir()
    const server = new ServerProcess(await freePort(), data.path)
    await server.start()
    cleanups.push(
      () => data.remove(),
      () => server.destroy(),
    )
    const session = await createSession(server.url)
    const client = connectProvider(server.wsUrl, session.board())
    cleanups.push(() => client.destroy())
    await whenSynced(client)
    const closes: number[] = []
    client.on('connection-close', (event) => {
      if (event) closes.push(event.code)
    })

    await server.stop('SIGTERM')
    await eventually(() => closes[0] === SERVICE_RESTART, 'the client was told 1012')
    // Written while no server runs: only the client has it.
    client.doc.getMap('edits').set('offline', 'geschreven tijdens de herstart')
    await server.start()
    await eventually(() => client.wsconnected && client.synced, 'the client reconnected by itself', 20_000)

    const reader = connectProvider(server.wsUrl, session.board())
    cleanups.push(() => reader.destroy())
    await eventually(
      () => reader.doc.getMap('edits').get('offline') === 'geschreven tijdens de herstart',
      "the client's edit from during the restart reached the board",
    )
  }, 90_000)
})
