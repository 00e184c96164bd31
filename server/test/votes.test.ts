import { getTemplate } from '@werkplaats/playbook-data'
import {
  readBoardRecords,
  readControlSession,
  readMarkCounts,
  readPublicVoteRounds,
  voteRoundViewSchema,
} from '@werkplaats/shared'
import { describe, expect, it } from 'vitest'
import { callApi } from './support/api.ts'
import { connectProvider, eventually, whenSynced } from './support/clients.ts'
import { recordRoom } from './support/recorder.ts'
import { createSession, type TestSession } from './support/sessions.ts'
import { useServerProcess } from './support/useServer.ts'

const oecd = getTemplate('oecd-innovatie-playbook')
if (!oecd) throw new Error('the OECD template is missing')
const principle = oecd.principles[0]!
const questions = principle.assessmentQuestions.map((q) => q.id)
const action = principle.plays[0]!.actions[0]!.id

describe('vote rounds through the server', () => {
  // 50 concurrent votes of one participant test the budget, not the rate limit (test/rateLimits.test.ts does).
  const server = useServerProcess({ VOTE_BURST_PER_PERSON: '1000' })

  const api = (path: string, token: string | undefined, method = 'GET', body?: unknown) =>
    callApi(server.url, path, token, method, body)

  async function openRound(session: TestSession, settings: Record<string, unknown> = {}) {
    const created = await api(`/api/sessions/${session.id}/rounds`, session.facilitatorToken, 'POST', {
      stageId: 'kaderen',
      cardIds: questions,
      votesPerParticipant: 3,
      maxVotesPerCard: 1,
      ...settings,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return String(created.body.roundId)
  }

  const stageOf = (kind: string) => oecd.agenda.find((stage) => stage.kind === kind)?.id ?? ''

  it('refuses each wrong request with its status and a JSON error', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const other = await createSession(server.url, 'oecd-innovatie-playbook')
    const anna = await session.join('Anna')
    const rounds = `/api/sessions/${session.id}/rounds`
    const body = { stageId: stageOf('assess'), cardIds: questions, votesPerParticipant: 2, maxVotesPerCard: 1 }
    expect((await api(rounds, anna.token, 'POST', body)).status).toBe(403)
    expect((await api(rounds, session.observerToken, 'POST', body)).status).toBe(403)
    expect((await api(rounds, undefined, 'POST', body)).status).toBe(401)
    expect((await api(rounds, other.facilitatorToken, 'POST', body)).status).toBe(403)
    const unknownCard = await api(rounds, session.facilitatorToken, 'POST', {
      ...body,
      cardIds: ['bestaat-niet', 'shape:nergens'],
    })
    expect(unknownCard).toEqual({ status: 422, body: { error: 'unknown card ids: bestaat-niet, shape:nergens' } })
    expect((await api(rounds, session.facilitatorToken, 'POST', { ...body, stageId: 'geen-fase' })).status).toBe(422)
    expect((await api(rounds, session.facilitatorToken, 'POST', { ...body, votesPerParticipant: 100 })).status).toBe(
      400,
    )
    expect((await api(rounds, session.facilitatorToken, 'POST', { ...body, cardIds: [] })).status).toBe(400)

    const roundId = await openRound(session, { stageId: stageOf('assess'), votesPerParticipant: 2 })
    const votes = `${rounds}/${roundId}/votes`
    expect((await api(votes, session.facilitatorToken, 'POST', { cardId: questions[0] })).status).toBe(403)
    expect((await api(votes, session.observerToken, 'POST', { cardId: questions[0] })).status).toBe(403)
    expect((await api(votes, 'onbekend-onbekend-onbekend', 'POST', { cardId: questions[0] })).status).toBe(401)
    expect((await api(votes, anna.token, 'POST', { cardId: action })).status).toBe(422)
    expect((await api(votes, anna.token, 'POST', { cardId: questions[0] })).status).toBe(201)
    expect(await api(votes, anna.token, 'POST', { cardId: questions[0] })).toEqual({
      status: 409,
      body: { error: 'the most votes one participant may give this card are given' },
    })
    const second = await api(votes, anna.token, 'POST', { cardId: questions[1] })
    expect(second.status).toBe(201)
    expect(second.body).toMatchObject({ ownVotes: [questions[0], questions[1]], remainingVotes: 0 })
    expect(second.body.tallies).toBeUndefined()
    expect(await api(votes, anna.token, 'POST', { cardId: questions[2] })).toEqual({
      status: 409,
      body: { error: 'no votes left in this round' },
    })
    // Taking one back frees the budget.
    expect((await api(`${votes}/${questions[1]}`, anna.token, 'DELETE')).status).toBe(200)
    expect((await api(`${votes}/${questions[1]}`, anna.token, 'DELETE')).status).toBe(404)
    expect((await api(votes, anna.token, 'POST', { cardId: questions[2] })).status).toBe(201)
    expect((await api(`${rounds}/${roundId}/close`, anna.token, 'POST')).status).toBe(403)
    expect((await api(`${rounds}/${roundId}/close`, session.facilitatorToken, 'POST')).status).toBe(200)
    expect(await api(votes, anna.token, 'POST', { cardId: questions[3] })).toEqual({
      status: 409,
      body: { error: 'this vote round is not open' },
    })
    expect((await api(`${votes}/${questions[2]}`, anna.token, 'DELETE')).status).toBe(409)
    expect(
      (await api(`${rounds}/NietBestaandeRonde1234/votes`, anna.token, 'POST', { cardId: questions[0] })).status,
    ).toBe(404)
  })

  it('holds a budget of 3 against 50 concurrent votes from one participant', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const anna = await session.join('Anna')
    const roundId = await openRound(session, { maxVotesPerCard: 99 })
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api(`/api/sessions/${session.id}/rounds/${roundId}/votes`, anna.token, 'POST', {
          cardId: questions[i % questions.length],
        }).then((r) => r.status),
      ),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(47)
    const mine = voteRoundViewSchema.parse(
      (await api(`/api/sessions/${session.id}/rounds/${roundId}`, anna.token)).body,
    )
    expect(mine.ownVotes).toHaveLength(3)
    const facilitator = voteRoundViewSchema.parse(
      (await api(`/api/sessions/${session.id}/rounds/${roundId}`, session.facilitatorToken)).body,
    )
    expect(facilitator.tallies?.reduce((sum, t) => sum + t.votes, 0)).toBe(3)
  })

  it('shows tallies to the facilitator before reveal, to everyone after; the rooms carry only the voter count until then', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const [anna, bram, cor] = [await session.join('Anna'), await session.join('Bram'), await session.join('Cor')]
    const roundId = await openRound(session)
    const control = await recordRoom(server.wsUrl, session.control(cor.token))
    const vote = (token: string, cardId: string) =>
      api(`/api/sessions/${session.id}/rounds/${roundId}/votes`, token, 'POST', { cardId })
    await vote(anna.token, questions[1]!)
    await vote(anna.token, questions[2]!)
    await vote(bram.token, questions[1]!)
    await eventually(() => readPublicVoteRounds(control.doc())[0]?.voterCount === 2, 'the voter count reaches the room')
    expect(readPublicVoteRounds(control.doc())[0]?.tallies).toBeUndefined()
    const before = (path: string, token: string) => api(path, token).then((r) => voteRoundViewSchema.parse(r.body))
    const roundPath = `/api/sessions/${session.id}/rounds/${roundId}`
    expect((await before(roundPath, cor.token)).tallies).toBeUndefined()
    expect((await before(roundPath, session.observerToken)).tallies).toBeUndefined()
    expect((await before(roundPath, session.facilitatorToken)).tallies?.[0]).toEqual({
      cardId: questions[1],
      votes: 2,
      voters: 2,
    })
    expect((await before(roundPath, session.facilitatorToken)).ballots).toBeUndefined() // anonymous

    expect((await api(`${roundPath}/reveal`, session.facilitatorToken, 'POST')).status).toBe(200)
    const revealed = await before(roundPath, cor.token)
    expect(revealed.status).toBe('revealed')
    expect(revealed.tallies?.slice(0, 2)).toEqual([
      { cardId: questions[1], votes: 2, voters: 2 },
      { cardId: questions[2], votes: 1, voters: 1 },
    ])
    await eventually(() => readPublicVoteRounds(control.doc())[0]?.status === 'revealed', 'the reveal reaches the room')
    expect(readPublicVoteRounds(control.doc())[0]?.tallies).toEqual(revealed.tallies)
    // Nobody else is told who voted what, ever.
    expect(revealed.ballots).toBeUndefined()
    const bytes = Buffer.concat(control.frames).toString('latin1')
    expect(bytes).not.toContain('ballots')
    expect(bytes).not.toContain('ownVotes')
    control.close()
    const list = await api(`/api/sessions/${session.id}/rounds`, session.facilitatorToken)
    expect(list.status).toBe(200)
  })

  it('paces what a storm of votes sends to every screen, and ends with the right count', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const people = await Promise.all(Array.from({ length: 40 }, (_, i) => session.join(`Deelnemer ${i}`)))
    const roundId = await openRound(session, { votesPerParticipant: 2 })
    const control = await recordRoom(server.wsUrl, session.control(session.observerToken))
    await eventually(() => readPublicVoteRounds(control.doc()).length === 1, 'the round is shown')
    const before = control.frames.length
    // One after another, as a real round trickles in: each vote would otherwise be its own update.
    for (const person of people) {
      for (const i of [0, 1])
        await api(`/api/sessions/${session.id}/rounds/${roundId}/votes`, person.token, 'POST', { cardId: questions[i] })
    }
    await eventually(() => readPublicVoteRounds(control.doc())[0]?.voterCount === 40, 'every voter counted')
    // 80 votes from 40 people: far fewer updates than votes reach each screen.
    expect(control.frames.length - before).toBeLessThan(30)
    control.close()
  })

  it('shows the facilitator who voted what only in a round that is not anonymous', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const anna = await session.join('Anna')
    const roundId = await openRound(session, { anonymous: false })
    await api(`/api/sessions/${session.id}/rounds/${roundId}/votes`, anna.token, 'POST', { cardId: questions[0] })
    const path = `/api/sessions/${session.id}/rounds/${roundId}`
    expect(voteRoundViewSchema.parse((await api(path, session.facilitatorToken)).body).ballots).toEqual([
      { participantId: anna.participantId, cardIds: [questions[0]] },
    ])
    await api(`${path}/reveal`, session.facilitatorToken, 'POST')
    expect(voteRoundViewSchema.parse((await api(path, anna.token)).body).ballots).toBeUndefined()
    expect(voteRoundViewSchema.parse((await api(path, session.observerToken)).body).ballots).toBeUndefined()
  })

  it("never lets another participant's connection receive anything that depends on the card chosen before reveal", async () => {
    // Two sessions run the same script; only the card Anna picks differs. What Cor's connections to both rooms
    // receive must be the same apart from ids and times.
    async function run(cardId: string) {
      const session = await createSession(server.url, 'oecd-innovatie-playbook', 'Privacy')
      const anna = await session.join('Anna')
      const cor = await session.join('Cor')
      const rooms = [
        await recordRoom(server.wsUrl, session.control(cor.token)),
        await recordRoom(server.wsUrl, session.board(cor.token)),
      ]
      const roundId = await openRound(session)
      await eventually(() => readPublicVoteRounds(rooms[0]!.doc()).length === 1, 'round published')
      const vote = await api(`/api/sessions/${session.id}/rounds/${roundId}/votes`, anna.token, 'POST', { cardId })
      expect(vote.status).toBe(201)
      await eventually(() => readPublicVoteRounds(rooms[0]!.doc())[0]?.voterCount === 1, 'voter count published')
      // Markers after the vote, one in each of Cor's rooms: whatever the vote made the server send Cor came first.
      const retitled = await api(`/api/sessions/${session.id}`, session.facilitatorToken, 'PATCH', { title: 'Marker' })
      expect(retitled.status).toBe(200)
      const facilitator = connectProvider(server.wsUrl, session.board())
      await whenSynced(facilitator)
      facilitator.doc.getMap('records').set('shape:marker', { id: 'shape:marker', typeName: 'shape', type: 'note' })
      await eventually(
        () =>
          readControlSession(rooms[0]!.doc())?.title === 'Marker' &&
          readBoardRecords(rooms[1]!.doc()).has('shape:marker'),
        'the markers reach Cor',
      )
      facilitator.destroy()
      const normalise = (text: string) =>
        text
          .replaceAll(session.id, 'SESSION')
          .replaceAll(roundId, 'ROUND')
          .replaceAll(anna.participantId, 'ANNA')
          .replaceAll(cor.participantId, 'COR')
      const control = rooms[0]!.doc()
      const rounds = readPublicVoteRounds(control).map((round) => ({ ...round, createdAt: 0 }))
      const seen = {
        rounds: normalise(JSON.stringify(rounds)),
        boardFrames: rooms[1]!.frames.length,
        controlFrames: rooms[0]!.frames.length,
        containsCardCount: rooms.map((room) => Buffer.concat(room.frames).toString('latin1').split(cardId).length),
      }
      for (const room of rooms) room.close()
      return seen
    }
    const first = await run(questions[0]!)
    const second = await run(questions[3]!)
    expect(first.rounds).toBe(second.rounds)
    expect(first.containsCardCount).toEqual(second.containsCardCount)
    expect(first.rounds).toContain('"voterCount":1')
    expect(first.rounds).not.toContain('tallies')
  })

  it('marks actions ("Heb je dit al geprobeerd?"): one per participant, changeable, counts for everyone', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const [anna, bram] = [await session.join('Anna'), await session.join('Bram')]
    const control = await recordRoom(server.wsUrl, session.control(session.observerToken))
    const mark = (token: string, value: string | null, actionId = action) =>
      api(`/api/sessions/${session.id}/marks/${actionId}`, token, 'PUT', { mark: value })
    expect((await mark(anna.token, 'geprobeerd')).status).toBe(200)
    expect((await mark(bram.token, 'geprobeerd')).status).toBe(200)
    expect((await mark(anna.token, 'niet-relevant')).status).toBe(200)
    expect((await mark(anna.token, 'misschien')).status).toBe(400)
    expect((await mark(anna.token, 'geprobeerd', 'geen-actie')).status).toBe(422)
    expect((await mark(session.observerToken, 'geprobeerd')).status).toBe(403)
    const marks = await api(`/api/sessions/${session.id}/marks`, anna.token)
    expect(marks.body).toEqual({
      counts: { [action]: { geprobeerd: 1, 'willen-we-proberen': 0, 'niet-relevant': 1 } },
      own: { [action]: 'niet-relevant' },
    })
    await eventually(
      () => readMarkCounts(control.doc()).get(action)?.['niet-relevant'] === 1,
      'counts in the control room',
    )
    expect(readMarkCounts(control.doc()).get(action)).toEqual({
      geprobeerd: 1,
      'willen-we-proberen': 0,
      'niet-relevant': 1,
    })
    control.close()
  })

  it('keeps rounds, votes and marks across a SIGKILL right after the answer', async () => {
    const session = await createSession(server.url, 'oecd-innovatie-playbook')
    const anna = await session.join('Anna')
    const roundId = await openRound(session)
    const vote = await api(`/api/sessions/${session.id}/rounds/${roundId}/votes`, anna.token, 'POST', {
      cardId: questions[2],
    })
    expect(vote.status).toBe(201)
    expect(
      (await api(`/api/sessions/${session.id}/marks/${action}`, anna.token, 'PUT', { mark: 'willen-we-proberen' }))
        .status,
    ).toBe(200)
    await server.stop('SIGKILL')
    await server.start()
    const after = voteRoundViewSchema.parse(
      (await api(`/api/sessions/${session.id}/rounds/${roundId}`, anna.token)).body,
    )
    expect(after.ownVotes).toEqual([questions[2]])
    expect(after.voterCount).toBe(1)
    expect((await api(`/api/sessions/${session.id}/marks`, anna.token)).body.own).toEqual({
      [action]: 'willen-we-proberen',
    })
  })

  it('lets a round put stickies on the board to the vote', async () => {
    const session = await createSession(server.url, 'blank')
    const anna = await session.join('Anna')
    const { connectProvider, whenSynced } = await import('./support/clients.ts')
    const board = connectProvider(server.wsUrl, session.board(anna.token))
    await whenSynced(board)
    board.doc.getMap('records').set('shape:idee1', { id: 'shape:idee1', typeName: 'shape', type: 'note' })
    await eventually(async () => {
      const created = await api(`/api/sessions/${session.id}/rounds`, session.facilitatorToken, 'POST', {
        stageId: 'bord',
        cardIds: ['shape:idee1'],
        votesPerParticipant: 1,
        maxVotesPerCard: 1,
        results: 'live',
      })
      return created.status === 201
    }, 'the sticky reached the server')
    board.destroy()
  })
})
