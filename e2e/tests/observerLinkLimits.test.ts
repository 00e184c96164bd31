import { observerInviteFromFragment } from '@werkplaats/shared'
import { describe, it } from 'vitest'
import { createSessionOverApi } from '../support/server.ts'
import { useBrowserSession } from '../support/session.ts'

/** Opens the observers' link `count` times over the API, as that many screens would, from this test's address. */
async function watchTimes(serverUrl: string, observerLink: string, count: number): Promise<void> {
  const sessionId = new URL(observerLink).pathname.split('/')[2] ?? ''
  const invite = observerInviteFromFragment(new URL(observerLink).hash) ?? ''
  for (let i = 0; i < count; i++) {
    await fetch(`${serverUrl}/api/sessions/${sessionId}/observers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invite }),
    })
  }
}

/**
 * When the server says "not now" to an observers' link (too many screens opened it from one address, or the session
 * has as many observer screens as it admits), the screen says which, and how long to wait, with a way to try again,
 * instead of calling the server unreachable.
 */
describe("an observers' link the server cannot take now", () => {
  describe('too many openings from one address', () => {
    const {
      server,
      people: { Beamer: beamer },
    } = useBrowserSession({
      people: ['Beamer'],
      env: { JOIN_BURST_PER_ADDRESS: '2', JOINS_PER_MINUTE_PER_ADDRESS: '1' },
    })

    it('says to wait, for how long, and offers to try again', async () => {
      const links = await createSessionOverApi(server.url, 'Drukte')
      await watchTimes(server.url, links.observer, 2)
      await beamer.page.goto(links.observer)
      const alert = beamer.page.getByRole('alert')
      await alert.getByRole('heading', { name: 'Even geduld' }).waitFor()
      await alert.getByText(/^Te veel pogingen\. Probeer het over \d+ seconden? opnieuw\.$/).waitFor()
      await alert.getByRole('button', { name: 'Opnieuw proberen' }).waitFor()
    })
  })

  describe('a session with all the observer screens it admits', () => {
    const {
      server,
      people: { Beamer: beamer },
    } = useBrowserSession({ people: ['Beamer'], env: { JOIN_BURST_PER_ADDRESS: '1000' } })

    it('says so, in words a person can act on', async () => {
      const links = await createSessionOverApi(server.url, 'Vol')
      // The session was made with one observer's token; 199 more screens fill it.
      await watchTimes(server.url, links.observer, 199)
      await beamer.page.goto(links.observer)
      const alert = beamer.page.getByRole('alert')
      await alert.getByRole('heading', { name: 'Er kijken al genoeg schermen mee' }).waitFor()
      await alert.getByRole('button', { name: 'Opnieuw proberen' }).waitFor()
    })
  })
})
