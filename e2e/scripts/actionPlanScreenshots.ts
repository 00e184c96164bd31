import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { launchBrowser, Participant } from '../support/browser.ts'
import { goToStage as openStage } from '../support/facilitation.ts'
import { createSessionLinks, startServer } from '../support/server.ts'
import { choosePrinciple, votingDock, votingSection } from '../support/voting.ts'

/**
 * Pictures of the action plan on the board (the Actieplan frame's table) and of Afsluiting's outcome, on a laptop
 * (1440×900) and a phone (390×844), in Dutch and English, for the facilitator, a participant and the projector.
 * Run `node scripts/actionPlanScreenshots.ts` in this folder after building the client; the PNGs land in
 * docs/screenshots/.
 */
const outDir = resolve(import.meta.dirname, '../../docs/screenshots')
const laptop = { viewport: { width: 1440, height: 900 } }
const principle = '2. ALLE AMBTENAREN AANMOEDIGEN EN UITRUSTEN OM TE INNOVEREN'

const server = await startServer()
const browser = await launchBrowser()
try {
  await mkdir(outDir, { recursive: true })
  const shot = (person: Participant, name: string) => person.page.screenshot({ path: resolve(outDir, `${name}.png`) })
  const fien = await Participant.open(browser, 'Fien', laptop)
  const anna = await Participant.open(browser, 'Anna', laptop)
  const bram = await Participant.open(browser, 'Bram', Participant.phone)
  const olga = await Participant.open(browser, 'Olga', laptop)
  const eddie = await Participant.open(browser, 'Eddie', laptop)
  const emma = await Participant.open(browser, 'Emma', Participant.phone)
  for (const english of [eddie, emma]) {
    await english.page.goto(`${server.url}/`, { timeout: 60_000 })
    await english.page.getByLabel('Taal').selectOption('en')
    await english.page.getByRole('heading', { name: 'New session' }).waitFor()
  }

  const links = await createSessionLinks(server.url, {
    templateId: 'oecd-innovatie-playbook',
    title: 'Team Noord',
    facilitatorName: 'Fien',
  })
  await fien.open(links.facilitator)
  for (const person of [anna, bram]) await person.joinByLink(links.participant)
  for (const person of [eddie, emma]) {
    await person.page.goto(links.participant)
    const form = person.page.getByRole('form', { name: 'Join the session' })
    await form.getByLabel('Your name').fill(person.name)
    await form.getByRole('button', { name: 'Join' }).click()
    await person.page.locator('.tl-canvas').waitFor()
  }
  await olga.open(links.observer)

  const goToStage = (title: RegExp) => openStage(fien, title)

  await goToStage(/^Startpunt/)
  await choosePrinciple(fien, anna, principle)
  await anna.showTab('Stemmen')

  await goToStage(/^Actieplan/)
  await fien.showTab('Acties')
  await votingDock(fien).getByRole('button', { name: 'Actieplan', exact: true }).click()
  const plan = votingSection(fien, 'Actieplan')
  const items = [
    ['Een dag meelopen met de balie', 'Anna', 'Afspraak met de teamleider maken', '2027-01-15'],
    ['Maandelijks een innovatiecafé organiseren', 'Bram', 'Een zaal reserveren en de eerste uitnodiging sturen', ''],
    ['Ruimte in de planning voor experimenten', '', '', '2027-03-01'],
  ] as const
  for (const [index, [text, owner, step, date]] of items.entries()) {
    await plan.getByLabel('Nieuwe actie').fill(text)
    await plan.getByRole('button', { name: 'Toevoegen', exact: true }).click()
    const item = plan.getByRole('group', { name: `Actie ${index + 1}` })
    if (owner) await item.getByLabel('Eigenaar').selectOption(owner)
    if (step) await item.getByLabel('Eerste stap').fill(step)
    if (date) await item.getByLabel('Datum').fill(date)
  }
  const table = (person: Participant) =>
    person.page.locator('.tl-shape[data-shape-type="action-plan-table"] [data-plan-row]').nth(2)
  for (const person of [anna, olga, eddie, fien]) await person.settledBox(table(person))
  await shot(fien, 'action-plan-facilitator')
  await shot(anna, 'action-plan-participant')
  await shot(olga, 'action-plan-observer')
  await shot(eddie, 'en-action-plan-participant')
  for (const phone of [bram, emma]) {
    await phone.page.getByRole('button', { name: /^(Bord bekijken|View the board)$/ }).tap()
    await phone.settledBox(table(phone))
  }
  await shot(bram, 'action-plan-phone-board')
  await shot(emma, 'en-action-plan-phone-board')
  for (const phone of [bram, emma])
    await phone.page.getByRole('button', { name: /^(Terug naar de taak|Back to the task)$/ }).tap()

  await goToStage(/^Afsluiting/)
  for (const person of [anna, olga]) await person.showTab('Fase')
  await eddie.showTab('Stage')
  for (const [person, name] of [
    [fien, 'closing-facilitator'],
    [anna, 'closing-participant'],
    [olga, 'closing-observer'],
    [eddie, 'en-closing-participant'],
    [bram, 'closing-phone'],
    [emma, 'en-closing-phone'],
  ] as const) {
    await person.page.locator('.wp-closing').getByText('Een dag meelopen met de balie').waitFor()
    await person.page.locator('.wp-closing').scrollIntoViewIfNeeded()
    await shot(person, name)
  }
} finally {
  await browser.close()
  await server.destroy()
}
