import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { boardRecords, sessionSummarySchema } from '@werkplaats/shared'
import { noteRecord } from '@werkplaats/shared/summary/fixture'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { freePort, type ServerBuild, ServerProcess, temporaryDataDir } from './support/serverProcess.ts'
import { createSession } from './support/sessions.ts'

const moduleLog = join(import.meta.dirname, 'support/moduleLog.ts')

/** What no board needs: the PDF stack (only the render workers lay out PDFs) and the drivers of stores not in use. */
const NOT_FOR_BOARDS = [/\/pdfkit@/, /\/fontkit@/, /\/pg@/, /\/ioredis@/, /\/server\/src\/exports\/pdf\.ts$/]

/** Where each build's entry lives, and which of its own modules may be TypeScript (the built one runs none). */
const BUILDS: { build: ServerBuild; entry: RegExp; typeScript: RegExp }[] = [
  { build: 'sources', entry: /\/server\/src\/main\.ts$/, typeScript: /\.ts$/ },
  // The module log itself is the one TypeScript file the built server loads, and only in this test.
  { build: 'built', entry: /\/server\/dist\/main\.js$/, typeScript: /\/test\/support\/moduleLog\.ts$/ },
]

// The built server runs here too (after `pnpm build`, which `pnpm test` runs first), so a broken build fails the
// suite: it must serve a board and export it as the sources do, from its own JavaScript and the packages' `dist/`.
describe.each(BUILDS)('the main thread (where boards are served), $build', ({ build, entry, typeScript }) => {
  const data = temporaryDataDir()
  const logFile = join(data.path, 'modules.log')
  let server: ServerProcess

  beforeAll(async () => {
    server = new ServerProcess(
      await freePort(),
      data.path,
      {
        NODE_OPTIONS: `--import=${moduleLog}`,
        MODULE_LOG: logFile,
      },
      build,
    )
    await server.start()
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    data.remove()
  })

  const loaded = (thread: 'main' | 'workers') =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' ') as [string, string])
      .filter(([id]) => (thread === 'main' ? id === '0' : id !== '0'))
      .map(([, url]) => url)

  it('has not loaded the PDF stack or unused store drivers after serving a board and exporting it as PDF', async () => {
    const session = await createSession(server.url, 'blank', 'Licht')
    const writer = connectProvider(server.wsUrl, session.board())
    await whenSynced(writer)
    boardRecords(writer.doc).set('shape:een', noteRecord('shape:een', 'Een sticky', 10, 10))
    const exported = async (format: string) => {
      const response = await fetch(`${server.url}/api/sessions/${session.id}/export.${format}`, {
        headers: { authorization: `Bearer ${session.facilitatorToken}` },
      })
      expect(response.status, format).toBe(200)
      return response
    }
    await eventually(async () => {
      const summary = sessionSummarySchema.parse(await (await exported('json')).json())
      return summary.stickyGroups.some((group) => group.stickies.some((sticky) => sticky.id === 'shape:een'))
    }, 'the sticky reaches the export')
    writer.destroy()
    expect((await exported('pdf')).headers.get('content-type')).toContain('application/pdf')

    // The log shows the PDF stack where it belongs, so its absence from the main thread means something.
    expect(loaded('workers').some((url) => /\/pdfkit@/.test(url))).toBe(true)
    const main = loaded('main')
    expect(main.some((url) => entry.test(url))).toBe(true)
    const ours = (url: string) => url.startsWith('file:') && !url.includes('/node_modules/')
    expect(main.filter((url) => ours(url) && url.endsWith('.ts') && !typeScript.test(url))).toEqual([])
    for (const pattern of NOT_FOR_BOARDS) expect(main.filter((url) => pattern.test(url))).toEqual([])
  }, 60_000)
})
