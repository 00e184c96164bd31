import { getTemplate } from '@werkplaats/playbook-data'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, Participant, requestsElsewhere } from '../support/browser.ts'
import { facilitatorPanel, stagePanel } from '../support/facilitation.ts'
import { facilitatorLink, type ServerProcess, type SharedInstances, startSharedInstances } from '../support/server.ts'
import { boardCard, startRound, tallyBadge, vote, voteCard, votingSection } from '../support/voting.ts'

const oecd = getTemplate('oecd-innovatie-playbook')
if (!oecd) throw new Error('the OECD template is in @werkplaats/playbook-data')
const stageTitle = (kind: string) => {
  const stage = oecd.agenda.find((s) => s.kind === kind)
  if (!stage) throw new Error(`the OECD agenda has a ${kind} stage`)
  return stage.title
}
const principleTitle = (index: number) => {
  const principle = oecd.principles[index]
  if (!principle) throw new Error(`the OECD template has a principle ${index + 1}`)
  return { id: principle.id, title: `${principle.number}. ${principle.title}` }
}

/**
 * Werkplaats behind a load balancer (docs/deploy.md): two server instances on one PostgreSQL and one Redis.
 * The facilitator's browser talks only to instance A, the participants' only to instance B, so everything one
 * side sees of the other crossed between the instances: people and presence, the stage, the vote round, the
 * voter count and the revealed tallies. On instances that shared nothing the participants could not even join.
 */
describe('a facilitator on one instance and participants on another', () => {
  let shared: SharedInstances
  let a: ServerProcess
  let b: ServerProcess
  let browser: Browser
  let fien: Participant
  let team: Participant[]
  /** Every WebSocket each page opened (the Yjs rooms), which the request log does not show. */
  const sockets = new Map<Participant, string[]>()

  beforeAll(async () => {
    shared = await startSharedInstances(2)
    ;[a, b] = shared.servers as [ServerProcess, ServerProcess]
    browser = await launchBrowser()
    fien = await Participant.open(browser, 'Fien')
    team = await Promise.all(['Anna', 'Bram'].map((name) => Participant.open(browser, name)))
    for (const person of [fien, ...team]) {
      const urls: string[] = []
      sockets.set(person, urls)
      person.page.on('websocket', (socket) => urls.push(socket.url()))
    }
  })

  afterAll(async () => {
    await browser?.close()
    await shared?.destroy()
  })

  it('the facilitator opens the session on A; two participants join through B, and each side sees the other', async () => {
    const response = await fetch(`${a.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        templateId: 'oecd-innovatie-playbook',
        title: 'Twee instanties',
        facilitatorName: 'Fien',
      }),
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as {
      id: string
      facilitatorToken: string
      links: { participant: string }
    }
    const handover = await facilitatorLink(a.url, created)
    expect(new URL(handover).host).toBe(a.host)
    // The session id is the same on every instance: only the origin changes.
    const onB = new URL(created.links.participant)
    onB.host = b.host
    await fien.open(handover)
    for (const person of team) await person.joinByLink(onB.href)

    await fien.showTab('Fase')
    for (const person of team) await fien.onlineParticipant(person.name, 'Deelnemer').waitFor()
    for (const person of team) await person.showTab('Deelnemers')
    for (const person of team) await person.onlineParticipant('Fien', 'Facilitator').waitFor()
  })

  it('"Volgende fase" on A brings the participants on B to the next stage', async () => {
    const next = facilitatorPanel(fien).getByRole('button', { name: 'Volgende fase' })
    for (const person of team) await person.showTab('Fase')
    for (const title of [stageTitle('welcome'), stageTitle('challenges')]) {
      await next.click()
      for (const person of team) {
        await stagePanel(person)
          .getByRole('region', { name: 'Huidige fase' })
          .getByRole('heading', { name: title })
          .waitFor()
        // And back: A knows from B's presence that each participant's view went along.
        await fien
          .participantEntry(person.name, 'Deelnemer')
          .filter({ hasText: `Op: ${title}` })
          .waitFor()
      }
    }
  })

  it('a vote round started on A is voted on through B, and A sees the voter count rise', async () => {
    const [anna, bram] = team as [Participant, Participant]
    // No stage picked: the dialog offers the current stage's cards, the principles.
    await startRound(fien, 2)
    for (const person of team) {
      await person.showTab('Stemmen')
      await votingSection(person, 'Stemmen')
        .getByText(`Stemronde: ${stageTitle('challenges')}`)
        .waitFor()
      await votingSection(person, 'Stemmen').getByText('Nog 2 stemmen').waitFor()
    }
    const stemmen = votingSection(fien, 'Stemmen')
    await stemmen.getByText('0 van 2 hebben gestemd').waitFor()

    const [first, second, third] = [principleTitle(0), principleTitle(1), principleTitle(2)]
    await vote(anna, 'Stem', second.title)
    // Anna's second vote from the principle's card on the board, as a participant may.
    await vote(anna, 'Stem', first.title, first.id)
    await stemmen.getByText('1 van 2 hebben gestemd').waitFor()
    await vote(bram, 'Stem', second.title)
    await vote(bram, 'Stem', third.title)
    await stemmen.getByText('2 van 2 hebben gestemd').waitFor()
    for (const person of team) await votingSection(person, 'Stemmen').getByText('Je stemmen zijn op').waitFor()
    // Hidden until revealed: the participants see no tally yet.
    for (const person of team)
      expect(
        await votingSection(person, 'Stemmen')
          .getByText(/^\d+ stemm?e?n?$/)
          .count(),
      ).toBe(0)
  })

  it('"Onthullen" on A shows the same tallies on B', async () => {
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
    const expected = [
      { principle: principleTitle(1), votes: 2 },
      { principle: principleTitle(0), votes: 1 },
      { principle: principleTitle(2), votes: 1 },
    ]
    for (const person of [fien, ...team]) {
      for (const { principle, votes } of expected) {
        await voteCard(person, principle.title).getByText(tallyBadge(votes), { exact: true }).waitFor()
        await boardCard(person, principle.id)
          .getByText(tallyBadge(votes), { exact: true })
          .waitFor({ state: 'attached' })
      }
      const top = votingSection(person, 'Resultaten').getByRole('listitem').first()
      await top.getByText('2 stemmen · 100% van de stemmers').waitFor()
      expect(await top.textContent()).toContain(principleTitle(1).title)
    }
  })

  it('each browser spoke only to its own instance, and no screen reported an error', () => {
    const ownInstance = new Map<Participant, ServerProcess>([[fien, a], ...team.map((person) => [person, b] as const)])
    for (const [person, server] of ownInstance) {
      expect(requestsElsewhere([...person.requests, ...(sockets.get(person) ?? [])], server.host), person.name).toEqual(
        [],
      )
      // The board, control and (for participants) private rooms: all on the person's own instance.
      expect(sockets.get(person)?.length, person.name).toBeGreaterThanOrEqual(2)
      expect(person.problems, person.name).toEqual([])
    }
  })
})
