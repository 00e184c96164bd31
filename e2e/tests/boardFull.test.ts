import { createSession, fillBoard } from '@werkplaats/server/testing/boardFiller'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, Participant } from '../support/browser.ts'
import { type ServerProcess, startServer } from '../support/server.ts'

/** Small enough to fill in a moment, large enough for the blank board the session starts with. */
const CAP = 256 * 1024

describe('a full board', () => {
  let server: ServerProcess
  let browser: Browser
  let fenna: Participant

  beforeAll(async () => {
    server = await startServer({ MAX_BOARD_BYTES: String(CAP) })
    browser = await launchBrowser()
  })

  afterAll(async () => {
    await fenna?.close()
    await browser?.close()
    await server?.destroy()
  })

  it("is announced on the facilitator's screen, though a participant filled it", async () => {
    const session = await createSession(server.wsUrl, 'blank', 'Vol bord')
    fenna = await Participant.open(browser, 'Fenna')
    await fenna.open(session.links.facilitator)
    const closed = await fillBoard(server.wsUrl, session, CAP)
    expect(closed.code).toBe(4413)
    const notice = fenna.page
      .getByRole('alert')
      .filter({ has: fenna.page.getByRole('heading', { name: 'Het bord is vol' }) })
    await notice.waitFor()
    expect(await notice.textContent()).toContain('er kan niets meer bij')
    // The facilitator's own connection is untouched: still connected.
    await fenna.waitForConnection('Verbonden')
  })
})
