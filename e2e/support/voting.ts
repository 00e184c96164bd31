import type { Locator } from 'playwright-core'
import type { Participant } from './browser.ts'

/** The room's drawer beside the board, which every role sees; its tabs "Stemmen" and "Acties" hold the voting. */
export function votingDock(person: Participant) {
  return person.page.getByRole('complementary', { name: 'Werkruimte' })
}

/**
 * A region of the drawer: "Stemmen", "Resultaten" (tab "Stemmen"), "Acties", "Actieplan" (tab "Acties"); the tab
 * must be open (`person.showTab`).
 */
export function votingSection(person: Participant, name: string) {
  return votingDock(person).getByRole('region', { name })
}

/** A card of the running round in the "Stemmen" panel, found by its exact text. */
export function voteCard(person: Participant, text: string): Locator {
  return votingSection(person, 'Stemmen')
    .getByRole('listitem')
    .filter({ has: person.page.getByText(text, { exact: true }) })
}

/** A card's vote place on the board, laid out by the template layer. */
export function boardCard(person: Participant, cardId: string): Locator {
  return person.page.locator(`[data-card-vote="${cardId}"]`)
}

/**
 * "Stemronde starten" in the facilitator's panel, with `votes` per participant. `stageTitle` picks the
 * dialog's "Onderdeel"; without it the dialog's own choice stays, which is the current stage.
 */
export async function startRound(facilitator: Participant, votes: number, stageTitle?: string): Promise<void> {
  await facilitator.showTab('Stemmen')
  await votingSection(facilitator, 'Stemmen').getByRole('button', { name: 'Stemronde starten' }).click()
  const dialog = facilitator.page.getByRole('dialog', { name: 'Stemronde starten' })
  if (stageTitle !== undefined) await dialog.getByLabel('Onderdeel').selectOption({ label: stageTitle })
  await dialog.getByLabel('Stemmen per deelnemer').fill(String(votes))
  await dialog.getByRole('button', { name: 'Starten' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

/**
 * One vote, from the panel or (`onBoard`, a card id) from the card on the board. The board's cards may lie
 * outside the view, so that click is dispatched to the button rather than aimed.
 */
export async function vote(person: Participant, label: string, text: string, onBoard?: string): Promise<void> {
  await person.showTab('Stemmen')
  const remaining = () => votingSection(person, 'Stemmen').getByText(/^Nog \d+ stem|^Je stemmen zijn op/)
  const before = await remaining().textContent()
  // A card outside the view is culled (not displayed), hence out of the accessibility tree: find the button by its name attribute.
  if (onBoard)
    await boardCard(person, onBoard).locator(`button[aria-label^="${label}: "]`).first().dispatchEvent('click')
  else
    await voteCard(person, text)
      .getByRole('button', { name: `${label}: ${text}` })
      .click()
  // Each vote's answer says what is left: wait for it, so the next vote is not refused as over budget.
  await remaining()
    .filter({ hasNotText: before ?? '' })
    .waitFor()
}

/** The badge a tally shows ("1 stem", "3 stemmen"), on the panel's cards and on the board's. */
export function tallyBadge(votes: number): string {
  return votes === 1 ? '1 stem' : `${votes} stemmen`
}

/**
 * The shortest way to a chosen principle: a round of one vote on the current stage (Startpunt), `voter` votes for
 * `principle` (its card's title, "2. ALLE AMBTENAREN …"), the facilitator reveals and chooses it.
 */
export async function choosePrinciple(facilitator: Participant, voter: Participant, principle: string): Promise<void> {
  await startRound(facilitator, 1)
  await voter.showTab('Stemmen')
  await votingSection(voter, 'Stemmen')
    .getByRole('button', { name: `Stem: ${principle}` })
    .click()
  await votingSection(voter, 'Stemmen').getByText('Je stemmen zijn op').waitFor()
  await votingSection(facilitator, 'Stemmen').getByRole('button', { name: 'Onthullen' }).click()
  await votingSection(facilitator, 'Stemmen').getByRole('button', { name: 'Dit principe kiezen' }).click()
  await votingSection(facilitator, 'Stemmen').getByText(`Gekozen principe: ${principle}`).waitFor()
}
