import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Locator,
  type Page,
} from 'playwright-core'

/**
 * playwright-core cannot download a browser here, so it drives the machine's Chromium (Debian's package;
 * CHROMIUM_PATH overrides, as scripts/ensure-chromium.sh sets it). The flags keep Chromium from calling home
 * on its own, so every request the test sees comes from our page.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  })
}

/**
 * The URLs among `urls` that went to any host but `serverHost`: a page's own `data:` URLs go nowhere, and a
 * `blob:` URL belongs to the origin it names.
 */
export function requestsElsewhere(urls: readonly string[], serverHost: string): string[] {
  return urls.filter((raw) => {
    const url = new URL(raw)
    if (url.protocol === 'data:') return false
    if (url.protocol === 'blob:') return new URL(url.pathname).host !== serverHost
    return url.host !== serverHost
  })
}

export interface ConsoleProblem {
  at: number
  text: string
}

/** One person at one browser: an isolated context (own localStorage), with everything it asks for recorded. */
export class Participant {
  readonly requests: string[] = []
  readonly problems: ConsoleProblem[] = []
  /** What the page's Content-Security-Policy refused (also among `problems`): `<directive> <blocked URL>`. */
  readonly cspViolations: string[] = []
  readonly name: string
  readonly context: BrowserContext
  /** How long a page may take to connect: a script on a busy machine gives it more. */
  connectionTimeout = 20_000
  /** The person's tab; `closeAndReopen` replaces it, as closing a tab and opening a new one would. */
  page: Page

  private constructor(name: string, context: BrowserContext, page: Page) {
    this.name = name
    this.context = context
    this.page = page
    context.on('request', (request) => this.requests.push(request.url()))
    this.#watch(page)
  }

  #watch(page: Page): void {
    // Fail a step well within the test's own timeout, so the report names the step that hung.
    page.setDefaultTimeout(15_000)
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') this.problems.push({ at: Date.now(), text: message.text() })
    })
    page.on('pageerror', (error) => this.problems.push({ at: Date.now(), text: `pageerror: ${error.message}` }))
  }

  /** Closes the tab, runs `meanwhile` (e.g. the network coming back) and opens a fresh tab in the same browser. */
  async closeAndReopen(meanwhile: () => Promise<void> = async () => {}): Promise<void> {
    await this.page.close()
    await meanwhile()
    this.page = await this.context.newPage()
    this.#watch(this.page)
  }

  /** A phone: 390×844, a touch screen, the mobile viewport rules. */
  static readonly phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const

  static async open(
    browser: Browser,
    name: string,
    screen: { viewport: { width: number; height: number }; isMobile?: boolean; hasTouch?: boolean } = {
      viewport: { width: 1280, height: 800 },
    },
  ): Promise<Participant> {
    const context = await browser.newContext(screen)
    const page = await context.newPage()
    const participant = new Participant(name, context, page)
    // Every page of the context reports what its Content-Security-Policy refused, so no test runs under a
    // policy that silently breaks part of the app (Chromium logs most refusals as console errors too).
    await context.exposeBinding('__werkplaatsCspViolation', (_source, violation: string) => {
      participant.cspViolations.push(violation)
      participant.problems.push({ at: Date.now(), text: `CSP violation: ${violation}` })
    })
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { __werkplaatsCspViolation(violation: string): void })
          .__werkplaatsCspViolation
        report(`${event.effectiveDirective} ${event.blockedURI}`)
      })
    })
    return participant
  }

  /**
   * On the start page: makes a session from the card `templateTitle` ("Leeg bord" for a blank board), as
   * facilitator under this person's name, and waits until its board is live.
   */
  async createSession(startUrl: string, templateTitle: string, title: string): Promise<void> {
    await this.page.goto(startUrl)
    await this.page.getByRole('button', { name: `Sessie maken: ${templateTitle}` }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Nieuwe sessie' })
    await dialog.getByLabel('Titel').fill(title)
    await dialog.getByLabel('Je naam als facilitator').fill(this.name)
    await dialog.getByRole('button', { name: 'Sessie starten' }).click()
    await this.waitForBoard()
  }

  /** Opens the participants' link and joins under this person's name. */
  async joinByLink(participantLink: string): Promise<void> {
    await this.page.goto(participantLink)
    const form = this.page.getByRole('form', { name: 'Deelnemen aan de sessie' })
    await form.getByLabel('Je naam').fill(this.name)
    await form.getByRole('button', { name: 'Deelnemen' }).click()
    await this.waitForBoard()
  }

  /** Joins on the `/join` page with the code from the projector. */
  async joinByCode(origin: string, code: string): Promise<void> {
    await this.page.goto(`${origin}/join`)
    const form = this.page.getByRole('form', { name: 'Deelnemen aan een sessie' })
    await form.getByLabel('Code').fill(code)
    await form.getByLabel('Je naam').fill(this.name)
    await form.getByRole('button', { name: 'Deelnemen' }).click()
    await this.waitForBoard()
  }

  /** Opens a link that gives this browser a token of its own (the observers', a handover), or a session already joined. */
  async open(url: string): Promise<void> {
    await this.page.goto(url)
    await this.waitForBoard()
  }

  async waitForBoard(): Promise<void> {
    await this.waitForConnection('Verbonden')
    await this.page.locator('.tl-canvas').waitFor()
  }

  /**
   * Opens the room drawer on a tab ("Fase", "Stemmen", "Acties", "Deelnemers"), unless it already shows it:
   * the drawer is closed by default, and pressing the open tab would close it.
   */
  async showTab(name: string): Promise<void> {
    const tab = this.page.getByRole('tab', { name, exact: true })
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click()
    await tab.and(this.page.locator('[aria-selected="true"]')).waitFor()
  }

  /** The participant list, in the drawer's "Deelnemers" tab (`showTab('Deelnemers')` opens it). */
  participantList() {
    return this.page.getByRole('region', { name: 'Deelnemers' })
  }

  /** One row of the participant list: a name and a role ("Facilitator", "Deelnemer", "Waarnemer"). */
  participantEntry(name: string, role: string) {
    return this.participantList()
      .getByRole('listitem')
      .filter({ hasText: name })
      .filter({ has: this.page.getByText(role, { exact: true }) })
  }

  onlineParticipant(name: string, role: string) {
    return this.participantEntry(name, role).and(this.page.locator('[data-online="true"]'))
  }

  /**
   * What the facilitator's share panel shows: the join code and the links to hand out (the observers' link from
   * behind its button, which this opens).
   */
  async shareDetails(): Promise<{ code: string; participantLink: string; observerLink: string }> {
    const share = this.page.getByRole('button', { name: 'Delen', exact: true })
    if ((await share.getAttribute('aria-expanded')) !== 'true') await share.click()
    const panel = this.page.getByRole('region', { name: 'Delen', exact: true })
    const observers = panel.getByRole('button', { name: 'Link voor waarnemers', exact: true })
    if ((await observers.getAttribute('aria-expanded')) !== 'true') await observers.click()
    return {
      code: await panel.getByLabel('Code', { exact: true }).inputValue(),
      participantLink: await panel.getByLabel('Link voor deelnemers', { exact: true }).inputValue(),
      observerLink: await panel.getByLabel('Link voor waarnemers (alleen bekijken)', { exact: true }).inputValue(),
    }
  }

  async waitForConnection(label: string, timeout = this.connectionTimeout): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: label }).waitFor({ timeout })
  }

  /** Makes a sticky note through the real UI: the note tool's shortcut, a click on the canvas, typing. */
  async addStickyNote(x: number, y: number, text: string): Promise<void> {
    // A click on empty canvas first, so keyboard shortcuts go to the editor rather than to the page.
    await this.page.mouse.click(640, 620)
    await this.page.keyboard.press('n')
    await this.page.mouse.click(x, y)
    // The new note's text editor takes focus a moment after the click; keys typed before that land elsewhere.
    await this.page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true')
    await this.page.keyboard.type(text)
    await this.page.keyboard.press('Escape')
    await this.shapeWithText(text).waitFor()
  }

  shapeWithText(text: string) {
    return this.page.locator('.tl-shape').filter({ hasText: text })
  }

  collaboratorCursor(name: string) {
    return this.page.locator('.tl-collaborator__cursor').filter({ hasText: name })
  }

  /**
   * Resolves once the page has drawn two more frames: whatever the input sent before it changed is on screen by
   * then. The marker for "nothing changed" on this screen, instead of waiting a fixed time.
   */
  async nextFrames(): Promise<void> {
    await this.page.evaluate(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    )
  }

  /** The box of `locator` once it has stopped moving (a camera animation has ended): the same over two frames. */
  async settledBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number } | null> {
    let last = await locator.boundingBox()
    for (let frames = 0; frames < 300; frames++) {
      await this.nextFrames()
      const now = await locator.boundingBox()
      if (JSON.stringify(now) === JSON.stringify(last)) return now
      last = now
    }
    throw new Error(`${this.name}'s screen did not come to rest`)
  }

  async close(): Promise<void> {
    await this.context.close()
  }
}
