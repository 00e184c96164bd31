import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { Participant } from '../support/browser.ts'
import { goToStage as openStage } from '../support/facilitation.ts'
import { createSessionLinks } from '../support/server.ts'
import { useBrowserSession } from '../support/session.ts'
import { choosePrinciple, votingDock, votingSection } from '../support/voting.ts'

/**
 * The action plan on the board and the closing in the room, with a facilitator, a participant and an observer (the
 * projector) on laptops: an action the facilitator adds, with an owner chosen from the people of the session, is drawn
 * in the Actieplan frame on every board; Afsluiting shows what was decided; "Kies een andere uitdaging" asks in the
 * app's own dialog. The steps build on each other, like a workshop would.
 */
describe('the action plan on the board, and the closing', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna, Olga: olga },
  } = useBrowserSession({ people: ['Fien', 'Anna', 'Olga'] })
  const principle = '2. ALLE AMBTENAREN AANMOEDIGEN EN UITRUSTEN OM TE INNOVEREN'
  const action = 'Een dag meelopen met de balie'

  const stageList = () => fien.page.getByRole('list', { name: 'Ga naar fase' })
  const goToStage = (title: RegExp) => openStage(fien, title)
  const planSection = () => votingSection(fien, 'Actieplan')
  const table = (person: Participant) => person.page.locator('.tl-shape[data-shape-type="action-plan-table"]')
  const frame = (person: Participant) =>
    person.page.locator('.tl-shape[data-shape-type="stage-frame"]').filter({ hasText: /^Actieplan/ })

  it('a facilitator, a participant and an observer open the session, and the team chooses its principle', async () => {
    const links = await createSessionLinks(server.url, {
      templateId: 'oecd-innovatie-playbook',
      title: 'Actieplan',
      facilitatorName: 'Fien',
    })
    await fien.open(links.facilitator)
    await anna.joinByLink(links.participant)
    await olga.open(links.observer)

    await goToStage(/^Startpunt/)
    await choosePrinciple(fien, anna, principle)
  })

  it('"Toevoegen" waits for an action text', async () => {
    await goToStage(/^Actieplan/)
    await fien.showTab('Acties')
    await votingDock(fien).getByRole('button', { name: 'Actieplan', exact: true }).click()
    const add = planSection().getByRole('button', { name: 'Toevoegen', exact: true })
    expect(await add.isDisabled()).toBe(true)
    await planSection().getByLabel('Nieuwe actie').fill('   ')
    expect(await add.isDisabled()).toBe(true)
    await planSection().getByLabel('Nieuwe actie').fill(action)
    expect(await add.isEnabled()).toBe(true)
  })

  it("an action whose owner is chosen from the participants appears in the Actieplan frame on the participant's and the observer's board", async () => {
    await planSection().getByRole('button', { name: 'Toevoegen', exact: true }).click()
    const item = planSection().getByRole('group', { name: 'Actie 1' })
    const owner = item.getByLabel('Eigenaar')
    // Not free text: "Nog niemand" or one of the session's people.
    expect(await owner.evaluate((select) => select.tagName)).toBe('SELECT')
    const options = await owner.locator('option').allTextContents()
    expect(options).toEqual(expect.arrayContaining(['Nog niemand', 'Anna']))
    await owner.selectOption('Anna')
    await item.getByLabel('Eerste stap').fill('Teamleider bellen')

    for (const person of [anna, olga, fien]) {
      const row = table(person).locator('[data-plan-row]').filter({ hasText: action })
      await row.filter({ hasText: 'Anna' }).filter({ hasText: 'Teamleider bellen' }).waitFor()
      await table(person).getByRole('columnheader', { name: 'Eigenaar' }).waitFor()
      expectInside(await person.settledBox(row), await frame(person).boundingBox(), person.name)
    }
  })

  it('Afsluiting shows the chosen principle and the action with its owner, in the drawer of every role', async () => {
    await goToStage(/^Afsluiting/)
    for (const person of [fien, anna, olga]) {
      await person.showTab('Fase')
      const outcome = person.page.getByRole('region', { name: 'Wat we besloten' })
      await outcome.getByText(principle).waitFor()
      await outcome.getByText(action).waitFor()
      await outcome.getByText(/^Anna · Teamleider bellen/).waitFor()
    }
    const outcome = fien.page.getByRole('region', { name: 'Wat we besloten' })
    await outcome.getByRole('button', { name: 'Samenvatting delen' }).click()
    const menu = fien.page.getByRole('region', { name: 'Exporteren', exact: true })
    await menu.waitFor()
    // The board image holds the table: the Actieplan stage's SVG carries its words.
    await menu.getByLabel('Wat').selectOption({ label: 'Actieplan' })
    const [file] = await Promise.all([
      fien.page.waitForEvent('download'),
      menu.getByRole('button', { name: 'SVG downloaden' }).click(),
    ])
    const svg = (await readFile(await file.path())).toString('utf8')
    for (const text of ['Eigenaar', 'Eerste stap', action, 'Anna', 'Teamleider bellen']) expect(svg).toContain(text)
  })

  it('"Kies een andere uitdaging" asks in the app\'s own dialog, and cancelling keeps the stage and the round', async () => {
    await fien.showTab('Fase')
    let nativeDialogs = 0
    fien.page.on('dialog', (dialog) => {
      nativeDialogs += 1
      void dialog.dismiss()
    })
    await fien.page.getByRole('button', { name: 'Kies een andere uitdaging', exact: true }).click()
    const dialog = fien.page.getByRole('alertdialog', { name: 'Kies een andere uitdaging?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Annuleren' }).click()
    await dialog.waitFor({ state: 'detached' })
    await fien.nextFrames()
    expect(nativeDialogs).toBe(0)
    await stageList()
      .getByRole('button', { name: /^Afsluiting/ })
      .and(fien.page.locator('[aria-current="step"]'))
      .waitFor()
    expect(await fien.page.getByText('Ronde 2').count()).toBe(0)
  })

  it('no screen reported an error', () => {
    for (const person of [fien, anna, olga]) expect(person.problems, person.name).toEqual([])
  })
})

function expectInside(
  inner: { x: number; y: number; width: number; height: number } | null,
  outer: { x: number; y: number; width: number; height: number } | null,
  who: string,
): void {
  if (!inner || !outer) throw new Error(`the table row and the Actieplan frame are on ${who}'s screen`)
  expect(inner.x, who).toBeGreaterThanOrEqual(outer.x)
  expect(inner.y, who).toBeGreaterThanOrEqual(outer.y)
  expect(inner.x + inner.width, who).toBeLessThanOrEqual(outer.x + outer.width + 1)
  expect(inner.y + inner.height, who).toBeLessThanOrEqual(outer.y + outer.height + 1)
}
