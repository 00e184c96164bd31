import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, Participant } from '../support/browser.ts'
import { type ServerProcess, startServer } from '../support/server.ts'

/**
 * Dutch by default, English by choice: the start page's language menu switches every text of the page at once
 * (all of them come from one catalogue per language), and the document's language with it.
 */
describe('the language menu on the start page', () => {
  let server: ServerProcess
  let browser: Browser
  let visitor: Participant

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    visitor = await Participant.open(browser, 'Noor')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.destroy()
  })

  it('shows the page in Dutch, then in English once chosen, and in Dutch again', async () => {
    const page = visitor.page
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: 'Nieuwe sessie' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')

    await page.getByLabel('Taal').selectOption('en')
    await page.getByRole('heading', { name: 'New session' }).waitFor()
    await page.getByRole('link', { name: 'Join with a code' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')

    await page.getByLabel('Language').selectOption('nl')
    await page.getByRole('heading', { name: 'Mijn sessies' }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('nl')
  })
})
