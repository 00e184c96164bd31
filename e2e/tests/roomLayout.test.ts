import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, Participant } from '../support/browser.ts'
import { type ServerProcess, startServer } from '../support/server.ts'
import { seriousViolations } from '../support/facilitation.ts'
import { startRound, votingSection } from '../support/voting.ts'

/**
 * The room on every screen: a participant on a phone takes part through the task view ("Sticky schrijven", the vote
 * list, the action marks) and the facilitator on a laptop sees it on the board; on a laptop the drawer lies beside
 * the board, so nothing of the app covers the stage.
 */
describe('the room on a phone and on a laptop', () => {
  let server: ServerProcess
  let browser: Browser
  let fien: Participant
  let anna: Participant
  const laptop = { viewport: { width: 1440, height: 900 } }
  const principle = '2. ALLE AMBTENAREN AANMOEDIGEN EN UITRUSTEN OM TE INNOVEREN'
  const question = 'Wordt de betrokkenheid van ambtenaren bij innovatieve initiatieven versterkt?'
  const sticky = 'Te weinig tijd om te experimenteren'

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    fien = await Participant.open(browser, 'Fien', laptop)
    anna = await Participant.open(browser, 'Anna', Participant.phone)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.destroy()
  })

  const task = () => anna.page.getByRole('main', { name: 'Jouw taak' })
  const phoneSection = (name: string) => task().getByRole('region', { name, exact: true })

  async function nextStage(): Promise<void> {
    await fien.showTab('Fase')
    await fien.page
      .getByRole('complementary', { name: 'Facilitatorpaneel' })
      .getByRole('button', { name: 'Volgende fase' })
      .click()
  }

  it('a participant joins by code on a phone and sees the task first', async () => {
    await fien.createSession(`${server.url}/`, 'Innovatie Playbook', 'Overal')
    const { code } = await fien.shareDetails()
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await anna.joinByCode(server.url, code)
    await nextStage()
    await task().getByRole('heading', { name: 'Welkom & check-in' }).waitFor()
    await nextStage()
    await task()
      .getByRole('heading', { name: /^Startpunt/ })
      .waitFor()
    // What to do now: the stage's participant instruction.
    await task()
      .getByText(/^Lees de vijf principes/)
      .waitFor()
  })

  it('"Sticky schrijven" puts the sticky in the stage\'s writing zone, where the facilitator sees it', async () => {
    await task().getByRole('button', { name: 'Sticky schrijven' }).tap()
    await task().getByLabel('Wat schrijf je op je sticky?').fill(sticky)
    await task().getByRole('button', { name: 'Op het bord zetten' }).tap()
    await task().getByRole('status').filter({ hasText: 'Je sticky staat op het bord' }).waitFor()

    const note = fien.page.locator('.tl-shape[data-shape-type="note"]').filter({ hasText: sticky })
    const zone = fien.page.locator('.tl-shape[data-shape-type="writing-zone"]').filter({ hasText: 'Onze uitdagingen' })
    // Startpunt opens readable at its principles, top left; its writing zone lies to the right, beyond the edge of
    // the facilitator's board beside the open drawer. She scrolls to it, as she would to read the team's stickies.
    await fien.page.mouse.move(400, 450)
    await fien.page.mouse.wheel(700, 0)
    await note.waitFor()
    const [noteBox, zoneBox] = await Promise.all([note.boundingBox(), zone.boundingBox()])
    if (!noteBox || !zoneBox) throw new Error('the sticky and the writing zone are on the facilitator’s screen')
    expect(noteBox.x).toBeGreaterThanOrEqual(zoneBox.x)
    expect(noteBox.y).toBeGreaterThanOrEqual(zoneBox.y)
    expect(noteBox.x + noteBox.width).toBeLessThanOrEqual(zoneBox.x + zoneBox.width + 1)
    expect(noteBox.y + noteBox.height).toBeLessThanOrEqual(zoneBox.y + zoneBox.height + 1)
  })

  it('on a laptop, with a vote round open, nothing of the app covers the current stage frame', async () => {
    await startRound(fien, 1)
    await votingSection(fien, 'Stemmen').getByText('0 van 1 heeft gestemd').waitFor()
    // Bring the facilitator's view to the stage, with the drawer open beside the board.
    await fien.showTab('Fase')
    await fien.page.getByRole('button', { name: 'Breng iedereen hierheen' }).click()
    await fien.showTab('Stemmen')
    const frame = fien.page.locator('.tl-shape[data-shape-type="stage-frame"]').filter({ hasText: /^Startpunt/ })
    const uncovered = await sampleFrame(fien.page, frame)
    expect(uncovered.covered).toEqual([])
    expect(uncovered.sampled).toBeGreaterThan(20)
  })

  it('votes from the list with large targets, and marks an action', async () => {
    await phoneSection('Stemmen')
      .getByRole('button', { name: `Stem: ${principle}` })
      .tap()
    await phoneSection('Stemmen').getByText('Je stemmen zijn op').waitFor()
    await votingSection(fien, 'Stemmen').getByText('1 van 1 heeft gestemd').waitFor()

    // The principle, then a Kaderen round whose top question brings its play to Verbeteren.
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Dit principe kiezen' }).click()
    await nextStage()
    await task()
      .getByRole('heading', { name: /^De situatie kaderen/ })
      .waitFor()
    await startRound(fien, 1)
    await phoneSection('Stemmen')
      .getByRole('button', { name: `We moeten dit verbeteren!: ${question}` })
      .tap()
    await votingSection(fien, 'Stemmen').getByText('1 van 1 heeft gestemd').waitFor()
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Deze plays kiezen' }).click()

    const marks = phoneSection('Acties').getByRole('group').filter({ hasText: 'Heb je dit al geprobeerd?' }).first()
    await marks.getByRole('radio', { name: 'Willen we proberen' }).tap()
    await fien.showTab('Acties')
    await votingSection(fien, 'Acties')
      .getByText(/Willen we proberen: 1/)
      .first()
      .waitFor()
  })

  it('nothing on the phone is smaller than 24 by 24 px, and the board is one tap away', async () => {
    const small = await task().evaluate((main) =>
      Array.from(main.querySelectorAll('button, a, input, select, textarea, [role="button"], summary'))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0)
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ el, box }) => `${el.outerHTML.slice(0, 80)} ${box.width}×${box.height}`),
    )
    expect(small).toEqual([])
    const write = await task().getByRole('button', { name: 'Sticky schrijven' }).boundingBox()
    expect(write?.height).toBeGreaterThanOrEqual(44)
    expect(write?.width).toBeGreaterThanOrEqual(44)

    await task().getByRole('button', { name: 'Bord bekijken' }).tap()
    await task().waitFor({ state: 'detached' })
    await anna.page.getByRole('button', { name: 'Terug naar de taak' }).tap()
    await task().waitFor()
  })

  it("the phone's task view and the laptop with its drawer open pass an accessibility scan", async () => {
    expect(await seriousViolations(anna.page)).toEqual([])
    expect(await seriousViolations(fien.page)).toEqual([])
  })
})

/**
 * Samples a grid of points inside the part of a shape that is on the board's area and reports those where the topmost
 * element is not the tldraw canvas (the board's shapes live inside it; the app's panels and menus do not).
 */
async function sampleFrame(
  page: Page,
  shape: ReturnType<Page['locator']>,
): Promise<{ sampled: number; covered: string[] }> {
  await shape.waitFor()
  return shape.evaluate((element) => {
    // Only the part of the frame within the board's own area: the drawer beside the board narrows it, never covers it.
    const box = element.getBoundingClientRect()
    const board = element.closest('.tl-canvas')?.getBoundingClientRect() ?? new DOMRect(0, 0, innerWidth, innerHeight)
    const left = Math.max(box.left, board.left)
    const top = Math.max(box.top, board.top)
    const right = Math.min(box.right, board.right)
    const bottom = Math.min(box.bottom, board.bottom)
    const covered: string[] = []
    let sampled = 0
    for (let i = 1; i < 8; i++) {
      for (let j = 1; j < 8; j++) {
        const x = left + ((right - left) * i) / 8
        const y = top + ((bottom - top) * j) / 8
        sampled++
        const hit = document.elementFromPoint(x, y)
        if (!hit?.closest('.tl-canvas'))
          covered.push(`${Math.round(x)},${Math.round(y)}: ${hit?.className ?? 'nothing'}`)
      }
    }
    return { sampled, covered }
  })
}
