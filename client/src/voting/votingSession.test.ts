import {
  writeFacilitationField,
  writeMarkCounts,
  writePublicVoteRound,
  type Role,
  type VoteRoundView,
} from '@werkplaats/shared'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { oecdTemplate } from '../board/templateLayer/fixtures.ts'
import { ControlRoom } from '../session/controlRoom.ts'
import { ApiError } from '../api/apiClient.ts'
import type { VoteApi } from '../api/voteApi.ts'
import { VotingSession } from './votingSession.ts'
import { publicVoteRound, voteApiAnswering } from './votingFixtures.ts'

const publicRound = publicVoteRound()

function answer(ownVotes: string[], changes: Partial<VoteRoundView> = {}): VoteRoundView {
  return { ...publicRound, ownVotes, remainingVotes: 2 - ownVotes.length, ...changes }
}

function fakeApi(overrides: Partial<VoteApi> = {}): VoteApi {
  return voteApiAnswering({
    round: vi.fn(async () => answer([])),
    marks: vi.fn(async () => ({ counts: {}, own: {} })),
    ...overrides,
  })
}

/** One turn of the event loop: the session's answered requests resolve their promise chains before the next check. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** The control room as a screen in `role` reads it, over a document the test writes as the server would. */
function controlRoom(doc: Y.Doc, role: Role): ControlRoom {
  return new ControlRoom({ doc, role, templateId: 'oecd-innovatie-playbook' })
}

function controlDoc(): Y.Doc {
  const doc = new Y.Doc()
  writeFacilitationField(doc, 'stageId', 'kaderen')
  return doc
}

describe('a participant in a vote round', () => {
  it("sees the room's round with their own votes from the server, asked once per round", async () => {
    const doc = controlDoc()
    const api = fakeApi({ round: vi.fn(async () => answer(['a'])) })
    const session = new VotingSession({ api, control: controlRoom(doc, 'participant') })
    expect(session.current.get()).toBeNull()
    writePublicVoteRound(doc, publicRound)
    await settle()
    expect(session.current.get()).toMatchObject({ roundId: 'r1', ownVotes: ['a'], remainingVotes: 1 })
    writePublicVoteRound(doc, { ...publicRound, voterCount: 3 })
    await settle()
    expect(session.current.get()?.voterCount).toBe(3)
    expect(api.round).toHaveBeenCalledTimes(1)
    session.dispose()
  })

  it("votes one at a time, each answer's own votes and budget shown; takes a vote back", async () => {
    const doc = controlDoc()
    writePublicVoteRound(doc, publicRound)
    const order: string[] = []
    const api = fakeApi({
      vote: vi.fn(async (_roundId: string, cardId: string) => {
        order.push(`start ${cardId}`)
        await settle()
        order.push(`end ${cardId}`)
        return answer(cardId === 'a' ? ['a'] : ['a', 'b'])
      }),
      withdraw: vi.fn(async () => answer(['b'])),
    })
    const session = new VotingSession({ api, control: controlRoom(doc, 'participant') })
    await Promise.all([session.vote('a'), session.vote('b')])
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b'])
    expect(session.current.get()).toMatchObject({ ownVotes: ['a', 'b'], remainingVotes: 0 })
    await session.takeBack('a')
    expect(session.current.get()).toMatchObject({ ownVotes: ['b'], remainingVotes: 1 })
    session.dispose()
  })

  it("a refused vote is said, and the server's view of the round is taken again", async () => {
    const doc = controlDoc()
    writePublicVoteRound(doc, publicRound)
    const round = vi.fn(async () => answer([]))
    const api = fakeApi({
      round,
      vote: vi.fn(async () => Promise.reject(new ApiError(409, 'no votes left in this round'))),
    })
    const session = new VotingSession({ api, control: controlRoom(doc, 'participant') })
    await settle()
    round.mockResolvedValueOnce(answer(['a', 'b']))
    await session.vote('a')
    await settle()
    expect(session.problem.get()).toBe('refused')
    expect(session.current.get()?.ownVotes).toEqual(['a', 'b'])
    session.dispose()
  })

  it('marks an action at once, and goes back to the earlier mark when the server refuses', async () => {
    const doc = controlDoc()
    const mark = vi.fn(
      async (actionId: string, value: 'geprobeerd' | 'willen-we-proberen' | 'niet-relevant' | null) => ({
        actionId,
        mark: value,
      }),
    )
    const api = fakeApi({ mark, marks: vi.fn(async () => ({ counts: {}, own: { x: 'geprobeerd' as const } })) })
    const session = new VotingSession({ api, control: controlRoom(doc, 'participant') })
    await settle()
    expect(session.ownMarks.get()).toEqual({ x: 'geprobeerd' })
    const pending = session.mark('x', 'niet-relevant')
    expect(session.ownMarks.get()).toEqual({ x: 'niet-relevant' })
    await pending
    mark.mockRejectedValueOnce(new ApiError(0, 'offline'))
    expect(await session.mark('x', null)).toBe(false)
    expect(session.ownMarks.get()).toEqual({ x: 'niet-relevant' })
    expect(session.problem.get()).toBe('unreachable')
    writeMarkCounts(doc, 'x', { geprobeerd: 2, 'willen-we-proberen': 1, 'niet-relevant': 0 })
    expect(session.markCounts.get().get('x')?.geprobeerd).toBe(2)
    session.dispose()
  })
})

describe('the facilitator', () => {
  it('sees live tallies from the server, asked again when the voter count moves', async () => {
    const doc = controlDoc()
    const round = vi.fn(async () => answer([], { voterCount: 1, tallies: [{ cardId: 'a', votes: 1, voters: 1 }] }))
    const session = new VotingSession({ api: fakeApi({ round }), control: controlRoom(doc, 'facilitator') })
    writePublicVoteRound(doc, { ...publicRound, voterCount: 1 })
    await settle()
    expect(session.current.get()?.tallies).toEqual([{ cardId: 'a', votes: 1, voters: 1 }])
    writePublicVoteRound(doc, { ...publicRound, voterCount: 2 })
    await settle()
    expect(round).toHaveBeenCalledTimes(2)
    session.dispose()
  })

  it('chooses the principle and the plays for the current pass of the journey', () => {
    const doc = controlDoc()
    const session = new VotingSession({ api: fakeApi(), control: controlRoom(doc, 'facilitator') })
    const principle = oecdTemplate.principles[1]
    if (!principle) throw new Error('a principle')
    session.choosePrinciple(oecdTemplate, principle.id)
    session.choosePlays([principle.plays[0]?.id ?? ''])
    expect(session.facilitation.get().rounds).toEqual([
      { principleIds: [principle.id], playIds: [principle.plays[0]?.id] },
    ])
    session.dispose()
  })

  it('is the only one whose screen writes the journey', () => {
    const session = new VotingSession({ api: fakeApi(), control: controlRoom(controlDoc(), 'participant') })
    expect(() => session.choosePlays(['x'])).toThrow()
    session.dispose()
  })
})

describe('a voting session over the control room', () => {
  it('asks for the own view of the round on the stage the facilitator opens', async () => {
    const doc = controlDoc()
    writePublicVoteRound(doc, publicRound)
    writePublicVoteRound(doc, { ...publicRound, roundId: 'r-start', stageId: 'startpunt', createdAt: 2 })
    const round = vi.fn(async (roundId: string) => answer([], { roundId }))
    const session = new VotingSession({ api: fakeApi({ round }), control: controlRoom(doc, 'participant') })
    await settle()
    expect(round.mock.calls).toEqual([['r1']])
    expect(session.current.get()?.roundId).toBe('r1')

    writeFacilitationField(doc, 'stageId', 'startpunt')
    await settle()
    expect(round.mock.calls).toEqual([['r1'], ['r-start']])
    expect(session.current.get()?.roundId).toBe('r-start')
    session.dispose()
  })

  it('asks nothing for an observer, who has no votes of their own', async () => {
    const doc = controlDoc()
    const api = fakeApi()
    const session = new VotingSession({ api, control: controlRoom(doc, 'observer') })
    writePublicVoteRound(doc, publicRound)
    await settle()
    expect(api.round).not.toHaveBeenCalled()
    expect(api.marks).not.toHaveBeenCalled()
    expect(session.current.get()?.roundId).toBe('r1')
    session.dispose()
  })

  it('stops asking once disposed', async () => {
    const doc = controlDoc()
    const api = fakeApi()
    const session = new VotingSession({ api, control: controlRoom(doc, 'participant') })
    session.dispose()
    writePublicVoteRound(doc, publicRound)
    await settle()
    expect(api.round).not.toHaveBeenCalled()
  })

  it("reads the rounds, the team's marks and the layout from the control room", () => {
    const doc = controlDoc()
    const control = controlRoom(doc, 'participant')
    const session = new VotingSession({ api: fakeApi(), control })
    writePublicVoteRound(doc, publicRound)
    writeMarkCounts(doc, 'actie-1', { geprobeerd: 1, 'willen-we-proberen': 0, 'niet-relevant': 0 })
    expect(session.rounds.get()).toBe(control.voteRounds.get())
    expect(session.markCounts.get().get('actie-1')?.geprobeerd).toBe(1)
    expect(session.layout).toBe(control.layout)
    session.dispose()
  })
})

describe('voting while offline', () => {
  it('sends no vote, take-back or mark, says why, and votes again once the connection is back', async () => {
    const doc = controlDoc()
    const vote = vi.fn(async () => answer(['a']))
    const mark = vi.fn(async () => ({ actionId: 'x', mark: 'geprobeerd' as const }))
    const session = new VotingSession({ api: fakeApi({ vote, mark }), control: controlRoom(doc, 'participant') })
    writePublicVoteRound(doc, publicRound)
    await settle()

    session.offline.set(true)
    await session.vote('a')
    await session.takeBack('a')
    expect(await session.mark('x', 'geprobeerd')).toBe(false)
    expect(vote).not.toHaveBeenCalled()
    expect(mark).not.toHaveBeenCalled()
    expect(session.problem.get()).toBe('offline')
    expect(session.ownMarks.get()).toEqual({})

    session.offline.set(false)
    await session.vote('a')
    expect(vote).toHaveBeenCalledTimes(1)
    expect(session.problem.get()).toBeNull()
    session.dispose()
  })
})
