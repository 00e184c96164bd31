import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Participant } from '../support/browser.ts'
import { facilitatorLink } from '../support/server.ts'
import { useBrowserSession } from '../support/session.ts'
import {
  boardCard,
  startRound as startVotingRound,
  tallyBadge,
  vote,
  voteCard,
  votingDock,
  votingSection,
} from '../support/voting.ts'

/** Just what the test needs of the OECD template, read as the server reads it. */
interface TemplateData {
  agenda: Array<{ id: string; title: string }>
  principles: Array<{
    id: string
    number: number
    title: string
    assessmentQuestions: Array<{ id: string; text: string; playId: string }>
    plays: Array<{ id: string; title: string; actions: Array<{ id: string; text: string }> }>
  }>
}
const oecd = JSON.parse(
  readFileSync(new URL('../../playbook-data/templates/oecd-innovatie-playbook.json', import.meta.url), 'utf8'),
) as TemplateData

/**
 * The playbook's journey through votes, with a facilitator and five participants in their own browsers
 * against the real server: a Startpunt round picks the principle, a Kaderen round ranks its questions and
 * brings the plays of the top three to Verbeteren, participants mark actions and make an action plan, and
 * every screen sees the same results. The steps build on each other, like a workshop would.
 */
describe("voting and the playbook's logic", () => {
  const { server, people } = useBrowserSession({ people: ['Fien', 'Anna', 'Bram', 'Cor', 'Dirk', 'Eva'] })
  const { Fien: fien } = people
  const team = [people.Anna, people.Bram, people.Cor, people.Dirk, people.Eva]
  const [first, second] = oecd.principles
  if (!first || !second) throw new Error('the OECD template has principles')
  const title = (p: { number: number; title: string }) => `${p.number}. ${p.title}`
  const questions = second.assessmentQuestions
  const stageTitle = (id: string) => oecd.agenda.find((s) => s.id === id)?.title ?? id

  const startRound = (stage: string, votes: number) => startVotingRound(fien, votes, stageTitle(stage))

  it('a facilitator and five participants open the session', async () => {
    const response = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'oecd-innovatie-playbook', title: 'Stemmen', facilitatorName: 'Fien' }),
    })
    const created = (await response.json()) as {
      id: string
      facilitatorToken: string
      links: { participant: string }
    }
    await fien.open(await facilitatorLink(server.url, created))
    for (const person of team) await person.joinByLink(created.links.participant)
    // The room's drawer is closed until someone opens it; each keeps the tab they open.
    for (const person of [fien, ...team]) await person.showTab('Stemmen')
    await votingSection(fien, 'Stemmen').getByText('Er loopt geen stemronde.').waitFor()
    // Only the facilitator opens rounds.
    expect(
      await votingSection(team[0] as Participant, 'Stemmen')
        .getByRole('button', { name: 'Stemronde starten' })
        .count(),
    ).toBe(0)
  })

  it('the Startpunt round proposes the principle with the most votes, and the facilitator chooses it', async () => {
    await startRound('startpunt', 1)
    const [anna, bram, cor, dirk, eva] = team as [Participant, Participant, Participant, Participant, Participant]
    await vote(anna, 'Stem', title(second), second.id)
    for (const person of [bram, cor]) await vote(person, 'Stem', title(second))
    for (const person of [dirk, eva]) await vote(person, 'Stem', title(first))
    await votingSection(anna, 'Stemmen').getByText('Je stemmen zijn op').waitFor()
    await votingSection(fien, 'Stemmen').getByText('5 van 5 hebben gestemd').waitFor()
    // Hidden until revealed: nobody but the facilitator sees a tally yet.
    expect(
      await votingSection(anna, 'Stemmen')
        .getByText(/^\d+ stemm?e?n?$/)
        .count(),
    ).toBe(0)

    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
    await votingSection(fien, 'Stemmen')
      .getByText(`De stemmen wijzen naar ${title(second)}.`)
      .waitFor()
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Dit principe kiezen' }).click()
    await votingSection(fien, 'Stemmen')
      .getByText(`Gekozen principe: ${title(second)}`)
      .waitFor()
    for (const person of team) {
      await voteCard(person, title(second)).getByText('3 stemmen', { exact: true }).waitFor()
      await voteCard(person, title(first)).getByText('2 stemmen', { exact: true }).waitFor()
      await boardCard(person, second.id).getByText('3 stemmen', { exact: true }).waitFor({ state: 'attached' })
    }
  })

  it('the Kaderen round: votes within the budget, hidden until revealed, then the same tallies everywhere', async () => {
    await startRound('kaderen', 3)
    const label = 'We moeten dit verbeteren!'
    // Only the chosen principle's questions are put to the vote.
    const anna = team[0] as Participant
    await voteCard(anna, (questions[0] as { text: string }).text).waitFor()
    expect(await votingSection(anna, 'Stemmen').getByRole('listitem').count()).toBe(questions.length)
    await votingSection(anna, 'Stemmen').getByText('Nog 3 stemmen').waitFor()

    // q0: 5 votes, q1: 4, q2: 3, q3: 2, q4: 1.
    const ballots = [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 3],
      [0, 1, 3],
      [0, 2, 4],
    ]
    for (const [index, person] of team.entries()) {
      for (const q of ballots[index] ?? []) {
        const question = questions[q] as { id: string; text: string }
        // Anna votes on the question cards themselves, the others in the panel.
        await vote(person, label, question.text, index === 0 ? question.id : undefined)
      }
    }
    await votingSection(anna, 'Stemmen').getByText('Je stemmen zijn op').waitFor()
    // The budget holds on the screen too: no more "We moeten dit verbeteren!" to press.
    expect(
      await voteCard(anna, (questions[4] as { text: string }).text)
        .getByRole('button', { name: new RegExp(label) })
        .isDisabled(),
    ).toBe(true)
    await votingSection(fien, 'Stemmen').getByText('5 van 5 hebben gestemd').waitFor()
    expect(
      await votingSection(anna, 'Stemmen')
        .getByText(/^\d+ stemm?e?n?$/)
        .count(),
    ).toBe(0)

    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
    const expected = [5, 4, 3, 2, 1]
    for (const person of [fien, ...team]) {
      for (const [q, votes] of expected.entries()) {
        const badge = tallyBadge(votes)
        await voteCard(person, (questions[q] as { text: string }).text)
          .getByText(badge, { exact: true })
          .waitFor()
        // The same tally on the question card on the board.
        await boardCard(person, (questions[q] as { id: string }).id)
          .getByText(badge, { exact: true })
          .waitFor({ state: 'attached' })
      }
      // "Resultaten": most votes first, with the share of voters.
      const rows = votingSection(person, 'Resultaten').getByRole('listitem')
      await rows.first().getByText('5 stemmen · 100% van de stemmers').waitFor()
      expect(await rows.first().textContent()).toContain((questions[0] as { text: string }).text)
      await rows.nth(1).getByText('4 stemmen · 80% van de stemmers').waitFor()
    }
  })

  it('the plays of the three top questions are chosen and appear on Verbeteren', async () => {
    const decision = votingSection(fien, 'Stemmen').getByRole('region', { name: 'Plays voor Verbeteren' })
    for (const [q, ticked] of [
      [0, true],
      [1, true],
      [2, true],
      [3, false],
      [4, false],
    ] as const) {
      expect(
        await decision
          .getByRole('checkbox', { name: new RegExp(escape((questions[q] as { text: string }).text)) })
          .isChecked(),
      ).toBe(ticked)
    }
    await decision.getByRole('button', { name: 'Deze plays kiezen' }).click()
    await decision.getByText('3 plays gekozen').waitFor()
    const chosen = [0, 1, 2].map((q) => second.plays.find((p) => p.id === (questions[q] as { playId: string }).playId))
    for (const person of [fien, ...team]) {
      await person.showTab('Acties')
      for (const play of chosen) {
        if (!play) throw new Error('a question leads to a play')
        // On the board, laid out by the template layer, and in the marks panel.
        await person.page.locator('.tl-shape').filter({ hasText: play.title }).first().waitFor({ state: 'attached' })
        await votingSection(person, 'Acties').getByRole('heading', { name: play.title }).waitFor()
      }
    }
  })

  it('participants mark actions ("Heb je dit al geprobeerd?") and everyone sees the team\'s counts', async () => {
    const play = second.plays.find((p) => p.id === (questions[0] as { playId: string }).playId)
    const action = play?.actions[0]
    if (!action) throw new Error('a play has actions')
    const group = (person: Participant) =>
      votingSection(person, 'Acties').getByRole('group', { name: `Heb je dit al geprobeerd? ${action.text}` })
    const [anna, bram, cor] = team as [Participant, Participant, Participant]
    await group(anna).getByRole('radio', { name: 'Geprobeerd' }).check()
    await group(bram).getByRole('radio', { name: 'Willen we proberen' }).check()
    await group(cor).getByRole('radio', { name: 'Geprobeerd' }).check()
    // One mark per participant, changeable.
    await group(cor).getByRole('radio', { name: 'Niet relevant' }).check()
    const counts = 'Geprobeerd: 1 · Willen we proberen: 1 · Niet relevant: 1'
    for (const person of [fien, ...team]) {
      await votingSection(person, 'Acties')
        .getByRole('listitem')
        .filter({ hasText: action.text })
        .getByText(counts)
        .waitFor()
    }
    expect(await group(fien).getByRole('radio', { name: 'Geprobeerd' }).isDisabled()).toBe(true)
  })

  it('an action becomes an item of the action plan, and everyone sees it as it is filled in', async () => {
    const play = second.plays.find((p) => p.id === (questions[0] as { playId: string }).playId)
    const action = play?.actions[0]
    if (!action) throw new Error('a play has actions')
    const [anna, bram] = team as [Participant, Participant]
    const plan = (person: Participant) => votingSection(person, 'Actieplan')
    for (const person of [anna, bram])
      await votingDock(person).getByRole('button', { name: 'Actieplan', exact: true }).click()
    await plan(anna).getByRole('button', { name: 'Uit de gekozen acties' }).click()
    // Each chosen action is offered with how many want to try it (Bram marked this one).
    await plan(anna)
      .getByRole('listitem')
      .filter({ hasText: action.text })
      .getByText('Willen we proberen: 1', { exact: true })
      .waitFor()
    await plan(anna)
      .getByRole('button', { name: `Toevoegen aan actieplan: ${action.text}` })
      .click()
    const item = (person: Participant) => plan(person).getByRole('group', { name: 'Actie 1' })
    // The owner is one of the session's people, not free text.
    await item(anna).getByLabel('Eigenaar').selectOption('Anna')
    await item(anna).getByLabel('Eerste stap').fill('Agenda het overleg van maandag')
    await item(anna).getByLabel('Datum').fill('2026-12-01')

    await item(bram).waitFor()
    expect(await item(bram).getByLabel('Actie', { exact: true }).inputValue()).toBe(action.text)
    await expect.poll(() => item(bram).getByLabel('Eigenaar').inputValue()).toBe('Anna')
    await expect.poll(() => item(bram).getByLabel('Eerste stap').inputValue()).toBe('Agenda het overleg van maandag')
    await expect.poll(() => item(bram).getByLabel('Datum').inputValue()).toBe('2026-12-01')
    // Bram adds to it: both screens keep both people's edits.
    await item(bram).getByLabel('Eigenaar').selectOption('Bram')
    await expect.poll(() => item(anna).getByLabel('Eigenaar').inputValue()).toBe('Bram')
  })

  it('a dot vote on a sticky: the dot is on the sticky on the board, and so is its tally', async () => {
    const [anna, bram] = team as [Participant, Participant]
    await anna.addStickyNote(700, 450, 'Koffie eerst')
    await startRound('welkom', 1)
    const dot = (person: Participant) => person.page.locator('.wp-sticky-vote')
    await dot(bram).getByRole('button', { name: 'Stem: Koffie eerst' }).click()
    await bram.showTab('Stemmen')
    await votingSection(bram, 'Stemmen').getByText('Je stemmen zijn op').waitFor()
    await votingSection(fien, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
    for (const person of [fien, ...team]) await dot(person).getByText('1 stem', { exact: true }).waitFor()
  })

  it('no screen reported an error', () => {
    for (const person of [fien, ...team]) expect(person.problems, person.name).toEqual([])
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
