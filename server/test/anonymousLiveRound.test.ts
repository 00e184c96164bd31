import { getTemplate } from '@werkplaats/playbook-data'
import { readControlSession, readPublicVoteRounds, voteRoundViewSchema } from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { callApi } from './support/api.ts'
import { eventually } from './support/clients.ts'
import { recordRoom, type RoomRecorder } from './support/recorder.ts'
import { createSession } from './support/sessions.ts'
import { useServer } from './support/useServer.ts'

const questions = getTemplate('oecd-innovatie-playbook')?.principles[0]?.assessmentQuestions.map((q) => q.id) ?? []

/** Sync frames (document updates), leaving out presence. */
const syncFrames = (recorder: RoomRecorder) => recorder.frames.filter((frame) => frame[0] === 0).length

// In-process, so the test can wait until the vote service has done whatever a vote makes it do (`settled`).
describe('an anonymous round with live results', () => {
  const server = useServer({ env: { LIVE_TALLY_MIN_VOTERS: '3' } })
  const url = () => server.url
  const wsUrl = () => server.wsUrl

  async function liveRound() {
    const session = await createSession(url(), 'oecd-innovatie-playbook')
    const [anna, bram, dirk, cor] = [
      await session.join('Anna'),
      await session.join('Bram'),
      await session.join('Dirk'),
      await session.join('Cor'),
    ]
    const created = await callApi(url(), `/api/sessions/${session.id}/rounds`, session.facilitatorToken, 'POST', {
      stageId: 'kaderen',
      cardIds: questions,
      votesPerParticipant: 2,
      maxVotesPerCard: 1,
      anonymous: true,
      results: 'live',
    })
    expect(created.status).toBe(201)
    const roundId = String(created.body.roundId)
    const cors = await recordRoom(wsUrl(), session.control(cor.token))
    await eventually(() => readPublicVoteRounds(cors.doc()).length === 1, 'Cor sees the round')
    const vote = async (token: string, cardId: string) => {
      expect(
        (await callApi(url(), `/api/sessions/${session.id}/rounds/${roundId}/votes`, token, 'POST', { cardId })).status,
      ).toBe(201)
      await server.votes.settled()
    }
    /** Something the server surely sends Cor after whatever the votes so far made it send: a new title. */
    const marker = async (title: string) => {
      expect(
        (await callApi(url(), `/api/sessions/${session.id}`, session.facilitatorToken, 'PATCH', { title })).status,
      ).toBe(200)
      await eventually(() => readControlSession(cors.doc())?.title === title, 'the marker reaches Cor')
    }
    const roundPath = `/api/sessions/${session.id}/rounds/${roundId}`
    return { session, roundId, roundPath, anna, bram, dirk, cor, cors, vote, marker }
  }

  it("sends a participant nothing after one other person's vote, and the tally once three have voted", async () => {
    const { anna, bram, dirk, cor, cors, vote, marker, roundPath } = await liveRound()
    const before = { rounds: readPublicVoteRounds(cors.doc()), frames: syncFrames(cors) }
    expect(before.rounds[0]?.tallies?.every((tally) => tally.votes === 0)).toBe(true)

    await vote(anna.token, questions[1]!)
    await marker('Na één stem')
    // The marker is the one thing that arrived: nothing Cor holds or receives changed with Anna's vote.
    expect(syncFrames(cors)).toBe(before.frames + 1)
    expect(readPublicVoteRounds(cors.doc())).toEqual(before.rounds)
    // Nor does asking the API tell him more.
    const asked = voteRoundViewSchema.parse((await callApi(server.url, roundPath, cor.token)).body)
    expect(asked.voterCount).toBe(0)
    expect(asked.tallies?.every((tally) => tally.votes === 0)).toBe(true)
    // Anna still sees her own vote.
    expect(voteRoundViewSchema.parse((await callApi(server.url, roundPath, anna.token)).body).ownVotes).toEqual([
      questions[1],
    ])

    await vote(bram.token, questions[1]!)
    await marker('Na twee stemmen')
    expect(readPublicVoteRounds(cors.doc())).toEqual(before.rounds)

    await vote(dirk.token, questions[2]!)
    await eventually(
      () => readPublicVoteRounds(cors.doc())[0]?.voterCount === 3,
      'the tally of three voters reaches Cor',
    )
    const shown = readPublicVoteRounds(cors.doc())[0]?.tallies ?? []
    expect(shown.slice(0, 2)).toEqual([
      { cardId: questions[1], votes: 2, voters: 2 },
      { cardId: questions[2], votes: 1, voters: 1 },
    ])
    cors.close()
  })

  it('counts a vote taken back as no change, and shows everything at once when the round closes', async () => {
    const { session, anna, bram, cors, vote, marker, roundId } = await liveRound()
    const before = readPublicVoteRounds(cors.doc())
    await vote(anna.token, questions[0]!)
    // Bram votes and takes it back: with Anna that is two people who acted, one whose vote changed.
    await vote(bram.token, questions[3]!)
    expect(
      (
        await callApi(
          url(),
          `/api/sessions/${session.id}/rounds/${roundId}/votes/${questions[3]}`,
          bram.token,
          'DELETE',
        )
      ).status,
    ).toBe(200)
    await server.votes.settled()
    await marker('Niets te zien')
    expect(readPublicVoteRounds(cors.doc())).toEqual(before)

    expect(
      (await callApi(url(), `/api/sessions/${session.id}/rounds/${roundId}/close`, session.facilitatorToken, 'POST'))
        .status,
    ).toBe(200)
    await eventually(() => readPublicVoteRounds(cors.doc())[0]?.status === 'closed', 'the close reaches Cor')
    expect(readPublicVoteRounds(cors.doc())[0]).toMatchObject({ voterCount: 1 })
    expect(readPublicVoteRounds(cors.doc())[0]?.tallies?.[0]).toEqual({ cardId: questions[0], votes: 1, voters: 1 })
    cors.close()
  })
})
