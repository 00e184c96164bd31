import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import type { Participant } from './browser.ts'

/** The facilitator's panel beside the board, and the stage panel participants and observers see. */
export function facilitatorPanel(person: Participant) {
  return person.page.getByRole('complementary', { name: 'Facilitatorpaneel' })
}

/**
 * The facilitator opens a stage from the agenda in the drawer's "Fase" tab, and waits until the control room has it
 * (the stage is marked current).
 */
export async function goToStage(facilitator: Participant, title: RegExp): Promise<void> {
  await facilitator.showTab('Fase')
  const stage = facilitator.page.getByRole('list', { name: 'Ga naar fase' }).getByRole('button', { name: title })
  await stage.click()
  await stage.and(facilitator.page.locator('[aria-current="step"]')).waitFor()
}

export function stagePanel(person: Participant) {
  return person.page.getByRole('complementary', { name: 'Fase' })
}

/** The remaining time a screen shows, in seconds (`m:ss` read back). */
export async function shownSeconds(person: Participant): Promise<number> {
  const text = (await person.page.getByRole('timer').first().textContent()) ?? ''
  const match = /^(\d+):(\d\d)$/.exec(text.trim())
  if (!match) throw new Error(`${person.name}'s timer shows "${text}"`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** Moves this context's clock by `ms` (Date.now only, which is what the page reads), from the next page on. */
export async function skewClock(context: BrowserContext, ms: number): Promise<void> {
  await context.addInitScript((skew: number) => {
    const realNow = Date.now.bind(Date)
    Date.now = () => realNow() + skew
  }, ms)
}

/** Counts the sounds the page starts (each WebAudio context the timer opens), in `window.__werkplaatsSounds`. */
export async function countSounds(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.AudioContext
    const counter = window as unknown as { __werkplaatsSounds: number }
    counter.__werkplaatsSounds = 0
    window.AudioContext = class extends Real {
      constructor(options?: AudioContextOptions) {
        super(options)
        counter.__werkplaatsSounds += 1
      }
    }
  })
}

export async function soundsPlayed(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __werkplaatsSounds?: number }).__werkplaatsSounds ?? 0)
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
  /** The first offending element's markup and axe's summary: enough to find it without rerunning. */
  example: string
}

/** axe-core's scan of the page as it is now, reduced to the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as an inline <script>: the page's Content-Security-Policy
  // rightly refuses inline scripts, and the scan must run under the policy the app really has.
  await page.evaluate(axeSource)
  return page.evaluate(async () => {
    interface AxeResult {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[]; html: string; failureSummary?: string }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
        example: `${v.nodes[0]?.html ?? ''} — ${v.nodes[0]?.failureSummary ?? ''}`,
      }))
  })
}

/** Presses Tab until the focused element has `name` as its text (the keyboard path a person would take). */
export async function tabTo(page: Page, name: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
    if (focused === name) return
  }
  throw new Error(`"${name}" was not reached with ${limit} presses of Tab`)
}
