import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, Participant } from '../support/browser.ts'
import { type ServerProcess, startServer } from '../support/server.ts'

/**
 * tldraw needs a licence key away from localhost. The page is opened under a made-up host name that Chromium
 * resolves to 127.0.0.1, so it looks like a real install while every byte stays on this machine.
 */
const PUBLIC_HOST = 'werkplaats.test'
const NOTICE = 'tldraw-licentiesleutel nodig'

describe('the tldraw licence key', () => {
  let browser: Browser
  const servers: ServerProcess[] = []
  const visitors: Participant[] = []

  beforeAll(async () => {
    browser = await launchBrowser([`--host-resolver-rules=MAP ${PUBLIC_HOST} 127.0.0.1`])
  })

  afterEach(async () => {
    for (const visitor of visitors.splice(0)) await visitor.close()
    for (const server of servers.splice(0)) await server.destroy()
  })

  afterAll(async () => {
    await browser?.close()
  })

  async function openBoard(env: Record<string, string>, host: string): Promise<Participant> {
    const server = await startServer(env)
    servers.push(server)
    const visitor = await Participant.open(browser, 'Fenna')
    visitors.push(visitor)
    await visitor.createSession(`http://${host}:${server.port}/`, 'Leeg bord', 'Licentie')
    return visitor
  }

  it('without a key on a public host, the facilitator is told a key is needed', async () => {
    const visitor = await openBoard({}, PUBLIC_HOST)
    await visitor.page.getByRole('heading', { name: NOTICE }).waitFor()
  })

  it('with a key from the server environment, no notice (and no rebuild was needed)', async () => {
    const visitor = await openBoard({ TLDRAW_LICENSE_KEY: 'tldraw-example-key' }, PUBLIC_HOST)
    // createSession() waited for tldraw's canvas, which is only mounted once the config is in, in the same render as
    // the notice would be: nothing is still on its way.
    expect(await visitor.page.getByRole('heading', { name: NOTICE }).count()).toBe(0)
  })

  it('on localhost no key is needed, so no notice', async () => {
    const visitor = await openBoard({}, '127.0.0.1')
    expect(await visitor.page.getByRole('heading', { name: NOTICE }).count()).toBe(0)
  })
})
