import { describe, expect, it } from 'vitest'
import { Participant } from '../support/browser.ts'
import { stagePanel } from '../support/facilitation.ts'
import { useBrowserSession } from '../support/session.ts'
import { votingSection } from '../support/voting.ts'

const TITLE = 'Team <b>Noord</b> & co'

/**
 * Bringing the room in: the facilitator's share panel with the QR code and "Code tonen" for the projector, no token
 * anywhere on it, and "Op een ander apparaat openen" for the facilitator's own other device; the join page that names the session once the code is typed; and what a
 * participant reads before the first stage opens.
 */
describe('sharing a session with the room', () => {
  const {
    server,
    browser,
    people: { Fien: fien, Anna: anna },
  } = useBrowserSession({ people: ['Fien', 'Anna'] })
  const sharePanel = () => fien.page.getByRole('region', { name: 'Delen', exact: true })
  let code = ''
  let handover = ''
  let observerLink = ''

  /** Everything a screen shows of `element`'s subtree: its text, its fields' values and its markup. */
  const everythingIn = (locator: ReturnType<typeof sharePanel>) =>
    locator.evaluate(
      (element: HTMLElement) =>
        `${element.innerText} ${Array.from(element.querySelectorAll('input'), (i) => i.value).join(' ')} ${element.outerHTML}`,
    )

  it("shows a QR code of the participants' link, and neither the facilitator's nor the observers' token anywhere", async () => {
    await fien.createSession(`${server.url}/`, 'Innovatie Playbook', TITLE)
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    const panel = sharePanel()
    const qr = panel.getByRole('img', { name: 'QR-code van de link voor deelnemers' })
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(100)
    code = await panel.getByLabel('Code', { exact: true }).inputValue()
    const shown = await everythingIn(panel)
    expect(shown).toContain(code)

    await panel.getByRole('button', { name: 'Link voor waarnemers', exact: true }).click()
    observerLink = await panel.getByLabel('Link voor waarnemers (alleen bekijken)', { exact: true }).inputValue()
    expect(observerLink).toMatch(/#w=[A-Za-z0-9_-]{43}$/)
    const mine = panel.getByRole('button', { name: 'Op een ander apparaat openen', exact: true })
    expect(await mine.getAttribute('aria-expanded')).toBe('false')
    await mine.click()
    handover = await panel.getByLabel('Link om op een ander apparaat te openen', { exact: true }).inputValue()
    expect(handover).toMatch(/#h=[A-Za-z0-9_-]{43}$/)
    await panel.getByRole('img', { name: 'QR-code om de sessie op een ander apparaat te openen' }).waitFor()

    // The tokens this browser holds (the facilitator's, and the observers' one the session was made with) are in
    // none of the panel's text, fields or markup, with everything in it opened.
    const sessionId = new URL(fien.page.url()).pathname.split('/')[2] ?? ''
    const facilitatorToken = await fien.page.evaluate(
      (id) => (JSON.parse(localStorage.getItem(`werkplaats.session.v1.${id}`) ?? '{}') as { token?: string }).token,
      sessionId,
    )
    expect(facilitatorToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const everything = await everythingIn(panel)
    expect(everything).not.toContain(facilitatorToken)
    expect(everything).not.toContain('#t=')
    const stored = await fien.page.evaluate(() => JSON.stringify({ ...localStorage }))
    for (const token of stored.match(/[A-Za-z0-9_-]{43}/g) ?? []) expect(everything).not.toContain(token)
  })

  it("a handover link makes another device the facilitator's, once: the second time it says so", async () => {
    const device = await Participant.open(browser, 'Fien (tablet)')
    try {
      await device.open(handover)
      expect(new URL(device.page.url()).hash).toBe('')
      // The facilitator's controls: sharing, with the same join code.
      await device.page.getByRole('button', { name: 'Delen', exact: true }).click()
      const panel = device.page.getByRole('region', { name: 'Delen', exact: true })
      expect(await panel.getByLabel('Code', { exact: true }).inputValue()).toBe(code)
    } finally {
      await device.close()
    }
    const late = await Participant.open(browser, 'Iemand anders')
    try {
      await late.page.goto(handover)
      await late.page.getByRole('heading', { name: 'Deze link is al gebruikt of verlopen' }).waitFor()
      expect(new URL(late.page.url()).hash).toBe('')
      expect(await late.page.getByRole('button', { name: 'Delen', exact: true }).count()).toBe(0)
    } finally {
      await late.close()
    }
  })

  it('"Nieuwe waarnemerslink" replaces the observers\' link: the old one says so, a screen already watching stays', async () => {
    const projector = await Participant.open(browser, 'Beamer')
    const stale = await Participant.open(browser, 'Te laat')
    try {
      await projector.open(observerLink)
      await projector.page.getByText('Alleen bekijken', { exact: true }).waitFor()
      const panel = sharePanel()
      await panel.getByRole('button', { name: 'Nieuwe waarnemerslink', exact: true }).click()
      await panel.getByRole('status').filter({ hasText: 'Nieuwe waarnemerslink gemaakt.' }).waitFor()
      const field = panel.getByLabel('Link voor waarnemers (alleen bekijken)', { exact: true })
      expect(await field.inputValue()).not.toBe(observerLink)
      await stale.page.goto(observerLink)
      await stale.page.getByRole('heading', { name: 'Deze waarnemerslink werkt niet meer' }).waitFor()
      await projector.page.reload()
      await projector.waitForBoard()
      await projector.page.getByText('Alleen bekijken', { exact: true }).waitFor()
    } finally {
      await projector.close()
      await stale.close()
    }
  })

  it('"Code tonen" puts the code and the QR code on the whole screen; Escape and "Sluiten" close it', async () => {
    const panel = sharePanel()
    const viewport = fien.page.viewportSize()
    for (const close of ['Escape', 'Sluiten'] as const) {
      await panel.getByRole('button', { name: 'Code tonen', exact: true }).click()
      const projector = fien.page.getByRole('dialog', { name: 'Doe mee' })
      await projector.getByRole('img', { name: 'QR-code van de link voor deelnemers' }).waitFor()
      const box = await fien.settledBox(projector)
      expect(box).toEqual({ x: 0, y: 0, width: viewport?.width, height: viewport?.height })
      // Readable across a room: the code's letters are tall, and the QR code fills much of the height.
      const shownCode = projector.getByText(code, { exact: true })
      expect((await shownCode.boundingBox())?.height).toBeGreaterThanOrEqual(80)
      const qrBox = await projector.getByRole('img').boundingBox()
      expect(qrBox?.height).toBeGreaterThanOrEqual((viewport?.height ?? 0) / 2)
      expect(await everythingIn(projector)).not.toContain('#t=')
      if (close === 'Escape') await fien.page.keyboard.press('Escape')
      else await projector.getByRole('button', { name: 'Sluiten', exact: true }).click()
      await projector.waitFor({ state: 'detached' })
    }
  })

  it('the join page names the session once the code is typed, as text', async () => {
    await anna.page.goto(`${server.url}/join`)
    const form = anna.page.getByRole('form', { name: 'Deelnemen aan een sessie' })
    const named = form.getByRole('status').filter({ hasText: 'Je doet mee aan:' })
    // A wrong code is said to be wrong before the form is sent.
    await form.getByLabel('Code').fill('ZZZZZZ')
    await form.getByText('Er is geen sessie met deze code').waitFor()
    expect(await named.count()).toBe(0)
    // Typed the way people do: lower case, a dash in the middle.
    await form.getByLabel('Code').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`)
    await named.filter({ hasText: `Je doet mee aan: ${TITLE}` }).waitFor()
    expect(await form.locator('b').count()).toBe(0)
    await form.getByLabel('Je naam').fill('Anna')
    await form.getByRole('button', { name: 'Deelnemen' }).click()
    await anna.waitForBoard()
  })

  it('before the facilitator opens a stage, a participant reads the stage the board shows', async () => {
    await anna.showTab('Fase')
    await stagePanel(anna).getByRole('heading', { name: 'Welkom & check-in' }).waitFor()
    expect(await stagePanel(anna).textContent()).not.toContain('nog geen fase')
  })

  it('the round dialog\'s "Anoniem" checkbox stands on one line with its words', async () => {
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await fien.showTab('Stemmen')
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Stemronde starten' }).click()
    const dialog = fien.page.getByRole('dialog', { name: 'Stemronde starten' })
    const anonymous = dialog.getByLabel('Anoniem')
    expect(await anonymous.isChecked()).toBe(true)
    // The checkbox's middle lies within the line of its words, not above them.
    const apart = await anonymous.evaluate((input: HTMLInputElement) => {
      const words = Array.from(input.parentElement?.childNodes ?? []).find((node) => node.nodeType === Node.TEXT_NODE)
      if (!words) return 'no words beside the checkbox'
      const range = document.createRange()
      range.selectNodeContents(words)
      const line = range.getBoundingClientRect()
      const box = input.getBoundingClientRect()
      const middle = box.top + box.height / 2
      return middle >= line.top && middle <= line.bottom && box.right <= line.left ? null : 'apart'
    })
    expect(apart).toBeNull()
    await anonymous.uncheck()
    await dialog.getByLabel('Anoniem').check()
    await dialog.getByRole('button', { name: 'Annuleren' }).click()
  })
})
