import { challengeQuestionId, type Stage } from '@werkplaats/shared'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nidoTemplate, oecdTemplate } from '../board/templateLayer/fixtures.ts'
import {
  cardsOfRound,
  principlesInScope,
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

describe('the principles an assess stage asks about', () => {
  const assessOf = (template: typeof oecdTemplate): Stage => {
    const found = template.agenda.find((s) => s.kind === 'assess')
    if (!found) throw new Error(`${template.id} has an assess stage`)
    return found
  }
  const all = (template: typeof oecdTemplate) => template.principles.map((p) => p.id)

  it('are the chosen ones, in template order, when the stage asks about the chosen principle', () => {
    const kaderen = assessOf(oecdTemplate)
    expect(kaderen).toMatchObject({ scope: 'chosen-principle' })
    expect(principlesInScope(oecdTemplate, kaderen, { principleIds: [second.id, first.id], playIds: [] })).toEqual([
      first.id,
      second.id,
    ])
  })

  it('are all of them before a choice, or when the choice names no principle of the template', () => {
    const kaderen = assessOf(oecdTemplate)
    expect(principlesInScope(oecdTemplate, kaderen, { principleIds: [], playIds: [] })).toEqual(all(oecdTemplate))
    expect(principlesInScope(oecdTemplate, kaderen, { principleIds: ['elders'], playIds: [] })).toEqual(
      all(oecdTemplate),
    )
  })

  it('are all of them, whatever was chosen, at a stage that asks about every principle', () => {
    const stage = assessOf(nidoTemplate)
    expect(stage).toMatchObject({ scope: 'all-principles' })
    const [one] = nidoTemplate.principles
    expect(principlesInScope(nidoTemplate, stage, { principleIds: [one?.id ?? ''], playIds: [] })).toEqual(
      all(nidoTemplate),
    )
  })
})

describe("every template's vote cards", () => {
  it('have ids of their own, a principle of the template, and something to read', () => {
    for (const template of [oecdTemplate, nidoTemplate]) {
      const cards = [...templateVoteCards(template).values()]
      const counted = template.principles.reduce(
        (sum, p) =>
          sum +
          1 +
          p.challengeQuestions.length +
          p.assessmentQuestions.length +
          p.plays.reduce((actions, play) => actions + play.actions.length, 0),
        0,
      )
      expect(cards, template.id).toHaveLength(counted)
      const principles = new Set(all(template))
      for (const card of cards) {
        expect(principles.has(card.principleId ?? ''), card.cardId).toBe(true)
        expect(card.text.trim(), card.cardId).not.toBe('')
      }
    }
    function all(template: typeof oecdTemplate) {
      return template.principles.map((p) => p.id)
    }
  })
})

describe('a sticky in a frame, anywhere on the board', () => {
  const rect = fc.record({
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -5000, max: 5000 }),
    w: fc.integer({ min: 1, max: 3000 }),
    h: fc.integer({ min: 1, max: 3000 }),
  })

  /** A sticky of any size whose centre is at (cx, cy). */
  const centredAt = (id: string, cx: number, cy: number, size: number): BoardSticky => ({
    id,
    bounds: { x: cx - size / 2, y: cy - size / 2, w: size, h: size },
    text: '',
  })

  // Centres a little inside the edges: a centre exactly on an edge counts too, but the float sum may land a hair off.
  it('is in when its centre lies in the frame, however far the sticky sticks out', () => {
    fc.assert(
      fc.property(
        rect,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.nat(5000),
        (frame, u, v, size) => {
          const sticky = centredAt('shape:in', frame.x + u * frame.w, frame.y + v * frame.h, size)
          expect(stickiesInFrame([sticky], frame)).toEqual([sticky])
        },
      ),
    )
  })

  it('is out when its centre lies beyond any edge, however much of it overlaps', () => {
    const side = fc.constantFrom('left', 'right', 'above', 'below')
    fc.assert(
      fc.property(rect, side, fc.integer({ min: 1, max: 500 }), fc.nat(5000), (frame, where, beyond, size) => {
        const [cx, cy] = {
          left: [frame.x - beyond, frame.y],
          right: [frame.x + frame.w + beyond, frame.y],
          above: [frame.x, frame.y - beyond],
          below: [frame.x, frame.y + frame.h + beyond],
        }[where]
        expect(stickiesInFrame([centredAt('shape:out', cx ?? 0, cy ?? 0, size)], frame)).toEqual([])
      }),
    )
  })
})
