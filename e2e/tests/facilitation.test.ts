import { beforeAll, describe, expect, it } from 'vitest'
import {
  countSounds,
  facilitatorPanel,
  seriousViolations,
  shownSeconds,
  skewClock,
  soundsPlayed,
  stagePanel,
  tabTo,
} from '../support/facilitation.ts'
import { useBrowserSession } from '../support/session.ts'

const WELKOM = 'Welkom & check-in'
const STARTPUNT = 'Startpunt: wat zijn de uitdagingen die je wil aanpakken?'
const KADEREN = 'De situatie kaderen: waar sta je nu?'

/**
 * A facilitator and three participants, each in their own browser context, run the OECD playbook: the stage
 * bar brings everyone's view along (checked on the facilitator's participant list, which names the stage each
 * person's view shows, from their presence), summon, the guide, the timer on four screens of which one has a
 * clock seven minutes fast, private writing, the keyboard alone, and an accessibility scan.
 */
describe('the facilitator moves the team through the OECD playbook', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna, Bram: bram, Cor: cor },
  } = useBrowserSession({
    people: ['Fien', 'Anna', 'Bram', 'Cor'],
    browserArgs: ['--autoplay-policy=no-user-gesture-required'],
  })
  let share: { code: string; participantLink: string; observerLink: string }

  const participants = () => [anna, bram, cor]

  async function expectEveryoneOn(stageTitle: string) {
    for (const person of participants()) {
      await stagePanel(person).getByRole('heading', { name: stageTitle }).waitFor()
      await fien
        .participantEntry(person.name, 'Deelnemer')
        .filter({ hasText: `Op: ${stageTitle}` })
        .waitFor()
    }
  }

  beforeAll(async () => {
    await skewClock(cor.context, 7 * 60_000)
    await countSounds(anna.context)
  })

  it('the start page and the join page pass an accessibility scan', async () => {
    await fien.page.goto(`${server.url}/`)
    await fien.page.getByRole('heading', { name: 'Innovatie Playbook' }).waitFor()
    expect(await seriousViolations(fien.page)).toEqual([])
    await anna.page.goto(`${server.url}/join`)
    await anna.page.getByRole('form', { name: 'Deelnemen aan een sessie' }).waitFor()
    expect(await seriousViolations(anna.page)).toEqual([])
  })

  it('everyone joins; before the first stage the participants read the stage the board shows', async () => {
    await fien.createSession(`${server.url}/`, 'Innovatie Playbook', 'Facilitatie team Zuid')
    share = await fien.shareDetails()
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    for (const person of participants()) await person.joinByLink(share.participantLink)
    // The room's drawer is closed until someone opens it; the stage tab stays open for the rest (it is remembered).
    for (const person of [fien, ...participants()]) await person.showTab('Fase')
    // The board shows the first stage's frame from the start: the panel names it, not "nog geen fase".
    await stagePanel(anna).getByRole('heading', { name: WELKOM }).waitFor()
    expect(await stagePanel(anna).textContent()).not.toContain('nog geen fase')
    await facilitatorPanel(fien)
      .getByRole('button', { name: 'Vorige fase' })
      .and(fien.page.locator(':disabled'))
      .waitFor()
  })

  it('"Volgende fase" brings every participant\'s view to the next stage\'s frame', async () => {
    const panel = facilitatorPanel(fien)
    await panel.getByRole('button', { name: 'Volgende fase' }).click()
    await expectEveryoneOn(WELKOM)
    await panel.getByRole('button', { name: 'Volgende fase' }).click()
    await expectEveryoneOn(STARTPUNT)
    // The jump list marks where the team is.
    await panel
      .getByRole('button', { name: /^Startpunt/ })
      .and(fien.page.locator('[aria-current="step"]'))
      .waitFor()
  })

  it("the guide panel shows the current stage's text, and participants its instruction", async () => {
    const guide = facilitatorPanel(fien).getByRole('region', { name: 'Facilitatorgids' })
    await guide.getByText('Leg uit dat de vragen onder elk principe voorbeelden zijn', { exact: false }).waitFor()
    // Markdown bold came through as markup, not as asterisks.
    await guide.locator('strong', { hasText: 'Introductie (5 minuten)' }).waitFor()
    expect(await guide.textContent()).not.toContain('**')
    await stagePanel(anna).getByText('Lees de vijf principes', { exact: false }).waitFor()
  })

  it('"Breng iedereen hierheen" brings a participant who looked around to the facilitator\'s view, following again', async () => {
    await stagePanel(anna).getByRole('button', { name: 'Zelf rondkijken' }).click()
    await stagePanel(anna).getByText('Je kijkt zelf rond.').waitFor()
    // Anna scrolls far down, off every stage.
    await anna.page.mouse.move(500, 400)
    for (let i = 0; i < 10; i++) await anna.page.mouse.wheel(0, 4000)
    await fien.participantEntry('Anna', 'Deelnemer').filter({ hasText: 'Buiten de fases' }).waitFor()
    await facilitatorPanel(fien).getByRole('button', { name: 'Breng iedereen hierheen' }).click()
    await fien
      .participantEntry('Anna', 'Deelnemer')
      .filter({ hasText: `Op: ${STARTPUNT}` })
      .waitFor()
    // A summon moves the view and leaves it following: Anna goes along with the next stage again.
    await stagePanel(anna).getByText('Je volgt de facilitator').waitFor()
  })

  it('"Volg mij": the participants\' views track the facilitator\'s until one moves away himself', async () => {
    const followMe = facilitatorPanel(fien).getByRole('button', { name: 'Volg mij' })
    await followMe.click()
    await followMe.and(fien.page.locator('[aria-pressed="true"]')).waitFor()
    // Fien scrolls far below the stages: the views that track hers go along.
    await fien.page.mouse.move(500, 400)
    for (let i = 0; i < 10; i++) await fien.page.mouse.wheel(0, 4000)
    for (const person of participants()) {
      await fien.participantEntry(person.name, 'Deelnemer').filter({ hasText: 'Buiten de fases' }).waitFor()
    }
    for (let i = 0; i < 10; i++) await fien.page.mouse.wheel(0, -4000)
    for (const person of participants()) {
      await fien
        .participantEntry(person.name, 'Deelnemer')
        .filter({ hasText: `Op: ${STARTPUNT}` })
        .waitFor()
    }
    // Bram pans himself: he steps out, and says so.
    await bram.page.mouse.move(500, 400)
    await bram.page.mouse.wheel(0, 3000)
    await stagePanel(bram).getByText('Je kijkt zelf rond.').waitFor()
    await followMe.click()
    await followMe.and(fien.page.locator('[aria-pressed="false"]')).waitFor()
    await stagePanel(bram).getByRole('button', { name: 'Volg de facilitator' }).click()
  })

  it(
    'the timer shows the same time on all four screens, one of them with its clock 7 minutes fast, and signals at zero',
    { timeout: 120_000 },
    async () => {
      const panel = facilitatorPanel(fien)
      await panel.getByLabel('Minuten').fill('1')
      await panel.getByRole('button', { name: 'Start', exact: true }).click()
      const everyone = [fien, ...participants()]
      for (const person of everyone)
        await person.page
          .getByRole('timer')
          .filter({ hasText: /^0:5\d$|^1:00$/ })
          .waitFor()
      const shown = await Promise.all(everyone.map(shownSeconds))
      expect(Math.max(...shown) - Math.min(...shown), `shown: ${shown.join(', ')}`).toBeLessThanOrEqual(1)
      expect(Math.min(...shown)).toBeGreaterThan(45)

      for (const person of everyone)
        await person.page.getByRole('alert').filter({ hasText: 'De tijd is om!' }).waitFor({ timeout: 75_000 })
      for (const person of everyone) expect(await person.page.getByRole('timer').textContent()).toBe('0:00')
      expect(await soundsPlayed(anna.page)).toBeGreaterThanOrEqual(1)
    },
  )

  it("the facilitator's panel works with the keyboard alone: next stage, stop and start the timer", async () => {
    await fien.page.locator('body').focus()
    await tabTo(fien.page, 'Volgende fase')
    await fien.page.keyboard.press('Enter')
    await expectEveryoneOn(KADEREN)
    await tabTo(fien.page, 'Stop')
    await fien.page.keyboard.press('Enter')
    await tabTo(fien.page, 'Start')
    await fien.page.keyboard.press('Enter')
    for (const person of participants())
      await person.page.locator('[data-testid="timer"][data-status="running"]').waitFor()
  })

  it('private writing hides a sticky from the other participants until "Onthullen"', async () => {
    const toggle = facilitatorPanel(fien).getByRole('button', { name: 'Privé schrijven' })
    await toggle.click()
    await toggle.and(fien.page.locator('[aria-pressed="true"]')).waitFor()
    await stagePanel(anna).getByText('Privé schrijven staat aan', { exact: false }).waitFor()
    await anna.addStickyNote(420, 330, 'Mijn geheime idee')
    // The facilitator sees it (through Anna's private room); Bram and Cor receive nothing.
    await fien.shapeWithText('Mijn geheime idee').waitFor({ state: 'attached' })
    // A marker on the board after the secret: the facilitator's stickies are never private. Had the secret reached
    // the board, Bram and Cor would have had it before the marker.
    await fien.addStickyNote(640, 330, 'Markering na het geheim')
    for (const person of [bram, cor])
      await person.shapeWithText('Markering na het geheim').waitFor({ state: 'attached' })
    expect(await bram.shapeWithText('Mijn geheime idee').count()).toBe(0)
    expect(await cor.shapeWithText('Mijn geheime idee').count()).toBe(0)

    await facilitatorPanel(fien).getByRole('button', { name: 'Onthullen' }).click()
    for (const person of [bram, cor]) await person.shapeWithText('Mijn geheime idee').waitFor({ state: 'attached' })
    await anna.shapeWithText('Mijn geheime idee').waitFor({ state: 'attached' })
    // Revealing ends private writing.
    await toggle.and(fien.page.locator('[aria-pressed="false"]')).waitFor()
  })

  it("the facilitator's and a participant's screens pass an accessibility scan", async () => {
    expect(await seriousViolations(fien.page)).toEqual([])
    expect(await seriousViolations(anna.page)).toEqual([])
  })
})

describe('the Nido template goes through the same facilitation', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna },
  } = useBrowserSession({ people: ['Fien', 'Anna'] })

  it('its stages are laid out and the stage bar brings a participant to each', async () => {
    await fien.createSession(`${server.url}/`, 'Iedereen kan innoveren', 'Leiderschapssessie')
    const share = await fien.shareDetails()
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await anna.joinByLink(share.participantLink)
    for (const person of [fien, anna]) await person.showTab('Fase')
    const panel = facilitatorPanel(fien)
    for (const title of ['Welkom & check-in', 'Waar staan we als team?', 'Wat kunnen we anders doen?']) {
      await panel.getByRole('button', { name: 'Volgende fase' }).click()
      await stagePanel(anna).getByRole('heading', { name: title }).waitFor()
      await fien
        .participantEntry('Anna', 'Deelnemer')
        .filter({ hasText: `Op: ${title}` })
        .waitFor()
    }
  })
})
