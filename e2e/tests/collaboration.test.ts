import { describe, expect, it } from 'vitest'
import { Participant, requestsElsewhere, type ConsoleProblem } from '../support/browser.ts'
import { useBrowserSession } from '../support/session.ts'

/**
 * Two people on one session's board, each in their own browser context, against the real server serving the
 * built client: Anna makes a blank session and Bram joins with the participants' link. The steps run in order
 * and build on each other (one session, one server), like a workshop would.
 */
describe('two people on one board', () => {
  const {
    server,
    browser,
    people: { Anna: anna, Bram: bram },
  } = useBrowserSession({ people: ['Anna', 'Bram'] })
  let participantLink: string
  /** While the server is deliberately down, Chromium reports each refused WebSocket and ticket request as a console error. */
  const restartWindows: Array<{ from: number; to: number }> = []

  it('a session made on the start page has an unguessable address, and a participant joins by its link', async () => {
    await anna.createSession(`${server.url}/`, 'Leeg bord', 'Samenwerken')
    const url = new URL(anna.page.url())
    expect(url.pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/)
    // tldraw's own UI speaks Dutch by default (its translations are bundled and served by us).
    await anna.page.getByRole('button', { name: /^Ongedaan maken/ }).waitFor()
    // The note tool is the workshop's sticky, not tldraw's Dutch "Opmerking".
    expect(await anna.page.getByTestId('tools.note').getAttribute('aria-label')).toMatch(/^Sticky/)
    participantLink = (await anna.shareDetails()).participantLink
    expect(participantLink).toMatch(new RegExp(`^${server.url}${url.pathname}#i=`))
    await bram.joinByLink(participantLink)
  })

  it("a sticky note made and typed by one appears, with its text, on the other's screen", async () => {
    await anna.addStickyNote(400, 300, 'Idee van Anna')
    await bram.shapeWithText('Idee van Anna').waitFor({ timeout: 15_000 })
  })

  it("each sees the other's cursor with their name", async () => {
    // Several small moves: presence goes out at most every 50 ms, and only moves are news.
    await anna.page.mouse.move(700, 400)
    await anna.page.mouse.move(760, 430, { steps: 10 })
    const annasCursor = bram.collaboratorCursor('Anna')
    await annasCursor.waitFor({ timeout: 15_000 })
    expect(await annasCursor.isVisible()).toBe(true)

    await bram.page.mouse.move(500, 500)
    await bram.page.mouse.move(540, 520, { steps: 10 })
    await anna.collaboratorCursor('Bram').waitFor({ timeout: 15_000 })
  })

  it('after a server restart both reconnect by themselves, offline edits are kept and new edits cross', async () => {
    const restart = { from: Date.now(), to: Number.POSITIVE_INFINITY }
    restartWindows.push(restart)
    await server.stop('SIGKILL')
    try {
      await anna.waitForConnection('Offline — je wijzigingen worden bewaard')
      await bram.waitForConnection('Offline — je wijzigingen worden bewaard')
      // Made while nobody can reach the server: Yjs keeps it and sends it once the connection is back.
      await anna.addStickyNote(400, 520, 'Offline van Anna')
    } finally {
      // Even when a step above failed, later tests need a server.
      await server.start()
    }
    await anna.waitForConnection('Verbonden', 30_000)
    await bram.waitForConnection('Verbonden', 30_000)
    restart.to = Date.now()

    await bram.shapeWithText('Offline van Anna').waitFor({ timeout: 15_000 })
    // Left of tldraw's style panel, which now stands beside the stage panel.
    await bram.addStickyNote(700, 420, 'Na de herstart')
    await anna.shapeWithText('Na de herstart').waitFor({ timeout: 15_000 })
    // And what was on the board before the restart is still there for both.
    await anna.shapeWithText('Idee van Anna').waitFor()
    await bram.shapeWithText('Idee van Anna').waitFor()
  })

  it('a newcomer gets the whole board from the server', async () => {
    const carla = await Participant.open(browser, 'Carla')
    try {
      await carla.joinByLink(participantLink)
      for (const text of ['Idee van Anna', 'Offline van Anna', 'Na de herstart']) {
        await carla.shapeWithText(text).waitFor({ timeout: 15_000 })
      }
      expect(await carla.shapeWithText('Idee van Anna').count()).toBe(1)
      await carla.page.mouse.move(600, 650)
      await carla.page.mouse.move(620, 660, { steps: 10 })
      await anna.collaboratorCursor('Carla').waitFor()
      expect(requestsElsewhere(carla.requests, server.host)).toEqual([])
      expect(unexpectedProblems(carla.problems, restartWindows)).toEqual([])
    } finally {
      await carla.close()
    }
    // Whoever leaves takes their cursor along.
    await anna.collaboratorCursor('Carla').waitFor({ state: 'detached' })
  })

  it('no request leaves for any host but the server', () => {
    for (const participant of [anna, bram]) {
      expect(participant.requests.length).toBeGreaterThan(0)
      expect(requestsElsewhere(participant.requests, server.host)).toEqual([])
    }
  })

  it('the console shows no errors', () => {
    for (const participant of [anna, bram]) {
      expect(unexpectedProblems(participant.problems, restartWindows)).toEqual([])
    }
  })
})

describe('an address that is not a session', () => {
  const { server, browser } = useBrowserSession()

  it('an old anonymous board address gets a clear message and the way to the start page', async () => {
    const visitor = await Participant.open(browser, 'Dirk')
    try {
      await visitor.page.goto(`${server.url}/b/AbCdEfGhIjKlMnOpQrStUv`)
      await visitor.page.getByRole('heading', { name: 'Deze pagina bestaat niet' }).waitFor()
      await visitor.page.getByRole('link', { name: 'Naar de startpagina' }).waitFor()
      expect(await visitor.page.locator('.tl-canvas').count()).toBe(0)
      expect(visitor.problems).toEqual([])
    } finally {
      await visitor.close()
    }
  })
})

/** data: URLs never touch the network, blob: URLs are the page's own memory; everything else must be ours. */
/**
 * Console errors, except Chromium's report of a refused WebSocket while the test itself had the server down
 * (the page cannot stop the browser from logging those, and reconnecting is exactly what is being tested).
 */
function unexpectedProblems(problems: ConsoleProblem[], restartWindows: Array<{ from: number; to: number }>) {
  return problems
    .filter(
      (problem) =>
        !(
          // A reconnect asks for a ticket first: while the server is down, that request is refused too.
          /WebSocket connection to '.*' failed|Failed to load resource: net::ERR_CONNECTION_REFUSED/.test(
            problem.text,
          ) && restartWindows.some((window) => problem.at >= window.from && problem.at <= window.to)
        ),
    )
    .map((problem) => problem.text)
}
