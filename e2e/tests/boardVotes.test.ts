import { beforeAll, describe, expect, it } from 'vitest'
import type { Participant } from '../support/browser.ts'
import { createSessionOverApi } from '../support/server.ts'
import { useBrowserSession } from '../support/session.ts'
import { startRound, votingSection } from '../support/voting.ts'

/** The board's own shape ids for the template layer (see the client's `templateLayer/ids.ts`). */
const templateShape = (layoutId: string) => `[data-shape-id="shape:tpl-${layoutId}"]`

/**
 * Votes live on the board: a sticky's dot stands above everything in the frame and is large enough to tap,
 * the tallies and the winners show on the sticky and the cards after reveal, and a second pass of the journey
 * starts without the first pass's chips on its cards.
 */
describe('votes and results on the board', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna },
  } = useBrowserSession({ people: ['Fien', 'Anna'] })

  beforeAll(async () => {
    const links = await createSessionOverApi(server.url, 'Stemmen')
    await fien.open(links.facilitator)
    await anna.joinByLink(links.participant)
  })

  const stickyDot = (person: Participant) => person.page.locator('.wp-sticky-vote [data-card-vote^="shape:"]')

  it("a dot on a sticky in Startpunt's frame is the topmost element at its place, and at least 24 px", async () => {
    // The stage list is in the facilitator's drawer, on its Fase tab.
    await fien.showTab('Fase')
    await fien.page.locator('.wp-stage-list__item', { hasText: 'Startpunt' }).click()
    // Anna's view is brought to the stage, readable at its principles; she scrolls right to its zone, "Onze
    // uitdagingen", to write there.
    const title = anna.page.locator('.wp-tpl-frame__title').filter({ hasText: 'Startpunt' })
    await title.waitFor()
    await anna.settledBox(title)
    await anna.page.mouse.move(400, 400)
    await anna.page.mouse.wheel(900, 0)
    const zone = anna.page.locator(templateShape('r0:startpunt:writing-zone'))
    await zone.waitFor()
    await expect.poll(async () => (await zone.boundingBox())?.width ?? 0).toBeGreaterThan(100)
    const box = await zone.boundingBox()
    if (!box) throw new Error('the writing zone is on screen')
    await anna.addStickyNote(box.x + box.width / 2, box.y + Math.min(box.height / 3, 200), 'Koffie eerst')
    await startRound(fien, 3, 'Startpunt: wat zijn de uitdagingen die je wil aanpakken?')

    const button = stickyDot(anna).getByRole('button', { name: 'Stem: Koffie eerst' })
    await button.waitFor()
    const dot = await button.boundingBox()
    if (!dot) throw new Error('the dot is on screen')
    expect(dot.width).toBeGreaterThanOrEqual(24)
    expect(dot.height).toBeGreaterThanOrEqual(24)
    const topmost = await anna.page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label') ?? null,
      { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 },
    )
    expect(topmost).toBe('Stem: Koffie eerst')
  })

  it('a vote leaves a filled voted state on the sticky and the card, not a disabled button', async () => {
    await stickyDot(anna).getByRole('button', { name: 'Stem: Koffie eerst' }).click()
    await expect.poll(() => stickyDot(anna).getAttribute('data-card-vote-state')).toBe('voted')
    const principle = anna.page.locator('[data-card-vote]:not([data-card-vote^="shape:"])').first()
    const principleId = await principle.getAttribute('data-card-vote')
    await principle.locator('button').first().dispatchEvent('click')
    await expect
      .poll(() => anna.page.locator(`[data-card-vote="${principleId}"]`).first().getAttribute('data-card-vote-state'))
      .toBe('voted')
    await anna.showTab('Stemmen')
    await votingSection(anna, 'Stemmen').getByText('Nog 1 stem').waitFor()
  })

  it('after reveal the tallies show on the sticky and the cards, the winners marked on the board', async () => {
    await fien.showTab('Stemmen')
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
    for (const person of [fien, anna]) {
      await stickyDot(person).locator('[data-card-tally]').getByText('1 stem', { exact: true }).waitFor()
      await person.page.locator('.wp-sticky-vote--winner').waitFor()
    }
    const onCards = anna.page.locator('[data-shape-id^="shape:tpl-r0:startpunt:principle:"] [data-card-tally]')
    await expect.poll(() => onCards.count()).toBeGreaterThan(0)
  })

  it("the next pass's cards carry no chip of the first pass's round", async () => {
    await fien.showTab('Fase')
    await fien.page.getByRole('button', { name: 'Kies een andere uitdaging', exact: true }).click()
    await fien.page
      .getByRole('alertdialog', { name: 'Kies een andere uitdaging?' })
      .getByRole('button', { name: 'Nieuwe ronde starten' })
      .click()
    const secondPass = (person: Participant) =>
      person.page.locator('[data-shape-id^="shape:tpl-r1:startpunt:principle:"]')
    for (const person of [fien, anna]) {
      await expect.poll(() => secondPass(person).count()).toBeGreaterThan(0)
      await expect.poll(() => person.page.locator('[data-card-tally]').count()).toBe(0)
      expect(await secondPass(person).locator('[data-card-vote]').count()).toBe(0)
    }
  })

  it('no screen reported an error', () => {
    for (const person of [fien, anna]) expect(person.problems, person.name).toEqual([])
  })
})
