import { getTemplate } from '@werkplaats/playbook-data'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Participant } from '../support/browser.ts'
import { facilitatorPanel } from '../support/facilitation.ts'
import { useBrowserSession } from '../support/session.ts'

const STARTPUNT = 'Startpunt: wat zijn de uitdagingen die je wil aanpakken?'
const KADEREN = 'De situatie kaderen: waar sta je nu?'
const laptop = { width: 1440, height: 900 }

/** A stage's suggested minutes, from the template the server serves. */
function minutesOf(stageId: string): number {
  const template = getTemplate('oecd-innovatie-playbook')
  const stage = template?.agenda.find((s) => s.id === stageId)
  if (!stage) throw new Error(`no stage ${stageId}`)
  return stage.minutes
}

/**
 * How the body text of the template's cards shows on this screen: each card paragraph or list item in view (the
 * 14px/20px body style), with its line height in screen pixels (its CSS line height times the scale the canvas draws it at), and
 * whether the current stage's title is in view.
 */
async function cardTextOnScreen(page: Page, stageTitle: string) {
  return page.evaluate((title) => {
    const inView = (r: DOMRect) =>
      r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight
    const lines = Array.from(document.querySelectorAll<HTMLElement>('.wp-tpl-card p, .wp-tpl-card li'))
      .filter((p) => getComputedStyle(p).fontSize === '14px' && inView(p.getBoundingClientRect()))
      .map((p) => (parseFloat(getComputedStyle(p).lineHeight) * p.getBoundingClientRect().height) / p.offsetHeight)
    const titleInView = Array.from(document.querySelectorAll<HTMLElement>('.wp-tpl-frame__title')).some(
      (h) => h.textContent?.includes(title) === true && inView(h.getBoundingClientRect()),
    )
    return { lines, titleInView }
  }, stageTitle)
}

/** The timer in the top bar (beside the session's title), which everyone sees. */
function topBarTimer(person: Participant) {
  return person.page.locator('.wp-session-panel [data-testid="timer"]')
}

/**
 * The view a stage opens at and the stage's timer, on 1440×900 screens: a facilitator, a participant and an
 * observer (the projector). For the timer, the participant's and observer's clocks become Playwright's fake clocks,
 * so it runs out without a minute's wait.
 */
describe('a stage opens readable, following survives reading, and the timer belongs to the stage', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna, Olaf: olaf },
  } = useBrowserSession({ people: ['Fien', 'Anna', 'Olaf'] })

  const pill = () => anna.page.getByRole('button', { name: 'Terug naar de facilitator', exact: true })

  async function nextStage(): Promise<void> {
    await facilitatorPanel(fien).getByRole('button', { name: 'Volgende fase' }).click()
  }

  async function expectAnnaOn(stageTitle: string): Promise<void> {
    await fien
      .participantEntry('Anna', 'Deelnemer')
      .filter({ hasText: `Op: ${stageTitle}` })
      .waitFor()
  }

  /** Anna zooms in with the wheel and Control, as people do to read a card. */
  async function annaZoomsIn(): Promise<void> {
    await anna.page.mouse.move(500, 450)
    await anna.page.keyboard.down('Control')
    await anna.page.mouse.wheel(0, -400)
    await anna.page.keyboard.up('Control')
  }

  it('everyone opens the session at 1440×900; the facilitator opens Startpunt', async () => {
    for (const person of [fien, anna, olaf]) await person.page.setViewportSize(laptop)
    await fien.createSession(`${server.url}/`, 'Innovatie Playbook', 'Leesbaar')
    const share = await fien.shareDetails()
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await anna.joinByLink(share.participantLink)
    await olaf.open(share.observerLink)
    await fien.showTab('Fase')
    await nextStage()
    await nextStage()
    await expectAnnaOn(STARTPUNT)
  })

  it("card text on a participant's and the observer's screen is at least 14 px a line at the stage's opening view", async () => {
    for (const person of [anna, olaf]) {
      await person.settledBox(person.page.locator('.wp-tpl-frame__title').filter({ hasText: STARTPUNT }))
      const { lines, titleInView } = await cardTextOnScreen(person.page, STARTPUNT)
      expect(titleInView, `${person.name} sees the stage's title`).toBe(true)
      expect(lines.length, `${person.name} sees card text`).toBeGreaterThan(0)
      expect(Math.min(...lines), `${person.name}'s card lines: ${lines.join(', ')}`).toBeGreaterThanOrEqual(14)
    }
  })

  it('zooming in to read shows "Terug naar de facilitator", which brings the view back and follows again', async () => {
    const opening = await cardTextOnScreen(anna.page, STARTPUNT)
    expect(await pill().count()).toBe(0)
    await annaZoomsIn()
    await pill().waitFor()
    await anna.page.getByText('Je volgt weer bij de volgende fase.').waitFor()
    const zoomed = await cardTextOnScreen(anna.page, STARTPUNT)
    expect(Math.min(...zoomed.lines)).toBeGreaterThan(Math.min(...opening.lines))

    await pill().click()
    await pill().waitFor({ state: 'detached' })
    const back = await cardTextOnScreen(anna.page, STARTPUNT)
    expect(back.titleInView).toBe(true)
    expect(Math.min(...back.lines)).toBeCloseTo(Math.min(...opening.lines), 1)
    await anna.showTab('Fase')
    await anna.page.getByRole('complementary', { name: 'Fase' }).getByText('Je volgt de facilitator').waitFor()
  })

  it('a stage change sets the top bar\'s timer to the stage\'s minutes and clears "De tijd is om!"', async () => {
    const panel = facilitatorPanel(fien)
    await panel.getByLabel('Minuten').fill('1')
    await panel.getByRole('button', { name: 'Start', exact: true }).click()
    for (const person of [anna, olaf]) {
      await topBarTimer(person).and(person.page.locator('[data-status="running"]')).waitFor()
      // The open page's clock becomes Playwright's fake one (going at the real pace), and jumps past the end.
      await person.context.clock.install()
      await person.context.clock.fastForward(65_000)
      await topBarTimer(person).getByRole('alert').filter({ hasText: 'De tijd is om!' }).waitFor()
    }
    // Anna zooms in to read again: the stage change takes her along all the same.
    await annaZoomsIn()
    await pill().waitFor()

    await nextStage()
    const minutes = `${minutesOf('kaderen')}:00`
    for (const person of [anna, olaf]) {
      await topBarTimer(person).getByRole('timer').filter({ hasText: minutes }).waitFor()
      expect(await topBarTimer(person).getAttribute('data-status')).toBe('idle')
      expect(await person.page.getByRole('alert').filter({ hasText: 'De tijd is om!' }).count()).toBe(0)
    }
    await expectAnnaOn(KADEREN)
    await pill().waitFor({ state: 'detached' })
  })

  it('with "Timer automatisch starten" ticked, the next stage change starts its minutes for everyone', async () => {
    const autoStart = facilitatorPanel(fien).getByRole('checkbox', { name: 'Timer automatisch starten' })
    await autoStart.check()
    await nextStage()
    for (const person of [fien, anna, olaf])
      await topBarTimer(person).and(person.page.locator('[data-status="running"]')).waitFor()
    // The choice is the session's: the facilitator's screen reloaded still has it.
    await fien.page.reload()
    await fien.waitForBoard()
    await fien.showTab('Fase')
    expect(await autoStart.isChecked()).toBe(true)
  })
})
