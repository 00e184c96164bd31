import { PRESENCE_AWARENESS_FIELD } from '@werkplaats/shared'
import { createSession } from '@werkplaats/server/testing/boardFiller'
import { announcePresence, connectRaw, type RawClient } from '@werkplaats/server/testing/clients'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, Participant } from '../support/browser.ts'
import { type ServerProcess, startServer } from '../support/server.ts'

/** Everyone's cursor lands inside what a 1280×720 screen shows of a fresh board. */
function presenceAt(x: number, y: number) {
  return {
    [PRESENCE_AWARENESS_FIELD]: {
      userId: `sim-${x}-${y}`,
      name: 'ignored',
      color: '#2f9e44',
      pageId: 'page:page',
      cursor: { x, y },
      selectedShapeIds: [],
      viewport: { x: 0, y: 0, w: 1280, h: 720 },
    },
  }
}

/**
 * A crowd on one board: 60 simulated participants (plain WebSockets that publish presence, as a browser's
 * awareness does) and the facilitator, with one real participant's browser watching. The board switches to
 * crowd mode by itself, draws a bounded few cursors and the facilitator's, and counts the others.
 */
describe('a crowd on the board', () => {
  let server: ServerProcess
  let browser: Browser
  let bram: Participant
  const sockets: RawClient[] = []

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const { socket } of sockets) socket.close()
    await bram?.close()
    await browser?.close()
    await server?.destroy()
  })

  it('shows the count of cursors not drawn and the facilitator’s cursor', async () => {
    const session = await createSession(server.wsUrl, 'blank', 'Drukke sessie')
    const facilitator = await connectRaw(server.wsUrl, session.board())
    sockets.push(facilitator)
    for (let i = 0; i < 60; i++) {
      const { token } = await session.join(`Deelnemer ${i + 1}`)
      const socket = await connectRaw(server.wsUrl, session.board(token))
      sockets.push(socket)
      announcePresence(socket, presenceAt(300 + (i % 10) * 60, 250 + Math.floor(i / 10) * 50))
    }

    bram = await Participant.open(browser, 'Bram')
    await bram.joinByLink(session.links.participant)
    // The facilitator points at the board once Bram is there (a state sent before would reach him in the
    // handshake too; this way it also travels as a live change).
    announcePresence(facilitator, presenceAt(900, 500))

    await bram.page.getByRole('status').filter({ hasText: 'Drukke sessie' }).waitFor()
    const count = bram.page.getByRole('img', { name: /andere cursors niet getoond/ })
    await count.waitFor()
    await bram.collaboratorCursor('Facilitator').waitFor()
    const drawn = await bram.page.locator('.tl-collaborator__cursor').count()
    expect(drawn).toBeGreaterThan(1)
    expect(drawn).toBeLessThanOrEqual(21)
    // Everyone else of the 61 is counted.
    expect(await count.textContent()).toBe(`+${61 - drawn}`)
  })
})
