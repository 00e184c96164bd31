import { execFile } from 'node:child_process'
import { copyFileSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { freePort, ServerProcess, temporaryDataDir } from './support/serverProcess.ts'
import { createSession } from './support/sessions.ts'

const backupScript = resolve(import.meta.dirname, '../src/backup.ts')
/** Edits written per round of the load; the next round starts as soon as the reader has seen this one. */
const EDITS_PER_ROUND = 20

/** `pnpm backup --out FILE` as the operator runs it (the script behind it, with the server's environment). */
function runBackup(dataDir: string, out: string): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [backupScript, '--out', out], {
    env: { ...process.env, DATA_DIR: dataDir },
  })
}

describe('pnpm backup: a copy of the SQLite store while the server runs', () => {
  const backups = temporaryDataDir()
  const restored = temporaryDataDir()
  const providers: WebsocketProvider[] = []
  let server: ServerProcess | undefined
  let restart: ServerProcess | undefined
  afterAll(async () => {
    for (const provider of providers) provider.destroy()
    await server?.destroy()
    await restart?.stop()
    backups.remove()
    restored.remove()
  })

  // Four processes start in turn (the server, the backup twice, the restored server): a minute and a half.
  it('made under write load, restores every edit acknowledged before it began', async () => {
    server = await ServerProcess.launch()
    const session = await createSession(server.url)
    const writer = connectProvider(server.wsUrl, session.board())
    const reader = connectProvider(server.wsUrl, session.board(session.observerToken))
    providers.push(writer, reader)
    await Promise.all([whenSynced(writer), whenSynced(reader)])

    // An edit is acknowledged once another client has it: the server relays only what it has stored.
    const acknowledged = new Set<string>()
    const readerRecords = reader.doc.getMap('records')
    readerRecords.observe((event) => {
      for (const key of event.keysChanged) acknowledged.add(key)
    })
    let written = 0
    let loading = true
    const writeRound = () => {
      if (!loading) return
      writer.doc.transact(() => {
        for (let i = 0; i < EDITS_PER_ROUND; i++, written++) {
          writer.doc
            .getMap('records')
            .set(`shape:edit-${written}`, { id: `shape:edit-${written}`, text: 'x'.repeat(200) })
        }
      })
    }
    readerRecords.observe(() => {
      if (acknowledged.size === written) writeRound()
    })
    writeRound()
    await eventually(() => acknowledged.size >= 500, 'the load is under way')

    const before = new Set(acknowledged)
    const out = join(backups.path, 'werkplaats-backup.sqlite')
    const backup = await runBackup(server.dataDir, out)
    const during = acknowledged.size - before.size
    loading = false
    expect(backup.stdout).toContain(`written to ${out}`)
    // The load went on while the backup was made.
    expect(during).toBeGreaterThan(0)

    // A second backup to the same file is refused rather than overwriting it.
    await expect(runBackup(server.dataDir, out)).rejects.toMatchObject({
      stderr: expect.stringContaining('exists already'),
    })

    // Restore: the file as werkplaats.sqlite in the DATA_DIR of a server started on it.
    copyFileSync(out, join(restored.path, 'werkplaats.sqlite'))
    restart = new ServerProcess(await freePort(), restored.path)
    await restart.start()
    const check = connectProvider(restart.wsUrl, session.board())
    providers.push(check)
    await whenSynced(check)
    const records = check.doc.getMap('records')
    const missing = [...before].filter((key) => !records.has(key))
    expect(missing).toEqual([])
    expect(existsSync(join(restored.path, 'werkplaats.sqlite'))).toBe(true)
  }, 90_000)
})
