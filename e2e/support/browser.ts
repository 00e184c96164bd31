import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'

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

export interface ConsoleProblem {
  at: number
  text: string
}

/** One person at one browser: an isolated context (own localStorage), with everything it asks for recorded. */
export class Participant {
  readonly requests: string[] = []
  readonly problems: ConsoleProblem[] = []
  readonly name: string
  readonly context: BrowserContext
  readonly page: Page

  private constructor(name: string, context: BrowserContext, page: Page) {
    this.name = name
    this.context = context
    this.page = page
    context.on('request', (request) => this.requests.push(request.url()))
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') this.problems.push({ at: Date.now(), text: message.text() })
    })
    page.on('pageerror', (error) => this.problems.push({ at: Date.now(), text: `pageerror: ${error.message}` }))
  }

  static async open(browser: Browser, name: string): Promise<Participant> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    // Fail a step well within the test's own timeout, so the report names the step that hung.
    page.setDefaultTimeout(15_000)
    return new Participant(name, context, page)
  }

  /** Opens `url` and answers the first-visit name prompt, then waits until the board is live. */
  async join(url: string): Promise<void> {
    await this.page.goto(url)
    const dialog = this.page.getByRole('dialog', { name: 'Hoe heet je?' })
    await dialog.waitFor()
    await dialog.getByLabel('Je naam').fill(this.name)
    await dialog.getByRole('button', { name: 'Naar het bord' }).click()
    await dialog.waitFor({ state: 'detached' })
    await this.waitForConnection('Verbonden')
    await this.page.locator('.tl-canvas').waitFor()
  }

  async waitForConnection(label: string, timeout = 20_000): Promise<void> {
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

  async close(): Promise<void> {
    await this.context.close()
  }
}
