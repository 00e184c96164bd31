import { describe, expect, it } from 'vitest'
import { Participant } from '../support/browser.ts'
import { useBrowserSession } from '../support/session.ts'

/**
 * The facilitator holds the door, through the built client in Chromium: Fien closes joining and Bram's join is
 * refused with a clear message; a new invitation makes the old link useless; Fien removes Anna and Anna's page
 * says so. The steps build on each other, like a workshop would.
 */
describe('the facilitator holds the door', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna, Bram: bram },
  } = useBrowserSession({ people: ['Fien', 'Anna', 'Bram'] })
  let share: { code: string; participantLink: string; observerLink: string }

  const sharePanel = () => fien.page.getByRole('region', { name: 'Delen', exact: true })
  const joinForm = (person: Participant) => person.page.getByRole('form', { name: 'Deelnemen aan de sessie' })

  /** Opens the participants' link and asks to join; the board may or may not follow. */
  async function tryToJoin(person: Participant, link: string): Promise<void> {
    await person.page.goto(link)
    await joinForm(person).getByLabel('Je naam').fill(person.name)
    await joinForm(person).getByRole('button', { name: 'Deelnemen' }).click()
  }

  it('a participant joins with the link while the door is open', async () => {
    await fien.createSession(`${server.url}/`, 'Leeg bord', 'De deur')
    share = await fien.shareDetails()
    await anna.joinByLink(share.participantLink)
    await fien.showTab('Deelnemers')
    await fien.onlineParticipant('Anna', 'Deelnemer').waitFor()
  })

  it('"Deelnemen sluiten": a join fails with a clear message; "Deelnemen openen" lets people in again', async () => {
    await sharePanel().getByRole('button', { name: 'Deelnemen sluiten' }).click()
    await sharePanel().getByText('Deelnemen is gesloten').waitFor()
    await tryToJoin(bram, share.participantLink)
    await joinForm(bram).getByRole('alert').filter({ hasText: 'De facilitator heeft deelnemen gesloten.' }).waitFor()
    expect(await bram.page.locator('.tl-canvas').count()).toBe(0)

    await sharePanel().getByRole('button', { name: 'Deelnemen openen' }).click()
    await sharePanel().getByRole('button', { name: 'Deelnemen sluiten' }).waitFor()
  })

  it('"Nieuwe uitnodiging": the old link fails, the new one works, and Anna stays in', async () => {
    await sharePanel().getByRole('button', { name: 'Nieuwe uitnodiging' }).click()
    await sharePanel().getByRole('status').filter({ hasText: 'Nieuwe code en link gemaakt.' }).waitFor()
    const fresh = await fien.shareDetails()
    expect(fresh.code).not.toBe(share.code)
    expect(fresh.participantLink).not.toBe(share.participantLink)

    await tryToJoin(bram, share.participantLink)
    await joinForm(bram).getByRole('alert').filter({ hasText: 'Deze uitnodiging werkt niet (meer).' }).waitFor()
    await bram.joinByLink(fresh.participantLink)
    await fien.onlineParticipant('Bram', 'Deelnemer').waitFor()
    await fien.onlineParticipant('Anna', 'Deelnemer').waitFor()
    await anna.waitForConnection('Verbonden')
  })

  it('"Verwijderen": the removed participant\'s page says so, and they leave the list; their sticky stays', async () => {
    await bram.showTab('Deelnemers')
    await bram.participantEntry('Anna', 'Deelnemer').waitFor()
    await anna.addStickyNote(420, 320, 'Van Anna')
    await fien.shapeWithText('Van Anna').waitFor()
    await fien.participantEntry('Anna', 'Deelnemer').getByRole('button', { name: 'Verwijderen' }).click()
    await anna.page
      .getByRole('alert')
      .filter({ hasText: 'De facilitator heeft je uit deze sessie verwijderd.' })
      .waitFor()
    await fien.participantEntry('Anna', 'Deelnemer').waitFor({ state: 'detached' })
    await bram.participantEntry('Anna', 'Deelnemer').waitFor({ state: 'detached' })
    // The facilitator has no "Verwijderen" for themselves; the sticky is still on everyone's board.
    expect(
      await fien.participantEntry('Fien', 'Facilitator').getByRole('button', { name: 'Verwijderen' }).count(),
    ).toBe(0)
    await bram.shapeWithText('Van Anna').waitFor()
    expect(await fien.shapeWithText('Van Anna').count()).toBe(1)
  })
})
