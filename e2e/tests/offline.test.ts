import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, Participant } from '../support/browser.ts'
import { facilitatorPanel } from '../support/facilitation.ts'
import { type ServerProcess, startServer } from '../support/server.ts'

const OFFLINE = 'Offline — je wijzigingen worden bewaard'

/** The names of the browser databases this page's origin holds for `sessionId` (`werkplaats/<session>/<room>`). */
async function keptRooms(page: Page, sessionId: string): Promise<string[]> {
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? ''))
  return names.filter((name) => name.startsWith(`werkplaats/${sessionId}/`)).sort()
}

/** Waits until nothing of `sessionId` is kept in the page's IndexedDB or localStorage (clearing is asynchronous). */
async function waitUntilNothingKept(page: Page, sessionId: string): Promise<void> {
  await page.waitForFunction(async (id) => {
    const names = (await indexedDB.databases()).map((database) => database.name ?? '')
    return (
      !names.some((name) => name.startsWith(`werkplaats/${id}/`)) &&
      localStorage.getItem(`werkplaats.offline.view.v1.${id}`) === null
    )
  }, sessionId)
}

/**
 * Waits until `text` is in the board's copy on this device (y-indexeddb's stored updates), not only on screen:
 * the editor hands a change to the document on its next frame and the copy stores it a moment later, so a tab
 * closed in between loses that last keystroke, as it would for a person who closes it that fast.
 */
async function waitUntilKeptOnDevice(page: Page, sessionId: string, text: string): Promise<void> {
  await page.waitForFunction(
    async ({ database, text }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(database)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error ?? new Error('no database'))
      })
      try {
        const updates = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction('updates').objectStore('updates').getAll()
          request.onsuccess = () => resolve(request.result)
          request.onerror = () => reject(request.error ?? new Error('no updates'))
        })
        const decoder = new TextDecoder()
        return updates.some((update) => update instanceof Uint8Array && decoder.decode(update).includes(text))
      } finally {
        db.close()
      }
    },
    { database: `werkplaats/${sessionId}/${sessionId}-board`, text },
  )
}

function sessionIdOf(page: Page): string {
  const id = /^\/s\/([A-Za-z0-9_-]{22})$/.exec(new URL(page.url()).pathname)?.[1]
  if (!id) throw new Error(`not on a session's page: ${page.url()}`)
  return id
}

/**
 * A participant on meeting-room Wi-Fi that drops: what they write offline is kept on their device, survives a
 * closed tab and a reload, and reaches the facilitator once they are back; what the device keeps goes when the
 * session does, or when they ask for it.
 */
describe('edits survive a lost network and a closed tab', () => {
  let server: ServerProcess
  let browser: Browser
  let fien: Participant
  let piet: Participant
  let sessionId: string
  let sessionUrl: string
  let observerLink: string

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    fien = await Participant.open(browser, 'Fien')
    piet = await Participant.open(browser, 'Piet')
    await fien.createSession(`${server.url}/`, 'Leeg bord', 'Wifi valt weg')
    const share = await fien.shareDetails()
    observerLink = share.observerLink
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).click()
    await piet.joinByLink(share.participantLink)
    sessionId = sessionIdOf(piet.page)
    sessionUrl = piet.page.url()
  })

  afterEach(async () => {
    // A step that failed offline must not leave the next test without a network.
    await piet?.context.setOffline(false)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.destroy()
  })

  it("the app is precached by a service worker, and the board and the participant's private room are kept per session and room", async () => {
    await piet.page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    const rooms = await keptRooms(piet.page, sessionId)
    expect(rooms).toHaveLength(2)
    expect(rooms[0]).toBe(`werkplaats/${sessionId}/${sessionId}-board`)
    expect(rooms[1]).toMatch(new RegExp(`^werkplaats/${sessionId}/${sessionId}-private-[A-Za-z0-9_-]{22}$`))
  })

  it('a sticky written offline survives a closed tab and reaches the facilitator when the link is opened online', async () => {
    await piet.context.setOffline(true)
    await piet.waitForConnection(OFFLINE)
    await piet.addStickyNote(420, 330, 'Geschreven zonder netwerk')
    await piet.waitForConnection('1 wijziging wacht op verzending')
    await waitUntilKeptOnDevice(piet.page, sessionId, 'Geschreven zonder netwerk')

    await piet.closeAndReopen(() => piet.context.setOffline(false))
    await piet.page.goto(sessionUrl)
    await piet.waitForConnection('Alles is verstuurd')
    await fien.shapeWithText('Geschreven zonder netwerk').waitFor()
  })

  it('a reload while offline shows the board as it was with the offline stickies, counted, and online they are sent', async () => {
    await piet.context.setOffline(true)
    await piet.waitForConnection(OFFLINE)
    await piet.addStickyNote(420, 480, 'Na het herladen')
    await piet.addStickyNote(700, 420, 'Nog een')
    await piet.waitForConnection('2 wijzigingen wachten op verzending')
    await waitUntilKeptOnDevice(piet.page, sessionId, 'Na het herladen')
    await waitUntilKeptOnDevice(piet.page, sessionId, 'Nog een')

    const reloaded = await piet.page.reload()
    // The page came from the service worker's precache: the network is off.
    expect(reloaded?.fromServiceWorker()).toBe(true)
    await piet.page.locator('.tl-canvas').waitFor()
    for (const text of ['Geschreven zonder netwerk', 'Na het herladen', 'Nog een']) {
      await piet.shapeWithText(text).waitFor()
    }
    await piet.page
      .getByRole('status')
      .filter({ hasText: OFFLINE })
      .filter({ hasText: '2 wijzigingen wachten op verzending' })
      .waitFor()

    await piet.context.setOffline(false)
    await piet.waitForConnection('Alles is verstuurd', 30_000)
    await fien.shapeWithText('Na het herladen').waitFor()
    await fien.shapeWithText('Nog een').waitFor()
  })

  it('a participant sees their own unrevealed private sticky after a reload, with private writing on and off', async () => {
    await fien.showTab('Fase')
    const toggle = facilitatorPanel(fien).getByRole('button', { name: 'Privé schrijven' })
    await toggle.click()
    await toggle.and(fien.page.locator('[aria-pressed="true"]')).waitFor()
    await piet.showTab('Fase')
    await piet.page.getByText('Privé schrijven staat aan', { exact: false }).waitFor()
    await piet.addStickyNote(420, 630, 'Alleen van Piet')
    await fien.shapeWithText('Alleen van Piet').waitFor({ state: 'attached' })

    await piet.page.reload()
    await piet.shapeWithText('Alleen van Piet').waitFor()

    await toggle.click()
    await toggle.and(fien.page.locator('[aria-pressed="false"]')).waitFor()
    await piet.page.reload()
    await piet.waitForBoard()
    await piet.shapeWithText('Alleen van Piet').waitFor()
  })

  it('an observer keeps nothing on the device', async () => {
    const olga = await Participant.open(browser, 'Olga')
    try {
      await olga.page.goto(observerLink)
      // The first load of a fresh browser also fills the service worker's cache: give it the test's time.
      await olga.shapeWithText('Geschreven zonder netwerk').waitFor({ timeout: 45_000 })
      await olga.page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      expect(await keptRooms(olga.page, sessionId)).toEqual([])
      expect(
        await olga.page.evaluate((id) => localStorage.getItem(`werkplaats.offline.view.v1.${id}`), sessionId),
      ).toBeNull()
      await expect(
        olga.page.getByRole('button', { name: 'Vergeet deze sessie op dit apparaat' }).count(),
      ).resolves.toBe(0)
    } finally {
      await olga.close()
    }
  })

  it('a deleted session leaves nothing on the participant’s device', async () => {
    expect(await keptRooms(piet.page, sessionId)).toHaveLength(2)
    const start = await fien.context.newPage()
    try {
      await start.goto(`${server.url}/`)
      const sessions = start.getByRole('region', { name: 'Mijn sessies' })
      await sessions.getByRole('button', { name: 'Wifi valt weg verwijderen' }).click()
      await sessions.getByRole('button', { name: 'Ja, verwijderen' }).click()
      await sessions.getByRole('link', { name: 'Wifi valt weg', exact: true }).waitFor({ state: 'detached' })
    } finally {
      await start.close()
    }
    await piet.page.getByRole('alert').filter({ hasText: 'Deze sessie is verwijderd.' }).waitFor()
    await waitUntilNothingKept(piet.page, sessionId)
  })

  it('"Vergeet deze sessie op dit apparaat" clears what the device keeps, and the access with it', async () => {
    await fien.createSession(`${server.url}/`, 'Leeg bord', 'Tweede sessie')
    const share = await fien.shareDetails()
    await piet.joinByLink(share.participantLink)
    const second = sessionIdOf(piet.page)
    await piet.addStickyNote(420, 330, 'Even bewaard')
    await piet.waitForConnection('Alles is verstuurd')
    expect(await keptRooms(piet.page, second)).toHaveLength(2)

    await piet.page.getByRole('button', { name: 'Vergeet deze sessie op dit apparaat' }).click()
    await piet.page
      .getByRole('alertdialog', { name: 'Vergeet deze sessie op dit apparaat?' })
      .getByRole('button', { name: 'Vergeten' })
      .click()
    await piet.page.waitForURL(`${server.url}/`)
    await waitUntilNothingKept(piet.page, second)
    expect(await piet.page.evaluate((id) => localStorage.getItem(`werkplaats.session.v1.${id}`), second)).toBeNull()
    // The facilitator still has it all: forgetting is this device's business only.
    await fien.shapeWithText('Even bewaard').waitFor()
  })
})
