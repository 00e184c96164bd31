import { describe, expect, it } from 'vitest'
import { passOfVoteRound } from './roundPass.ts'

const history = [
  { stageId: 'welkom', round: 0, at: 1000 },
  { stageId: 'start', round: 0, at: 2000 },
  { stageId: 'slot', round: 0, at: 3000 },
  { stageId: 'start', round: 1, at: 4000 },
]

describe('the pass of a vote round', () => {
  it('is the pass of the last stage visit before the round was created', () => {
    expect(passOfVoteRound(2500, history)).toBe(0)
    expect(passOfVoteRound(4000, history)).toBe(1)
    expect(passOfVoteRound(9000, history)).toBe(1)
  })

  it('is the first pass before any visit, or without a history', () => {
    expect(passOfVoteRound(500, history)).toBe(0)
    expect(passOfVoteRound(500, [])).toBe(0)
  })
})
