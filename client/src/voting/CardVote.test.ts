import type { PublicVoteRound, VoteRoundView } from '@werkplaats/shared'
import { writeFacilitationField, writePublicVoteRound } from '@werkplaats/shared'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ControlRoom } from '../session/controlRoom.ts'
import { CardVote, CardVoteContext } from './CardVote.tsx'
import { VotingSession } from './votingSession.ts'
import { publicVoteRound, voteApiAnswering } from './votingFixtures.ts'

const round = publicVoteRound({ cardIds: ['vraag-1'], settings: { votesPerParticipant: 3 } })

function sessionWith(role: 'participant' | 'observer', published: PublicVoteRound | null): VotingSession {
  const doc = new Y.Doc()
  writeFacilitationField(doc, 'stageId', 'kaderen')
  if (published) writePublicVoteRound(doc, published)
  return new VotingSession({
    control: new ControlRoom({ doc, role, templateId: 'oecd-innovatie-playbook' }),
    api: voteApiAnswering({ round: () => new Promise<VoteRoundView>(() => undefined) }),
  })
}

function render(session: VotingSession | null, cardId = 'vraag-1', pass?: number): string {
  const card = createElement(CardVote, {
    cardId,
    label: 'We moeten dit verbeteren!',
    text: 'Steunen leiders innovatie?',
    pass,
  })
  return renderToStaticMarkup(session ? createElement(CardVoteContext.Provider, { value: session }, card) : card)
}

describe('the vote place on a card', () => {
  it('is an inactive label with a hint, outside a round or without the voting session', () => {
    const html = render(null)
    expect(html).toContain('data-card-vote-state="inactive"')
    expect(html).toContain('Stemmen kan zodra de stemronde start')
    expect(html).not.toContain('<button')
    expect(render(sessionWith('participant', null))).not.toContain('<button')
    expect(render(sessionWith('participant', round), 'not-in-round')).not.toContain('<button')
  })

  it("is a participant's button while the card is in an open round", () => {
    const html = render(sessionWith('participant', round))
    expect(html).toContain('aria-label="We moeten dit verbeteren!: Steunen leiders innovatie?"')
    expect(render(sessionWith('observer', round))).not.toContain('<button')
  })

  it("shows nothing of a round on another pass's card", () => {
    expect(render(sessionWith('participant', round), 'vraag-1', 0)).toContain('<button')
    const later = render(sessionWith('participant', round), 'vraag-1', 1)
    expect(later).not.toContain('<button')
    expect(later).toContain('data-card-vote-state="inactive"')
  })

  it('carries the tally once revealed, marked when it is among the winners', () => {
    const html = render(
      sessionWith('participant', {
        ...round,
        status: 'revealed',
        voterCount: 4,
        tallies: [{ cardId: 'vraag-1', votes: 4, voters: 4 }],
      }),
    )
    expect(html).toContain('4 stemmen')
    expect(html).toContain('wp-voting__tally--winner')
    expect(html).not.toContain('<button')
  })
})
