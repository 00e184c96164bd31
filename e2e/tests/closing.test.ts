import { describe, expect, it } from 'vitest'
import type { Participant } from '../support/browser.ts'
import { useBrowserSession } from '../support/session.ts'

/**
 * The facilitator closes the session and reopens it, through the built client in Chromium: "Sessie afsluiten"
 * asks first in the app's own dialog; then every screen says the session is closed and the board stays as it
 * was; "Heropenen" lets everyone work again. The steps build on each other, like a workshop would.
 */
describe('closing and reopening a session', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna },
  } = useBrowserSession({ people: ['Fien', 'Anna'] })

  const closedNotice = (person: Participant) =>
    person.page.getByRole('status').filter({ hasText: 'Deze sessie is afgesloten' })
  const notes = (person: Participant) => person.page.locator('.tl-shape[data-shape-type="note"]')
  const dialog = () => fien.page.getByRole('alertdialog', { name: 'Sessie afsluiten?' })

  it('the facilitator sees when an idle session will be deleted', async () => {
    await fien.createSession(`${server.url}/`, 'Leeg bord', 'Afsluiten')
    const share = await fien.shareDetails()
    await anna.joinByLink(share.participantLink)
    await fien.showTab('Deelnemers')
    await fien.onlineParticipant('Anna', 'Deelnemer').waitFor()
    await anna.addStickyNote(420, 320, 'Voor het afsluiten')
    await fien.shapeWithText('Voor het afsluiten').waitFor()
    await fien.page.getByText(/^Wordt verwijderd op \d+ \w+ \d{4} als er tot dan niets gebeurt\.$/).waitFor()
  })

  it('"Sessie afsluiten" asks first; cancelling changes nothing', async () => {
    await fien.page.getByRole('button', { name: 'Sessie afsluiten' }).click()
    await dialog().waitFor()
    await dialog().getByRole('button', { name: 'Annuleren' }).click()
    await dialog().waitFor({ state: 'detached' })
    expect(await closedNotice(anna).count()).toBe(0)
  })

  it('once confirmed, every screen says the session is closed and nobody can change the board', async () => {
    await fien.page.getByRole('button', { name: 'Sessie afsluiten' }).click()
    await dialog().getByRole('button', { name: 'Sessie afsluiten' }).click()
    await dialog().waitFor({ state: 'detached' })
    await closedNotice(anna).waitFor()
    await closedNotice(fien).waitFor()
    await fien.page.getByRole('button', { name: 'Heropenen' }).waitFor()
    // Read-only, not thrown out: Anna still sees the board live; the note tool makes nothing (checked below, once
    // the sticky she writes after reopening has arrived).
    await anna.waitForConnection('Verbonden')
    await anna.page.mouse.click(640, 620)
    await anna.page.keyboard.press('n')
    await anna.page.mouse.click(300, 250)
    await anna.page.keyboard.type('Na het afsluiten')
    await anna.page.keyboard.press('Escape')
    expect(await notes(anna).count()).toBe(1)
  })

  it('"Heropenen" lets everyone work again', async () => {
    await fien.page.getByRole('button', { name: 'Heropenen' }).click()
    await closedNotice(anna).waitFor({ state: 'detached' })
    await fien.page.getByRole('button', { name: 'Sessie afsluiten' }).waitFor()
    await anna.addStickyNote(520, 420, 'Na het heropenen')
    await fien.shapeWithText('Na het heropenen').waitFor()
    expect(await notes(fien).count()).toBe(2)
    expect(await fien.shapeWithText('Na het afsluiten').count()).toBe(0)
  })
})
