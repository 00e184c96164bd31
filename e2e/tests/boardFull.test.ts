import { createSession, fillBoard } from '@werkplaats/server/testing/boardFiller'
import { describe, expect, it } from 'vitest'
import { facilitatorLink } from '../support/server.ts'
import { useBrowserSession } from '../support/session.ts'

/** Small enough to fill in a moment, large enough for the blank board the session starts with. */
const CAP = 256 * 1024

describe('a full board', () => {
  const {
    server,
    people: { Fenna: fenna },
  } = useBrowserSession({ people: ['Fenna'], env: { MAX_BOARD_BYTES: String(CAP) } })

  it("is announced on the facilitator's screen, though a participant filled it", async () => {
    const session = await createSession(server.wsUrl, 'blank', 'Vol bord')
    await fenna.open(await facilitatorLink(server.url, session))
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
