import { describe, expect, it } from 'vitest'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { sessionBoard } from './support/sessions.ts'
import { useServerProcesses } from './support/useServer.ts'

describe('persistence across restarts', () => {
  const servers = useServerProcesses()

  it('after a restart a new provider receives the whole document', async () => {
    // A small compaction threshold so the restart reads a snapshot plus a log tail.
    const server = await servers.launch({ COMPACT_AFTER_UPDATES: '50' })
    const writer = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'restart'))
    await whenSynced(writer)
    const stickies = writer.doc.getMap<string>('stickies')
    for (let i = 0; i < 120; i++) stickies.set(`sticky-${i}`, `idee ${i}`)
    writer.doc.getText('title').insert(0, 'Startpunt')
    const observer = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'restart'))
    await eventually(() => observer.doc.getMap('stickies').size === 120, 'observer has every sticky')
    writer.destroy()
    observer.destroy()

    await server.stop('SIGTERM')
    await server.start()

    const reader = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'restart'))
    await whenSynced(reader)
    expect(reader.doc.getMap('stickies').size).toBe(120)
    expect(reader.doc.getMap('stickies').get('sticky-119')).toBe('idee 119')
    expect(reader.doc.getText('title').toString()).toBe('Startpunt')
    reader.destroy()
  })

  it('after SIGKILL during a burst of 1,000 updates, every update another client had received is there', async () => {
    const server = await servers.launch({
      COMPACT_AFTER_UPDATES: '300',
      MESSAGES_PER_SECOND: '100000',
      MESSAGE_BURST: '100000',
    })
    const writer = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'burst'))
    const witness = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'burst'))
    await Promise.all([whenSynced(writer), whenSynced(witness)])
    const seen = new Set<string>()
    witness.doc.getMap('burst').observe((event) => {
      for (const key of event.keysChanged) seen.add(key)
    })

    // Send in small batches so the kill lands while updates are still streaming through the server.
    let sent = 0
    const sending = (async () => {
      while (sent < 1000) {
        for (let i = 0; i < 20 && sent < 1000; i++, sent++) writer.doc.getMap('burst').set(`u${sent}`, sent)
        await new Promise((r) => setImmediate(r))
      }
    })()
    await eventually(() => seen.size >= 300, 'witness received a good part of the burst')
    await server.stop('SIGKILL')
    const witnessed = new Set(seen)
    writer.destroy()
    witness.destroy()
    await sending
    expect(witnessed.size).toBeGreaterThan(0)

    await server.start()
    const reader = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'burst'))
    await whenSynced(reader)
    const restored = reader.doc.getMap('burst')
    const lost = [...witnessed].filter((key) => !restored.has(key))
    expect(lost).toEqual([])
    reader.destroy()
  })

  it('providers reconnect and resync by themselves after a restart', async () => {
    const server = await servers.launch()
    const a = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'reconnect'))
    const b = connectProvider(server.wsUrl, await sessionBoard(server.wsUrl, 'reconnect'))
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.doc.getMap('m').set('before', 1)
    await eventually(() => b.doc.getMap('m').has('before'), 'b has the first edit')

    await server.stop('SIGKILL')
    // Edits made while the server is down are kept by the client and merged when it returns.
    a.doc.getMap('m').set('offline', 2)
    await server.start()
    await eventually(() => a.wsconnected && b.wsconnected, 'both reconnected', 15_000)
    b.doc.getMap('m').set('after', 3)
    await eventually(
      () => a.doc.getMap('m').has('after') && b.doc.getMap('m').has('offline'),
      'edits cross after the restart',
      15_000,
    )
    a.destroy()
    b.destroy()
  })
})
