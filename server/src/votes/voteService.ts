import {
  type ActionMark,
  ballotsByVoter,
  boardRecords,
  DEFAULT_LIVE_TALLY_MIN_VOTERS,
  holdsLiveTallies,
  checkVote,
  countMarks,
  countVoters,
  emptyMarkCounts,
  maySeeBallots,
  maySeeTallies,
  type PublicVoteRound,
  readPublicVoteRounds,
  sessionRoomName,
  tallyVotes,
  type Template,
  type VoteRefusal,
  type VoteRoundView,
  votableTemplateIds,
  votersChanged,
  writeMarkCounts,
  writePublicVoteRound,
} from '@werkplaats/shared'
import type { createVoteRoundRequestSchema } from '@werkplaats/shared'
import type { z } from 'zod'
import { ConflictError, ForbiddenError, NotFoundError, UnavailableError, UnprocessableError } from '../domainErrors.ts'
import { type RoomManager, RoomGoneError } from '../rooms/roomManager.ts'
import { newId } from '../sessions/secrets.ts'
import { type Grant, requireOpen } from '../sessions/sessionService.ts'
import type { SessionRecord, SessionRepository } from '../store/sessionRepository.ts'
import type { VoteRepository, VoteRoundRecord } from '../store/voteRepository.ts'
import { PacedWrites } from './pacedWrites.ts'
import { log } from '../observability/log.ts'

/** The stage id of a blank board, which has no agenda: its one stage is the board itself. */
export const BLANK_BOARD_STAGE_ID = 'bord'

const refusals: Record<VoteRefusal, () => Error> = {
  'round-not-open': () => new ConflictError('this vote round is not open'),
  'card-not-in-round': () => new UnprocessableError('this card is not part of the vote round'),
  'budget-spent': () => new ConflictError('no votes left in this round'),
  'card-cap-reached': () => new ConflictError('the most votes one participant may give this card are given'),
}

/**
 * An open round nobody has voted in for this long is forgotten by the service (not the store): what it kept only
 * saves a repeated write or holds back a live tally, and an abandoned session must not keep it for good.
 */
const IDLE_ROUND_MS = 10 * 60_000

/**
 * What the service keeps of one round between publishes. Dropped once the round is no longer open (closed and
 * revealed rounds are written at once, unpaced), when its session is deleted, or when it has been idle for
 * `IDLE_ROUND_MS`; each of these is only an optimisation or errs on the side of publishing less.
 */
interface RoundState {
  sessionId: string
  /** What the control room shows of the round, as last written, so an unchanged state is not written again. */
  shown: string | undefined
  /** `performance.now()` of the last write, for pacing. */
  lastWrite: number
  lastUsed: number
  /**
   * An anonymous live round's votes per voter as last published (`ballotsByVoter`), to count who changed since.
   * Unknown (a restart, an idle round) means "as they are now": the next step then waits for enough new changes.
   */
  publishedBallots: Map<string, string> | undefined
}

/** One round's writer: `done` resolves once it has stopped, with the error that stopped it, if one did. */
interface Publisher {
  again: boolean
  wake: () => void
  done: Promise<unknown>
}

/**
 * Vote rounds and action marks. Individual votes stay in the repository; the control room gets only what
 * everyone may know (settings, status, how many have voted, and tallies once they may be seen), written by the
 * server. Each change to what a round publishes is coalesced per round, so a storm of votes becomes a few
 * room updates, always of the latest state. An anonymous round with live results publishes in steps that each mix
 * several voters' changes (`holdsLiveTallies`), and everyone but the facilitator sees such a round as published.
 */
export class VoteService {
  readonly #votes: VoteRepository
  readonly #sessions: SessionRepository
  readonly #rooms: RoomManager
  readonly #template: (id: string) => Template | undefined
  readonly #publishing = new Map<string, Publisher>()
  readonly #rounds = new Map<string, RoundState>()
  #lastIdleSweep = performance.now()
  readonly #publishIntervalMs: number
  readonly #liveTallyMinVoters: number
  /** Actions whose counts changed since the control room last got them, per session (emptied by each write). */
  readonly #staleMarkCounts = new Map<string, Set<string>>()
  readonly #markWrites: PacedWrites

  /**
   * `publishIntervalMs`: the least time between two updates of an open round's public state (voter count, live
   * tallies). `liveTallyMinVoters`: how many voters must have changed their votes before an anonymous live round's
   * tallies are published again (see `holdsLiveTallies`).
   */
  constructor(
    votes: VoteRepository,
    sessions: SessionRepository,
    rooms: RoomManager,
    template: (id: string) => Template | undefined,
    publishIntervalMs = 250,
    liveTallyMinVoters = DEFAULT_LIVE_TALLY_MIN_VOTERS,
  ) {
    this.#publishIntervalMs = publishIntervalMs
    this.#liveTallyMinVoters = liveTallyMinVoters
    this.#markWrites = new PacedWrites(publishIntervalMs, (sessionId) => this.#writeMarkCounts(sessionId))
    this.#votes = votes
    this.#sessions = sessions
    this.#rooms = rooms
    this.#template = template
  }

  async createRound(
    grant: Grant,
    request: z.output<typeof createVoteRoundRequestSchema>,
  ): Promise<{ roundId: string }> {
    requireFacilitator(grant)
    const session = await this.#openSession(grant)
    const template = this.#template(session.templateId)
    const stageIds = template ? template.agenda.map((stage) => stage.id) : [BLANK_BOARD_STAGE_ID]
    if (!stageIds.includes(request.stageId))
      throw new UnprocessableError(`no stage "${request.stageId}" in this session's template`)
    const unknown = await this.#unknownCards(grant.sessionId, template, request.cardIds)
    if (unknown.length > 0) throw new UnprocessableError(`unknown card ids: ${unknown.slice(0, 10).join(', ')}`)
    const round: VoteRoundRecord = {
      roundId: newId(),
      sessionId: grant.sessionId,
      stageId: request.stageId,
      title: request.title ?? null,
      cardIds: request.cardIds,
      settings: {
        votesPerParticipant: request.votesPerParticipant,
        maxVotesPerCard: request.maxVotesPerCard,
        anonymous: request.anonymous,
        results: request.results,
      },
      status: 'open',
      createdAt: Date.now(),
    }
    await this.#votes.createRound(round)
    await this.#publish(round.roundId)
    return { roundId: round.roundId }
  }

  async vote(grant: Grant, roundId: string, cardId: string): Promise<VoteRoundView> {
    const participantId = requireParticipant(grant)
    await this.#openSession(grant)
    await this.#roundOf(grant, roundId)
    const refusal = await this.#votes.castVote(roundId, participantId, cardId, (round, own) =>
      checkVote(round, own, cardId),
    )
    if (refusal) throw refusals[refusal]()
    this.#schedulePublish(roundId)
    return this.view(grant, roundId)
  }

  async withdraw(grant: Grant, roundId: string, cardId: string): Promise<VoteRoundView> {
    const participantId = requireParticipant(grant)
    await this.#openSession(grant)
    const round = await this.#roundOf(grant, roundId)
    if (round.status !== 'open') throw refusals['round-not-open']()
    if (!(await this.#votes.withdrawVote(roundId, participantId, cardId)))
      throw new NotFoundError('you have no vote on this card')
    this.#schedulePublish(roundId)
    return this.view(grant, roundId)
  }

  async close(grant: Grant, roundId: string): Promise<VoteRoundView> {
    requireFacilitator(grant)
    await this.#openSession(grant)
    const round = await this.#roundOf(grant, roundId)
    if (round.status === 'revealed') throw new ConflictError('this vote round is already revealed')
    if (round.status === 'open') await this.#votes.setStatus(roundId, 'closed')
    await this.#publish(roundId)
    return this.view(grant, roundId)
  }

  /** Reveals the results to everyone (closing the round if it was still open). */
  async reveal(grant: Grant, roundId: string): Promise<VoteRoundView> {
    requireFacilitator(grant)
    await this.#openSession(grant)
    const round = await this.#roundOf(grant, roundId)
    if (round.status !== 'revealed') await this.#votes.setStatus(roundId, 'revealed')
    await this.#publish(roundId)
    return this.view(grant, roundId)
  }

  /** A round as `grant`'s holder may see it. */
  async view(grant: Grant, roundId: string): Promise<VoteRoundView> {
    const round = await this.#roundOf(grant, roundId)
    if (grant.role !== 'facilitator' && holdsLiveTallies(round)) return this.#publishedView(grant, round)
    // Every ballot only for whoever may see results; a voter's answer needs their own votes and the count, which
    // the store answers without reading the whole round (it is asked once per vote).
    const needsAll =
      maySeeTallies(grant.role, round.status, round.settings) || maySeeBallots(grant.role, round.settings)
    const ballots = needsAll ? await this.#votes.ballots(roundId) : null
    const view: VoteRoundView = ballots
      ? publicPart(round, ballots)
      : publicPart(round, [], await this.#votes.voterCount(roundId))
    if (ballots && maySeeTallies(grant.role, round.status, round.settings))
      view.tallies = tallyVotes(round.cardIds, ballots)
    if (grant.role === 'participant' && grant.participantId) {
      const own = await this.#votes.ownVotes(roundId, grant.participantId)
      view.ownVotes = own
      view.remainingVotes = Math.max(0, round.settings.votesPerParticipant - own.length)
    }
    if (ballots && maySeeBallots(grant.role, round.settings)) {
      const byParticipant = new Map<string, string[]>()
      for (const ballot of ballots)
        byParticipant.set(ballot.participantId, [...(byParticipant.get(ballot.participantId) ?? []), ballot.cardId])
      view.ballots = [...byParticipant].map(([participantId, cardIds]) => ({ participantId, cardIds }))
    }
    return view
  }

  /**
   * An anonymous live round as the control room shows it, with the asker's own votes: answering with the tallies
   * of this moment would show, to whoever asks just before and after someone votes, what that person chose.
   */
  async #publishedView(grant: Grant, round: VoteRoundRecord): Promise<VoteRoundView> {
    const shown = await this.#rooms.read(sessionRoomName(round.sessionId, 'control'), (doc) =>
      readPublicVoteRounds(doc).find((published) => published.roundId === round.roundId),
    )
    // Not yet in the room (its first write failed): the round as it began.
    const view: VoteRoundView = {
      ...(shown ?? publicPart(round, [], 0)),
      status: round.status,
      settings: round.settings,
    }
    if (grant.role === 'participant' && grant.participantId) {
      const own = await this.#votes.ownVotes(round.roundId, grant.participantId)
      view.ownVotes = own
      view.remainingVotes = Math.max(0, round.settings.votesPerParticipant - own.length)
    }
    return view
  }

  /** Forgets what the service kept of a deleted session's rounds (the store deletes the rounds themselves). */
  forgetSession(sessionId: string): void {
    for (const [roundId, state] of this.#rounds) if (state.sessionId === sessionId) this.#rounds.delete(roundId)
  }

  /** How many rounds the service keeps state for, and how many have a writer running (tests: nothing lingers). */
  get held(): { rounds: number; publishing: number } {
    return { rounds: this.#rounds.size, publishing: this.#publishing.size }
  }

  async list(grant: Grant): Promise<VoteRoundView[]> {
    const rounds = await this.#votes.listRounds(grant.sessionId)
    return Promise.all(rounds.map((round) => this.view(grant, round.roundId)))
  }

  /** "Heb je dit al geprobeerd?": sets (or clears) the participant's mark on an action; the team's counts go to the control room. */
  async mark(
    grant: Grant,
    actionId: string,
    mark: ActionMark | null,
  ): Promise<{ actionId: string; mark: ActionMark | null }> {
    const participantId = requireParticipant(grant)
    const session = await this.#openSession(grant)
    const template = this.#template(session.templateId)
    const actions = new Set(
      template?.principles.flatMap((p) => p.plays.flatMap((play) => play.actions.map((a) => a.id))) ?? [],
    )
    if (!actions.has(actionId)) throw new UnprocessableError("no such action in this session's template")
    const before = (await this.#votes.marks(grant.sessionId)).find(
      (m) => m.participantId === participantId && m.actionId === actionId,
    )
    // A mark that changes nothing writes nothing: neither the store nor the control room.
    if ((before?.mark ?? null) === mark) return { actionId, mark }
    await this.#votes.setMark(grant.sessionId, participantId, actionId, mark)
    this.#markCountsStale(grant.sessionId, actionId)
    return { actionId, mark }
  }

  /** The team's counts of an action go to the control room paced, like a round's votes. */
  #markCountsStale(sessionId: string, actionId: string): void {
    const stale = this.#staleMarkCounts.get(sessionId) ?? new Set<string>()
    stale.add(actionId)
    this.#staleMarkCounts.set(sessionId, stale)
    this.#markWrites.schedule(sessionId)
  }

  async #writeMarkCounts(sessionId: string): Promise<void> {
    const actionIds = this.#staleMarkCounts.get(sessionId)
    this.#staleMarkCounts.delete(sessionId)
    if (!actionIds) return
    const counts = countMarks(await this.#votes.marks(sessionId))
    await this.#rooms.change(sessionRoomName(sessionId, 'control'), (doc) => {
      for (const actionId of actionIds) writeMarkCounts(doc, actionId, counts.get(actionId) ?? emptyMarkCounts())
    })
  }

  /** Every action's counts and the asking participant's own marks. */
  async marks(
    grant: Grant,
  ): Promise<{ counts: Record<string, ReturnType<typeof emptyMarkCounts>>; own: Record<string, ActionMark> }> {
    const all = await this.#votes.marks(grant.sessionId)
    const own: Record<string, ActionMark> = {}
    for (const m of all) if (m.participantId === grant.participantId) own[m.actionId] = m.mark
    return { counts: Object.fromEntries(countMarks(all)), own }
  }

  /** Resolves once every publish scheduled so far has reached the control room (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.#publishing.size > 0) await Promise.all([...this.#publishing.values()].map((p) => p.done))
    await this.#markWrites.settled()
  }

  /** `grant`'s session, if it is open: a closed session's votes, rounds and marks stay as they were (409). */
  async #openSession(grant: Grant): Promise<SessionRecord> {
    const session = await this.#sessions.findSession(grant.sessionId)
    if (!session) throw new NotFoundError('no such session')
    requireOpen(session)
    return session
  }

  async #roundOf(grant: Grant, roundId: string): Promise<VoteRoundRecord> {
    const round = await this.#votes.findRound(roundId)
    if (!round || round.sessionId !== grant.sessionId) throw new NotFoundError('no such vote round in this session')
    return round
  }

  async #unknownCards(sessionId: string, template: Template | undefined, cardIds: string[]): Promise<string[]> {
    const known = template ? votableTemplateIds(template) : new Set<string>()
    const stickies = cardIds.filter((id) => id.startsWith('shape:'))
    if (stickies.length > 0) {
      const onBoard = await this.#rooms.read(sessionRoomName(sessionId, 'board'), (doc) => {
        const records = boardRecords(doc)
        return new Set(stickies.filter((id) => records.has(id)))
      })
      for (const id of onBoard) known.add(id)
    }
    return cardIds.filter((id) => !known.has(id))
  }

  /**
   * Publishes now and waits (round created, closed, revealed: the caller's answer should follow the room). Throws
   * when the room could not be written, so that no answer says what the room does not show.
   */
  async #publish(roundId: string): Promise<void> {
    this.#schedulePublish(roundId, true)
    const failure = await this.#publishing.get(roundId)?.done
    if (failure) throw new UnavailableError('the vote round could not be saved in the control room; try again')
  }

  /**
   * Marks the round's public state stale; one writer per round brings the room up to date, however many votes
   * arrive. What the room already shows is not written again (a participant's second vote changes nothing
   * public in a hidden round), and while a round is open the writes are paced: every screen integrates each one,
   * so 300 people voting at once must not become hundreds of updates to each of them. `urgent` (a new round,
   * close, reveal) cuts the pause short, and publishes an anonymous live round's tallies whoever changed.
   */
  #schedulePublish(roundId: string, urgent = false): void {
    this.#forgetIdleRounds()
    const running = this.#publishing.get(roundId)
    if (running) {
      running.again = true
      if (urgent) running.wake()
      return
    }
    // Woken by an urgent publish: the next pass goes at once, and shows everything.
    const entry: Publisher = { again: false, wake: () => (urgent = true), done: Promise.resolve() }
    entry.done = (async (): Promise<unknown> => {
      /** Whether what the service keeps of the round is still of use when this writer stops. */
      let keep = true
      try {
        do {
          // Paced: the next write waits until an interval after the last one (a new round, close and reveal don't).
          const wait = urgent
            ? 0
            : (this.#rounds.get(roundId)?.lastWrite ?? -Infinity) + this.#publishIntervalMs - performance.now()
          if (wait > 0) {
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, wait)
              entry.wake = () => {
                urgent = true
                clearTimeout(timer)
                resolve()
              }
            })
            entry.wake = () => (urgent = true)
          }
          const everything = urgent
          urgent = false
          entry.again = false
          const round = await this.#votes.findRound(roundId)
          if (!round) {
            keep = false
            return undefined
          }
          keep = round.status === 'open'
          await this.#publishRound(round, everything)
        } while (entry.again)
        return undefined
      } catch (error) {
        // A round of a session deleted meanwhile has nothing left to show, nor anyone to show it to.
        if (!(error instanceof RoomGoneError))
          log.error({ part: 'votes', roundId, err: error }, 'could not publish a vote round')
        // Nothing kept is lost by starting afresh: a repeated write at worst, and a live tally held back longer.
        keep = false
        return error ?? new Error('could not publish')
      } finally {
        this.#publishing.delete(roundId)
        // A closed or revealed round is written at once whenever it changes: nothing of it needs keeping.
        if (!keep) this.#rounds.delete(roundId)
      }
    })()
    this.#publishing.set(roundId, entry)
  }

  /** Writes what the room should show of `round`, unless it shows that already or (see `holdsLiveTallies`) may not yet. */
  async #publishRound(round: VoteRoundRecord, urgent: boolean): Promise<void> {
    let state = this.#rounds.get(round.roundId)
    if (!state) {
      state = {
        sessionId: round.sessionId,
        shown: undefined,
        lastWrite: -Infinity,
        lastUsed: 0,
        publishedBallots: undefined,
      }
      this.#rounds.set(round.roundId, state)
    }
    state.lastUsed = performance.now()
    const held = holdsLiveTallies(round)
    const ballots = maySeeTallies('participant', round.status, round.settings)
      ? await this.#votes.ballots(round.roundId)
      : null
    const byVoter = held && ballots ? ballotsByVoter(ballots) : undefined
    if (byVoter && !urgent) {
      if (!state.publishedBallots) {
        // Nothing known of what was last published: count from here, so the next step still mixes enough voters.
        state.publishedBallots = byVoter
        return
      }
      if (votersChanged(state.publishedBallots, byVoter) < this.#liveTallyMinVoters) return
    }
    const publicRound = ballots
      ? publicPart(round, ballots)
      : publicPart(round, [], await this.#votes.voterCount(round.roundId))
    const shown = JSON.stringify(publicRound)
    if (shown !== state.shown) {
      await this.#rooms.change(sessionRoomName(round.sessionId, 'control'), (doc) =>
        writePublicVoteRound(doc, publicRound),
      )
      state.shown = shown
      state.lastWrite = performance.now()
    }
    state.publishedBallots = byVoter
  }

  /** Forgets open rounds nobody has voted in for a while (see `IDLE_ROUND_MS`); looks at most every tenth of that. */
  #forgetIdleRounds(): void {
    const now = performance.now()
    if (now - this.#lastIdleSweep < IDLE_ROUND_MS / 10) return
    this.#lastIdleSweep = now
    for (const [roundId, state] of this.#rounds) {
      if (now - state.lastUsed > IDLE_ROUND_MS && !this.#publishing.has(roundId)) this.#rounds.delete(roundId)
    }
  }
}

/** What everyone may know of a round: never who voted what, and tallies only when everyone may see them. */
function publicPart(
  round: VoteRoundRecord,
  ballots: ReadonlyArray<{ participantId: string; cardId: string }>,
  voterCount = countVoters(ballots),
): PublicVoteRound {
  const everyone = maySeeTallies('participant', round.status, round.settings)
  return {
    roundId: round.roundId,
    stageId: round.stageId,
    ...(round.title ? { title: round.title } : {}),
    cardIds: round.cardIds,
    settings: round.settings,
    status: round.status,
    voterCount,
    createdAt: round.createdAt,
    ...(everyone ? { tallies: tallyVotes(round.cardIds, ballots) } : {}),
  }
}

function requireFacilitator(grant: Grant): void {
  if (grant.role !== 'facilitator') throw new ForbiddenError('only the facilitator may do this')
}

function requireParticipant(grant: Grant): string {
  if (grant.role !== 'participant' || !grant.participantId)
    throw new ForbiddenError('only participants vote and mark actions')
  return grant.participantId
}
