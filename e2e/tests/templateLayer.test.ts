import { describe, expect, it } from 'vitest'
import type { Participant } from '../support/browser.ts'
import { facilitatorLink } from '../support/server.ts'
import { useBrowserSession } from '../support/session.ts'

/**
 * The template on the board: every client lays it out from the template and the control room; nobody but an
 * unlocking facilitator can change it, and a participant who tries changes nothing, not even on their own screen.
 */
describe('the template layer', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna },
  } = useBrowserSession({ people: ['Fien', 'Anna'] })

  const principle = 'INNOVATIE BINNEN DE OVERHEIDSSECTOR VERWELKOMEN EN VERSTERKEN'

  async function zoomToCard(person: Participant): Promise<{ x: number; y: number; width: number; height: number }> {
    const card = person.page.locator('.tl-shape').filter({ hasText: principle }).first()
    await card.waitFor({ state: 'attached' })
    // Zoom to fit the board, then zoom in on the card with ctrl + wheel over it, as a person would.
    await person.page.mouse.click(640, 760)
    await person.page.keyboard.press('Shift+1')
    const widths: number[] = []
    for (let step = 0; step < 25; step++) {
      // Once the camera has come to rest after the zoom to fit, or the last step in.
      const box = await person.settledBox(card)
      if (!box) break
      widths.push(Math.round(box.width))
      if (box.width >= 150) return box
      await person.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40))
      await person.page.keyboard.down('Control')
      await person.page.mouse.wheel(0, -600)
      await person.page.keyboard.up('Control')
    }
    throw new Error(`could not zoom in on the card (widths ${widths.join(', ')})`)
  }

  it('shows every stage of the OECD template, with its cards, on every screen', async () => {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'oecd-innovatie-playbook', title: 'Laag', facilitatorName: 'Fien' }),
    })
    const created = (await response.json()) as {
      id: string
      facilitatorToken: string
      links: { participant: string }
    }
    await fien.open(await facilitatorLink(server.url, created))
    await anna.joinByLink(created.links.participant)
    for (const person of [fien, anna]) {
      for (const stage of ['Welkom & check-in', 'Actieplan', 'Afsluiting']) {
        await person.page.locator('.tl-shape').filter({ hasText: stage }).first().waitFor({ state: 'attached' })
      }
      await person.page.locator('.tl-shape').filter({ hasText: principle }).first().waitFor({ state: 'attached' })
    }
  })

  it('a participant cannot move or delete a template card', async () => {
    const before = await zoomToCard(anna)
    const card = anna.page.locator('.tl-shape').filter({ hasText: principle }).first()
    // Select everything the editor lets her select, and push it with the keyboard…
    await anna.page.mouse.click(before.x + before.width / 2, before.y + before.height + 40)
    await anna.page.keyboard.press('Control+a')
    for (let i = 0; i < 3; i++) await anna.page.keyboard.press('Shift+ArrowRight')
    await anna.nextFrames()
    expect(await card.boundingBox()).toEqual(before)
    // …and delete it.
    await anna.page.keyboard.press('Control+a')
    await anna.page.keyboard.press('Delete')
    await anna.nextFrames()
    expect(await card.count()).toBe(1)
    expect(await card.boundingBox()).toEqual(before)
    // Nothing reached the facilitator either.
    await fien.page.locator('.tl-shape').filter({ hasText: principle }).first().waitFor({ state: 'attached' })
    expect(anna.problems).toEqual([])
  })

  it('the facilitator hides and shows the background area; everyone sees it', async () => {
    const background = (person: Participant) =>
      person.page.locator('.tl-shape').filter({ hasText: 'Verklaring over innovatie in de publieke sector' })
    await background(anna).first().waitFor({ state: 'attached' })
    // The facilitator's template controls are in the drawer's Fase tab, closed until opened.
    await fien.showTab('Fase')
    const toggle = fien.page.getByRole('button', { name: 'Achtergrond tonen' })
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await toggle.click()
    await expect.poll(() => background(anna).count(), { timeout: 10_000 }).toBe(0)
    expect(await toggle.getAttribute('aria-pressed')).toBe('false')
    await toggle.click()
    await background(anna).first().waitFor({ state: 'attached' })
  })

  it('unlocked, the facilitator hides a card; every screen loses it until "Verborgen kaarten tonen"', async () => {
    const card = (person: Participant) => person.page.locator('.tl-shape').filter({ hasText: principle })
    await fien.showTab('Fase')
    await fien.page.getByRole('button', { name: 'Sjabloon ontgrendelen' }).click()
    // The drawer stands beside the board: closed, the board has the whole width to zoom in on the card.
    await fien.page.getByRole('button', { name: 'Paneel sluiten' }).click()
    const box = await zoomToCard(fien)
    await fien.page.keyboard.press('v')
    // Low on the card: the voting dock floats over the top left of the canvas.
    await fien.page.mouse.click(box.x + box.width / 2, box.y + box.height - 15)
    await fien.page.keyboard.press('Delete')
    await expect.poll(() => card(anna).count(), { timeout: 10_000 }).toBe(0)
    await fien.showTab('Fase')
    await fien.page.getByRole('button', { name: 'Verborgen kaarten tonen (1)' }).click()
    await card(anna).first().waitFor({ state: 'attached' })
    await fien.page.getByRole('button', { name: 'Sjabloon ontgrendelen' }).click()
    expect(await fien.page.getByRole('button', { name: 'Sjabloon ontgrendelen' }).getAttribute('aria-pressed')).toBe(
      'false',
    )
  })

  it('participants may export only once the facilitator allows it', async () => {
    const exportButton = anna.page.getByRole('button', { name: 'Exporteren' })
    expect(await exportButton.count()).toBe(0)
    await fien.showTab('Fase')
    await fien.page.getByRole('checkbox', { name: 'Iedereen mag de samenvatting exporteren' }).check()
    await exportButton.waitFor()
    await exportButton.click()
    // No names for anyone but the facilitator.
    expect(await anna.page.getByRole('checkbox', { name: /namen/i }).count()).toBe(0)
  })
})
