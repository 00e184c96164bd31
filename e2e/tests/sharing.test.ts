import { describe, expect, it } from 'vitest'
import { stagePanel } from '../support/facilitation.ts'
import { useBrowserSession } from '../support/session.ts'
import { votingSection } from '../support/voting.ts'

const TITLE = 'Team <b>Noord</b> & co'

/**
 * Bringing the room in: the facilitator's share panel with the QR code and "Code tonen" for the projector, and
 * nothing secret on it until asked for; the join page that names the session once the code is typed; and what a
 * participant reads before the first stage opens.
 */
describe('sharing a session with the room', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna },
  } = useBrowserSession({ people: ['Fien', 'Anna'] })
  const sharePanel = () => fien.page.getByRole('region', { name: 'Delen', exact: true })
  let code = ''

  /** Everything a screen shows of `element`'s subtree: its text, its fields' values and its markup. */
  const everythingIn = (locator: ReturnType<typeof sharePanel>) =>
    locator.evaluate(
      (element: HTMLElement) =>
        `${element.innerText} ${Array.from(element.querySelectorAll('input'), (i) => i.value).join(' ')} ${element.outerHTML}`,
    )

  it("shows a QR code of the participants' link, and the facilitator's own link only behind its button", async () => {
    await fien.createSession(`${server.url}/`, 'Innovatie Playbook', TITLE)
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    const panel = sharePanel()
    const qr = panel.getByRole('img', { name: 'QR-code van de link voor deelnemers' })
    expect((await qr.boundingBox())?.width).toBeGreaterThanOrEqual(100)
    code = await panel.getByLabel('Code', { exact: true }).inputValue()
    const shown = await everythingIn(panel)
    expect(shown).toContain(code)
    expect(shown).not.toContain('#t=')

    const mine = panel.getByRole('button', { name: 'Mijn facilitatorlink', exact: true })
    expect(await mine.getAttribute('aria-expanded')).toBe('false')
    await mine.click()
    const link = await panel.getByLabel('Jouw facilitatorlink — houd hem geheim', { exact: true }).inputValue()
    const token = link.split('#t=')[1] ?? ''
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(shown).not.toContain(token)
    await panel.getByRole('button', { name: 'Link voor waarnemers', exact: true }).click()
    const observerLink = await panel.getByLabel('Link voor waarnemers (alleen bekijken)', { exact: true }).inputValue()
    expect(shown).not.toContain(observerLink.split('#t=')[1])
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
