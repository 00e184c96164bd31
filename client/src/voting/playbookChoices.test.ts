import { describe, expect, it } from 'vitest'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import {
  defaultQuestionSelection,
  playsOfQuestions,
  topQuestionCount,
  withChosenPrinciple,
  withSelectedPlays,
} from './playbookChoices.ts'

const [first, second] = oecdTemplate.principles
if (!first || !second) throw new Error('the OECD template has principles')
const q = (index: number) => {
  const question = second.assessmentQuestions[index]
  if (!question) throw new Error(`question ${index}`)
  return question
}

describe("the facilitator's choices for the journey", () => {
  it('choosing a principle changes the current pass only, and drops plays of another principle', () => {
    const firstPlay = first.plays[0]?.id ?? ''
    const secondPlay = second.plays[0]?.id ?? ''
    const earlier = { principleIds: ['x'], playIds: ['y'] }
    const rounds = withChosenPrinciple(
      oecdTemplate,
      [earlier, { principleIds: [first.id], playIds: [firstPlay, secondPlay] }],
      second.id,
    )
    expect(rounds).toEqual([earlier, { principleIds: [second.id], playIds: [secondPlay] }])
  })

  it('selecting plays keeps the principle, each play once', () => {
    expect(withSelectedPlays([{ principleIds: ['p'], playIds: [] }], ['a', 'b', 'a'])).toEqual([
      { principleIds: ['p'], playIds: ['a', 'b'] },
    ])
  })

  it('the questions lead to their plays in their order', () => {
    expect(playsOfQuestions(oecdTemplate, [q(2).id, q(0).id, 'no-such-question'])).toEqual([q(2).playId, q(0).playId])
  })

  it('the top questions (the template says 3) with their ties are ticked by default', () => {
    expect(topQuestionCount(oecdTemplate)).toBe(3)
    const tallies = [q(0), q(1), q(2), q(3)].map((question, i) => ({
      cardId: question.id,
      votes: [5, 3, 2, 2][i] ?? 0,
      voters: 1,
    }))
    expect(defaultQuestionSelection(oecdTemplate, tallies)).toEqual([q(0).id, q(1).id, q(2).id, q(3).id])
  })
})
