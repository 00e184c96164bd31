import { challengeQuestionId, type Stage } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import {
  cardsOfRound,
  selectedActionIds,
  stageVoteCards,
  stickiesInFrame,
  templateVoteCards,
  type BoardSticky,
} from './voteCards.ts'

const stage = (id: string): Stage => {
  const found = oecdTemplate.agenda.find((s) => s.id === id)
  if (!found) throw new Error(`no stage ${id}`)
  return found
}
const sticky = (id: string, x: number, y: number, text = id): BoardSticky => ({
  id: `shape:${id}`,
  bounds: { x, y, w: 200, h: 200 },
  text,
})
const [first, second] = oecdTemplate.principles
if (!first || !second) throw new Error('the OECD template has principles')

describe('the cards a stage puts to the vote', () => {
  it('at Startpunt: every principle and its challenge questions, then the stickies given', () => {
    const cards = stageVoteCards(oecdTemplate, stage('startpunt'), { principleIds: [], playIds: [] }, [
      sticky('a', 0, 0, 'Onze eigen uitdaging'),
    ])
    expect(cards[0]).toMatchObject({ cardId: first.id, kind: 'principle', text: `1. ${first.title}` })
    expect(cards[1]).toMatchObject({
      cardId: challengeQuestionId(first.id, 0),
      kind: 'challenge-question',
      text: first.challengeQuestions[0],
    })
    expect(cards.filter((c) => c.kind === 'principle')).toHaveLength(oecdTemplate.principles.length)
    expect(cards.at(-1)).toEqual({ cardId: 'shape:a', kind: 'sticky', text: 'Onze eigen uitdaging' })
  })

  it("at Kaderen: the chosen principle's assessment questions only; every principle's before a choice", () => {
    const chosen = stageVoteCards(oecdTemplate, stage('kaderen'), { principleIds: [second.id], playIds: [] }, [])
    expect(chosen.map((c) => c.cardId)).toEqual(second.assessmentQuestions.map((q) => q.id))
    const unchosen = stageVoteCards(oecdTemplate, stage('kaderen'), { principleIds: [], playIds: [] }, [])
    expect(unchosen).toHaveLength(oecdTemplate.principles.flatMap((p) => p.assessmentQuestions).length)
  })

  it('at Verbeteren: the actions of the selected plays; elsewhere the stickies only', () => {
    const play = second.plays[0]
    if (!play) throw new Error('a play')
    const round = { principleIds: [second.id], playIds: [play.id] }
    expect(stageVoteCards(oecdTemplate, stage('verbeteren'), round, []).map((c) => c.cardId)).toEqual(
      play.actions.map((a) => a.id),
    )
    expect(selectedActionIds(oecdTemplate, round)).toEqual(play.actions.map((a) => a.id))
    expect(stageVoteCards(oecdTemplate, stage('welkom'), round, [sticky('b', 0, 0)]).map((c) => c.cardId)).toEqual([
      'shape:b',
    ])
  })
})

describe('stickies and texts', () => {
  it('a sticky belongs to the frame its centre lies in', () => {
    const frame = { x: 1000, y: 0, w: 1000, h: 800 }
    const inside = stickiesInFrame([sticky('in', 1700, 500), sticky('edge', 900, 0), sticky('out', 1950, 700)], frame)
    expect(inside.map((s) => s.id)).toEqual(['shape:in', 'shape:edge'])
  })

  it("a round's cards read from the template and the board; a deleted sticky says so", () => {
    const cards = cardsOfRound(
      [first.id, 'shape:gone', 'shape:here', 'not-in-template'],
      oecdTemplate,
      [sticky('here', 0, 0, '  Tekst ')],
      '(weg)',
    )
    expect(cards.map((c) => [c.kind, c.text])).toEqual([
      ['principle', `1. ${first.title}`],
      ['sticky', '(weg)'],
      ['sticky', 'Tekst'],
      ['unknown', '(weg)'],
    ])
    expect(templateVoteCards(oecdTemplate).get(challengeQuestionId(second.id, 1))?.text).toBe(
      second.challengeQuestions[1],
    )
  })
})
