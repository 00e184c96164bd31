import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchBrowser, Participant } from '../support/browser.ts'
import { startServer } from '../support/server.ts'

/**
 * Pictures of what a facilitator, a participant and the projector (an observer) see, on a laptop and on a phone, for
 * the README and reviews: the flow of tests/sessions.test.ts, then every stage of the OECD agenda, against the real
 * server and the built client, in Debian's Chromium. Dutch, and a few in English. Run `pnpm screenshots` in this
 * folder after building the client; the PNGs land in docs/screenshots/, named
 * `stage-<n>-<stage>-<desktop|phone>-<facilitator|participant|projector>.png` (`en-` before the English ones).
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
const desktop = { viewport: { width: 1440, height: 900 } }
/** The stages (1-based) also taken in English. */
const englishStages = new Set([1, 2, 5])

/** Opens a page of the app in English first (the join page's language menu, kept for the browser), then `url`. */
async function inEnglish(person: Participant, origin: string, url: string): Promise<void> {
  await person.page.goto(`${origin}/join`)
  await person.page.getByLabel('Taal').selectOption('en')
  await person.page.getByRole('heading', { name: 'Join a session' }).waitFor()
  if (url !== `${origin}/join`) await person.page.goto(url)
}

async function joinInEnglish(person: Participant, origin: string, code: string): Promise<void> {
  await inEnglish(person, origin, `${origin}/join`)
  const form = person.page.getByRole('form', { name: 'Join a session' })
  await form.getByLabel('Code').fill(code)
  await form.getByLabel('Your name').fill(person.name)
  await form.getByRole('button', { name: 'Join' }).click()
  await person.waitForConnection('Connected')
}

/**
 * Lets the camera's move to a new stage and the cards' fonts settle before a picture: a script, not a test, so a
 * short fixed wait after the screen's own signal is good enough here.
 */
async function settle(...people: Participant[]): Promise<void> {
  await Promise.all(people.map((person) => person.nextFrames()))
  await people[0]?.page.waitForTimeout(900)
}

/** A person for the pictures, patient with a machine that is busy with other work. */
async function person(browser: Browser, name: string, screen: Parameters<typeof Participant.open>[2]) {
  const opened = await Participant.open(browser, name, screen)
  opened.connectionTimeout = 90_000
  opened.page.setDefaultTimeout(60_000)
  return opened
}

const server = await startServer()
const browser = await launchBrowser()
try {
  await mkdir(outDir, { recursive: true })
  const shot = (person: Participant, name: string) => person.page.screenshot({ path: resolve(outDir, `${name}.png`) })
  const [fien, anna, bram, olaf] = await Promise.all(
    ['Fien', 'Anna', 'Bram', 'Olaf'].map((name) => person(browser, name, desktop)),
  )
  if (!fien || !anna || !bram || !olaf) throw new Error('four browser contexts expected')

  await fien.createSession(`${server.url}/`, 'Innovatie Playbook', 'Innovatiesessie team Noord')
  const share = await fien.shareDetails()
  const sharePanel = fien.page.getByRole('region', { name: 'Delen', exact: true })
  // "Op een ander apparaat openen" makes a new single-use link each time it is opened: one per device of Fien's.
  const handoverButton = sharePanel.getByRole('button', { name: 'Op een ander apparaat openen', exact: true })
  const handoverField = sharePanel.getByLabel('Link om op een ander apparaat te openen', { exact: true })
  const handoverLinks: string[] = []
  const facilitatorLink = async (): Promise<string> => {
    if ((await handoverButton.getAttribute('aria-expanded')) === 'true') await handoverButton.click()
    await handoverButton.click()
    const used = handoverLinks.at(-1) ?? ''
    const field = await handoverField.elementHandle()
    await sharePanel
      .page()
      .waitForFunction(
        ([input, previous]) => input instanceof HTMLInputElement && input.value !== '' && input.value !== previous,
        [field, used] as const,
      )
    const link = await handoverField.inputValue()
    handoverLinks.push(link)
    return link
  }
  await anna.joinByLink(share.participantLink)

  await bram.page.goto(`${server.url}/join`)
  await bram.page.getByLabel('Code').fill(share.code)
  await bram.page.getByLabel('Je naam').fill('Bram')
  await bram.page.getByText('Je doet mee aan: Innovatiesessie team Noord').waitFor()
  await shot(bram, 'join')
  await bram.joinByCode(server.url, share.code)
  await olaf.open(share.observerLink)

  // The phones: a participant, and the facilitator's own link opened on a phone too.
  const pia = await person(browser, 'Pia', Participant.phone)
  await pia.joinByCode(server.url, share.code)
  const fienPhone = await person(browser, 'Fien', Participant.phone)
  await fienPhone.open(await facilitatorLink())
  // In English: a participant on a laptop and on a phone, and the facilitator.
  const emma = await person(browser, 'Emma', desktop)
  await joinInEnglish(emma, server.url, share.code)
  const ellis = await person(browser, 'Ellis', Participant.phone)
  await joinInEnglish(ellis, server.url, share.code)
  const fienEnglish = await person(browser, 'Fien', desktop)
  await inEnglish(fienEnglish, server.url, await facilitatorLink())
  await fienEnglish.waitForConnection('Connected')

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

  // The share panel as the facilitator opens it (its secret links folded away again), and "Code tonen".
  await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
  await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
  await sharePanel.getByRole('img', { name: 'QR-code van de link voor deelnemers' }).waitFor()
  await shot(fien, 'share-panel')
  await sharePanel.getByRole('button', { name: 'Code tonen', exact: true }).click()
  const projector = fien.page.getByRole('dialog', { name: 'Doe mee' })
  await projector.waitFor()
  await shot(fien, 'projector-code')
  await projector.getByRole('button', { name: 'Sluiten', exact: true }).click()
  await fienEnglish.page.getByRole('button', { name: 'Share', exact: true }).click()
  await fienEnglish.page.getByRole('button', { name: 'Show code', exact: true }).click()
  await fienEnglish.page.getByRole('dialog', { name: 'Join in' }).waitFor()
  await shot(fienEnglish, 'en-projector-code')
  await fienEnglish.page.getByRole('button', { name: 'Close', exact: true }).click()
  await fienEnglish.page.getByRole('button', { name: 'Share', exact: true }).click()

  // Each stage of the agenda, as the facilitator runs it, as participants follow and as the projector shows it:
  // "Volgende fase" brings every view along; the timer runs with the stage's minutes.
  const panel = fien.page.getByRole('complementary', { name: 'Facilitatorpaneel' })
  // The board, not the share panel, on the facilitator's screen; the stage tab open, and the last sticky no longer
  // selected (tldraw's style panel would cover the stage).
  await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
  for (const person of [fien, anna]) await person.showTab('Fase')
  for (const person of [fienEnglish, emma]) await person.showTab('Stage')
  await anna.page.mouse.click(500, 700)
  await anna.page.keyboard.press('Escape')
  const stages = await panel.getByRole('list', { name: 'Ga naar fase' }).getByRole('button').all()
  for (let i = 0; i < stages.length; i++) {
    await panel.getByRole('button', { name: 'Volgende fase' }).click()
    const current = panel.locator('[aria-current="step"] .wp-stage-list__title')
    const title = (await current.textContent()) ?? ''
    await anna.page.getByRole('complementary', { name: 'Fase' }).getByRole('heading', { name: title }).waitFor()
    await emma.page.getByRole('complementary', { name: 'Stage' }).getByRole('heading', { name: title }).waitFor()
    await pia.page.getByRole('main', { name: 'Jouw taak' }).getByRole('heading', { name: title, level: 1 }).waitFor()
    await ellis.page.getByRole('main', { name: 'Your task' }).getByRole('heading', { name: title, level: 1 }).waitFor()
    if (i === 1) {
      await panel.getByRole('button', { name: 'Start', exact: true }).click()
      await anna.page.locator('[data-testid="timer"][data-status="running"]').waitFor()
    }
    await settle(fien, anna, olaf, pia, fienPhone, emma, ellis, fienEnglish)
    const name = `stage-${i + 1}-${slug(title)}`
    await shot(fien, `${name}-desktop-facilitator`)
    await shot(anna, `${name}-desktop-participant`)
    await shot(olaf, `${name}-desktop-projector`)
    await shot(pia, `${name}-phone-participant`)
    await shot(fienPhone, `${name}-phone-facilitator`)
    if (englishStages.has(i + 1)) {
      await shot(fienEnglish, `en-${name}-desktop-facilitator`)
      await shot(emma, `en-${name}-desktop-participant`)
      await shot(ellis, `en-${name}-phone-participant`)
    }
  }

  // A participant on a phone: the task first, the board one tap away.
  const task = pia.page.getByRole('main', { name: 'Jouw taak' })
  await shot(pia, 'phone-participant')
  await task.getByRole('button', { name: 'Sticky schrijven' }).tap()
  await task.getByLabel('Wat schrijf je op je sticky?').fill('Vaker samen met burgers testen')
  await shot(pia, 'phone-participant-writing')
  await task.getByRole('button', { name: 'Op het bord zetten' }).tap()
  await task.getByRole('button', { name: 'Bord bekijken' }).tap()
  await settle(pia)
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
