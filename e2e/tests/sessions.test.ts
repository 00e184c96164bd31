import { describe, expect, it } from 'vitest'
import { Participant } from '../support/browser.ts'
import { useBrowserSession } from '../support/session.ts'

/**
 * One workshop with every role, each person in their own browser context against the real server: Fien
 * makes a session from the OECD template on the start page, Anna joins with the participants' link, Bram
 * with the code on /join, and Olaf watches through the observers' read-only link. The steps build on each
 * other, like a workshop would.
 */
describe('a session with a facilitator, participants and an observer', () => {
  const {
    server,
    people: { Fien: fien, Anna: anna, Bram: bram, Olaf: olaf },
  } = useBrowserSession({ people: ['Fien', 'Anna', 'Bram', 'Olaf'] })
  let share: { code: string; participantLink: string; observerLink: string }

  it('the facilitator makes a session from the OECD template on the start page', async () => {
    await fien.page.goto(`${server.url}/`)
    const template = fien.page
      .getByRole('listitem')
      .filter({ has: fien.page.getByRole('heading', { name: 'Innovatie Playbook' }) })
    // Title, number of stages, total minutes and language, as the template catalogue says.
    await template.filter({ hasText: /\d+ onderdelen · \d+ minuten · Nederlands/ }).waitFor()
    await fien.createSession(`${server.url}/`, 'Innovatie Playbook', 'Innovatiesessie team Noord')

    expect(new URL(fien.page.url()).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/)
    await fien.page.getByText('Innovatiesessie team Noord').first().waitFor()
    share = await fien.shareDetails()
    expect(share.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/)
    // The session's address, with the invitation in the fragment (never sent to a server).
    expect(share.participantLink).toMatch(
      new RegExp(`^${server.url}${new URL(fien.page.url()).pathname}#i=[A-Za-z0-9_-]{43}$`),
    )
    expect(share.observerLink).toMatch(/#w=[A-Za-z0-9_-]{43}$/)
  })

  it('a participant joins with the link, another with the code', async () => {
    await anna.joinByLink(share.participantLink)
    // The invitation left the address bar with the join.
    expect(new URL(anna.page.url()).hash).toBe('')
    await bram.joinByCode(server.url, share.code)
    expect(new URL(bram.page.url()).pathname).toBe(new URL(share.participantLink).pathname)
  })

  it('the observer opens the read-only link: its secret leaves the address at once, the view says "Alleen bekijken"', async () => {
    await olaf.open(share.observerLink)
    expect(new URL(olaf.page.url()).hash).toBe('')
    await olaf.page.getByText('Alleen bekijken', { exact: true }).waitFor()
    expect(await anna.page.getByText('Alleen bekijken', { exact: true }).count()).toBe(0)
  })

  it('everyone sees everyone in the participant list, with their role and online', async () => {
    for (const person of [fien, anna, bram, olaf]) {
      await person.showTab('Deelnemers')
      for (const [name, role] of [
        ['Fien', 'Facilitator'],
        ['Anna', 'Deelnemer'],
        ['Bram', 'Deelnemer'],
        ['Waarnemer', 'Waarnemer'],
      ] as const) {
        await person.onlineParticipant(name, role).waitFor()
      }
      await person
        .participantList()
        .getByRole('heading', { name: /4 van 4 online/ })
        .waitFor()
    }
    await fien.participantEntry('Fien (jij)', 'Facilitator').waitFor()
    await olaf.participantEntry('Waarnemer (jij)', 'Waarnemer').waitFor()
  })

  it("names at the cursors are the server's", async () => {
    await anna.page.mouse.move(700, 400)
    await anna.page.mouse.move(760, 430, { steps: 10 })
    await olaf.collaboratorCursor('Anna').waitFor()
    await olaf.page.mouse.move(500, 500)
    await olaf.page.mouse.move(540, 520, { steps: 10 })
    await fien.collaboratorCursor('Waarnemer').waitFor()
  })

  it('the observer cannot make a sticky, and stays connected', async () => {
    await anna.addStickyNote(400, 300, 'Idee van Anna')
    await olaf.shapeWithText('Idee van Anna').waitFor()
    const shapesBefore = await anna.page.locator('.tl-shape').count()

    // What makes a sticky for anyone else: the note tool's shortcut and a click; and a double click (text).
    await olaf.page.mouse.click(640, 620)
    await olaf.page.keyboard.press('n')
    await olaf.page.mouse.click(900, 300)
    await olaf.page.keyboard.type('Van de waarnemer')
    await olaf.page.keyboard.press('Escape')
    await olaf.page.mouse.dblclick(900, 500)
    await olaf.page.keyboard.type('Ook van de waarnemer')
    await olaf.page.keyboard.press('Escape')
    // The existing sticky cannot be deleted either.
    await olaf.shapeWithText('Idee van Anna').click()
    await olaf.page.keyboard.press('Delete')

    // A participant's next sticky still reaches the observer: the connection was never closed for a write.
    await bram.addStickyNote(600, 300, 'Idee van Bram')
    await olaf.shapeWithText('Idee van Bram').waitFor()
    await olaf.waitForConnection('Verbonden')
    expect(await olaf.page.getByRole('alert').count()).toBe(0)
    for (const person of [fien, anna, olaf]) {
      expect(await person.page.locator('.tl-shape').count()).toBe(shapesBefore + 1)
      expect(await person.shapeWithText('waarnemer').count()).toBe(0)
      await person.shapeWithText('Idee van Anna').waitFor()
    }
  })

  it('a reload keeps everyone who they are', async () => {
    for (const [person, role] of [
      [fien, 'Facilitator'],
      [anna, 'Deelnemer'],
      [bram, 'Deelnemer'],
      [olaf, 'Waarnemer'],
    ] as const) {
      await person.page.reload()
      await person.waitForBoard()
      const self = person === olaf ? 'Waarnemer (jij)' : `${person.name} (jij)`
      await person.participantEntry(self, role).waitFor()
      expect(await person.page.getByRole('form', { name: 'Deelnemen aan de sessie' }).count()).toBe(0)
    }
    // Nobody became a second participant: still Fien, Anna, Bram and one observer.
    await fien
      .participantList()
      .getByRole('heading', { name: /4 van 4 online/ })
      .waitFor()
    await olaf.page.getByText('Alleen bekijken', { exact: true }).waitFor()
    await fien.page.getByRole('button', { name: 'Delen', exact: true }).waitFor()
    expect(await anna.page.getByRole('button', { name: 'Delen', exact: true }).count()).toBe(0)
  })

  it('the facilitator renames the session, and every screen shows the new title', async () => {
    await fien.shareDetails()
    const panel = fien.page.getByRole('region', { name: 'Delen', exact: true })
    await panel.getByLabel('Titel van de sessie').fill('Innovatiesessie Noord en Zuid')
    await panel.getByRole('button', { name: 'Opslaan' }).click()
    for (const person of [fien, anna, bram, olaf]) {
      await person.page.getByText('Innovatiesessie Noord en Zuid', { exact: true }).first().waitFor()
    }
  })

  it('on the start page the facilitator copies the session and deletes the original; everyone in it is told', async () => {
    const start = await fien.context.newPage()
    try {
      await start.goto(`${server.url}/`)
      const sessions = start.getByRole('region', { name: 'Mijn sessies' })
      await sessions.getByRole('link', { name: 'Innovatiesessie Noord en Zuid' }).waitFor()
      await sessions.getByRole('button', { name: 'Kopie maken van Innovatiesessie Noord en Zuid' }).click()
      await sessions.getByRole('link', { name: /\(kopie\)$/ }).waitFor()

      await sessions.getByRole('button', { name: 'Innovatiesessie Noord en Zuid verwijderen' }).click()
      await sessions.getByRole('button', { name: 'Ja, verwijderen' }).click()
      await sessions
        .getByRole('link', { name: 'Innovatiesessie Noord en Zuid', exact: true })
        .waitFor({ state: 'detached' })
    } finally {
      await start.close()
    }
    for (const person of [anna, olaf]) {
      await person.page.getByRole('alert').filter({ hasText: 'Deze sessie is verwijderd.' }).waitFor()
    }
    // A reload gets a clear message too, with the way to the start page (the server forgot the session and
    // its tokens, so it may answer either "no such session" or "no such token").
    await anna.page.reload()
    await anna.page.getByRole('heading', { name: /^Deze (sessie bestaat niet|link werkt niet) \(meer\)$/ }).waitFor()
    await anna.page.getByRole('link', { name: 'Naar de startpagina' }).waitFor()
  })

  it('the console shows no errors', () => {
    for (const person of [fien, bram]) {
      expect(person.problems.map((problem) => problem.text)).toEqual([])
    }
  })
})

describe('a session link that does not work', () => {
  const { server, browser } = useBrowserSession()

  it('an unknown token gets a clear message and the way to the start page', async () => {
    const visitor = await Participant.open(browser, 'Dirk')
    try {
      await visitor.page.goto(`${server.url}/s/AbCdEfGhIjKlMnOpQrStUv#t=unknown_token_0123456789`)
      await visitor.page.getByRole('heading', { name: /Deze (link werkt niet|sessie bestaat niet)/ }).waitFor()
      await visitor.page.getByRole('link', { name: 'Naar de startpagina' }).waitFor()
      expect(new URL(visitor.page.url()).hash).toBe('')
    } finally {
      await visitor.close()
    }
  })

  it('an unknown code on /join says so', async () => {
    const visitor = await Participant.open(browser, 'Dirk')
    try {
      await visitor.page.goto(`${server.url}/join`)
      await visitor.page.getByLabel('Code').fill('ABCDEF')
      await visitor.page.getByLabel('Je naam').fill('Dirk')
      await visitor.page.getByRole('button', { name: 'Deelnemen' }).click()
      await visitor.page.getByRole('alert').filter({ hasText: 'Er is geen sessie met deze code' }).waitFor()
    } finally {
      await visitor.close()
    }
  })
})
