import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { launchBrowser, Participant } from '../support/browser.ts'
import { startServer } from '../support/server.ts'

/**
 * Pictures of the pages a facilitator, a participant and an observer see, for the README and reviews: the
 * same flow as tests/sessions.test.ts, against the real server and the built client, in Debian's Chromium.
 * Run `pnpm screenshots` in this folder after building the client; the PNGs land in docs/screenshots/.
 */
/** A file name from a stage title: "Welkom & check-in" → "welkom-check-in". */
function slug(title: string): string {
  return title
    .toLowerCase()
    .split(':')[0]!
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

const outDir = resolve(import.meta.dirname, '../../docs/screenshots')

const server = await startServer()
const browser = await launchBrowser()
try {
  await mkdir(outDir, { recursive: true })
  const shot = (person: Participant, name: string) => person.page.screenshot({ path: resolve(outDir, `${name}.png`) })
  const [fien, anna, bram, olaf] = await Promise.all(
    ['Fien', 'Anna', 'Bram', 'Olaf'].map((name) => Participant.open(browser, name)),
  )
  if (!fien || !anna || !bram || !olaf) throw new Error('four browser contexts expected')

  await fien.createSession(`${server.url}/`, 'Innovatie Playbook', 'Innovatiesessie team Noord')
  const share = await fien.shareDetails()
  await anna.joinByLink(share.participantLink)

  await bram.page.goto(`${server.url}/join`)
  await bram.page.getByLabel('Code').fill(share.code)
  await bram.page.getByLabel('Je naam').fill('Bram')
  await shot(bram, 'join')
  await bram.joinByCode(server.url, share.code)
  await olaf.open(share.observerLink)

  await anna.addStickyNote(420, 320, 'Meer ruimte om te experimenteren')
  await bram.addStickyNote(640, 360, 'Klantreis in kaart brengen')
  for (const [person, x, y] of [
    [anna, 520, 470],
    [bram, 760, 520],
    [olaf, 300, 560],
    [fien, 600, 250],
  ] as const) {
    await person.page.mouse.move(x - 40, y - 20)
    await person.page.mouse.move(x, y, { steps: 8 })
  }
  await fien.showTab('Deelnemers')
  await fien.onlineParticipant('Waarnemer', 'Waarnemer').waitFor()
  await anna.collaboratorCursor('Bram').waitFor()
  await olaf.collaboratorCursor('Anna').waitFor()

  await shot(fien, 'facilitator')
  await shot(anna, 'participant')
  await shot(olaf, 'observer')

  // Each stage of the agenda, as the facilitator runs it and as a participant follows: "Volgende fase" brings
  // Anna's view along; the timer runs with the stage's minutes.
  const panel = fien.page.getByRole('complementary', { name: 'Facilitatorpaneel' })
  // The board, not the share panel, on the facilitator's screen; both with the stage tab open, and her last
  // sticky no longer selected (tldraw's style panel would cover the stage).
  await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
  await fien.showTab('Fase')
  await anna.showTab('Fase')
  await anna.page.mouse.click(500, 700)
  await anna.page.keyboard.press('Escape')
  const stages = await panel.getByRole('list', { name: 'Ga naar fase' }).getByRole('button').all()
  for (let i = 0; i < stages.length; i++) {
    await panel.getByRole('button', { name: 'Volgende fase' }).click()
    const current = panel.locator('[aria-current="step"] .wp-stage-list__title')
    const title = (await current.textContent()) ?? ''
    await anna.page.getByRole('complementary', { name: 'Fase' }).getByRole('heading', { name: title }).waitFor()
    if (i === 1) {
      await panel.getByRole('button', { name: 'Start', exact: true }).click()
      await anna.page.locator('[data-testid="timer"][data-status="running"]').waitFor()
    }
    // Let the template cards and fonts settle after the camera moved.
    await fien.page.waitForTimeout(700)
    const name = `stage-${i + 1}-${slug(title)}`
    await shot(fien, `${name}-facilitator`)
    await shot(anna, `${name}-participant`)
  }

  // A participant on a phone: the task first, the board one tap away.
  const pia = await Participant.open(browser, 'Pia', Participant.phone)
  await pia.joinByCode(server.url, share.code)
  const task = pia.page.getByRole('main', { name: 'Jouw taak' })
  await task.getByRole('heading').first().waitFor()
  await pia.page.waitForTimeout(500)
  await shot(pia, 'phone-participant')
  await task.getByRole('button', { name: 'Sticky schrijven' }).tap()
  await task.getByLabel('Wat schrijf je op je sticky?').fill('Vaker samen met burgers testen')
  await shot(pia, 'phone-participant-writing')
  await task.getByRole('button', { name: 'Op het bord zetten' }).tap()
  await task.getByRole('button', { name: 'Bord bekijken' }).tap()
  await pia.page.waitForTimeout(700)
  await shot(pia, 'phone-participant-board')
  await fien.showTab('Stemmen')
  await shot(fien, 'facilitator-voting-tab')

  const start = await fien.context.newPage()
  await start.goto(`${server.url}/`)
  await start.getByRole('heading', { name: 'Innovatie Playbook' }).waitFor()
  await start.screenshot({ path: resolve(outDir, 'start.png') })
  console.log(`screenshots written to ${outDir}`)
} finally {
  await browser.close()
  await server.destroy()
}
