import { describe, expect, it } from 'vitest'
import type { Template } from '../template/template.ts'
import { challengeQuestionId, proposePrinciple, selectPlays, votableTemplateIds } from './playbookLogic.ts'
import { countMarks } from './marks.ts'

/** Just enough of a template for the rules: two principles, each with questions that lead to plays. */
function template(): Template {
  const principle = (id: string, number: number) => ({
    id,
    number,
    title: `Principe ${id}`,
    dimensions: [],
    challengeQuestions: ['Hoe kunnen we A?', 'Hoe kunnen we B?'],
    assessmentQuestions: [
      { id: `${id}-q1`, text: 'Vraag 1', playId: `${id}-play1` },
      { id: `${id}-q2`, text: 'Vraag 2', playId: `${id}-play2` },
      { id: `${id}-q3`, text: 'Vraag 3', playId: `${id}-play3` },
    ],
    plays: [1, 2, 3].map((n) => ({
      id: `${id}-play${n}`,
      title: `Play ${n}`,
      question: 'V',
      actions: [{ id: `${id}-play${n}-a1`, text: 'Doe iets' }],
    })),
  })
  return { principles: [principle('p1', 1), principle('p2', 2)] } as unknown as Template
}

const tally = (cardId: string, votes: number) => ({ cardId, votes, voters: votes })

describe('principle proposal', () => {
  it('counts votes on the stickies placed in a principle column toward that principle', () => {
    const stickyPrinciples = new Map([
      ['shape:a', 'p1'],
      ['shape:b', 'p1'],
    ])
    const tallies = [tally('p2', 2), tally('shape:a', 1), tally('shape:b', 2), tally('shape:elsewhere', 5)]
    expect(proposePrinciple(template(), tallies).principleIds).toEqual(['p2'])
    expect(proposePrinciple(template(), tallies, stickyPrinciples)).toEqual({
      principleIds: ['p1'],
      votes: [
        { principleId: 'p1', votes: 3 },
        { principleId: 'p2', votes: 2 },
      ],
    })
  })

  it('counts votes on a principle and on its challenge questions for that principle', () => {
    const proposal = proposePrinciple(template(), [
      tally('p1', 1),
      tally(challengeQuestionId('p2', 0), 2),
      tally(challengeQuestionId('p1', 1), 0),
    ])
    expect(proposal).toEqual({
      principleIds: ['p2'],
      votes: [
        { principleId: 'p1', votes: 1 },
        { principleId: 'p2', votes: 2 },
      ],
    })
  })
  it('shows ties, and proposes nothing without votes', () => {
    expect(proposePrinciple(template(), [tally('p1', 2), tally(challengeQuestionId('p2', 1), 2)]).principleIds).toEqual(
      ['p1', 'p2'],
    )
    expect(proposePrinciple(template(), []).principleIds).toEqual([])
  })
})

describe('question ranking to plays', () => {
  it('takes the plays of the top questions, most votes first', () => {
    expect(selectPlays(template(), [tally('p1-q2', 5), tally('p1-q1', 1), tally('p1-q3', 3)], 2)).toEqual({
      questionIds: ['p1-q2', 'p1-q3'],
      playIds: ['p1-play2', 'p1-play3'],
    })
  })
  it('includes ties at the last place, defaults to three, ignores cards that are not questions', () => {
    const selection = selectPlays(
      template(),
      [tally('p1-q1', 4), tally('p1-q2', 2), tally('p1-q3', 2), tally('p2-q1', 2), tally('shape:x', 9)],
      2,
    )
    expect(selection.questionIds).toEqual(['p1-q1', 'p1-q2', 'p1-q3', 'p2-q1'])
    expect(
      selectPlays(template(), [tally('p1-q1', 4), tally('p1-q2', 3), tally('p1-q3', 2), tally('p2-q1', 1)]).questionIds,
    ).toHaveLength(3)
  })
})

describe('votable ids and marks', () => {
  it('lists principles, challenge questions, assessment questions and actions', () => {
    const ids = votableTemplateIds(template())
    for (const id of ['p1', 'p1-challenge-2', 'p2-q3', 'p2-play1-a1']) expect(ids.has(id), id).toBe(true)
    expect(ids.has('p1-play1')).toBe(false)
  })
  it('counts marks per action', () => {
    const counts = countMarks([
      { actionId: 'a', mark: 'geprobeerd' },
      { actionId: 'a', mark: 'geprobeerd' },
      { actionId: 'a', mark: 'niet-relevant' },
      { actionId: 'b', mark: 'willen-we-proberen' },
    ])
    expect(counts.get('a')).toEqual({ geprobeerd: 2, 'willen-we-proberen': 0, 'niet-relevant': 1 })
    expect(counts.get('b')).toEqual({ geprobeerd: 0, 'willen-we-proberen': 1, 'niet-relevant': 0 })
  })
})
