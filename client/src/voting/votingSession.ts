import {
  roundIndex,
  type ActionMark,
  type CreateVoteRoundRequest,
  type FacilitationState,
  type MarkCounts,
  type Participant,
  type PublicVoteRound,
  type Role,
  type Template,
  type TemplateLayout,
  type VoteRoundView,
} from '@werkplaats/shared'
import { atom, computed, react, type Atom, type Signal } from 'tldraw'
import type { ControlRoom } from '../session/controlRoom.ts'
import { ApiError } from '../api/apiClient.ts'
import { topQuestionCount, withChosenPrinciple, withSelectedPlays } from './playbookChoices.ts'
import {
  currentVoteRound,
  mergeRoundView,
  roundsOfPass,
  stageOrderOf,
  winningCardIds,
  type RoundView,
} from './roundView.ts'
import type { VoteApi } from '../api/voteApi.ts'

/** What went wrong with a request, in terms the panel can say. */
export type VoteProblem = 'refused' | 'forbidden' | 'unreachable' | 'offline' | 'failed'

export function problemOf(error: unknown): VoteProblem {
  if (!(error instanceof ApiError)) return 'failed'
  if (error.status === 0) return 'unreachable'
  if (error.status === 401 || error.status === 403) return 'forbidden'
  if (error.status === 409 || error.status === 422 || error.status === 404) return 'refused'
  return 'failed'
}

export interface VotingSessionOptions {
  api: VoteApi
  /** The session's control room: read by everyone, written (the journey's choices) by the facilitator only. */
  control: ControlRoom
}

/**
 * Voting as one screen takes part in it. The UI calls this and renders its signals; it decides nothing itself.
 *
 * - What everyone may know comes from the control room, live: the rounds (settings, status, voter count,
 *   tallies once revealed), the team's mark counts, and the journey's current stage and choices.
 * - What only this person may know comes from the server's answers: their own votes and remaining budget,
 *   their own marks, and (the facilitator) the tallies before reveal.
 * - Votes go to the server one at a time, so each answer's own votes are the newest this screen has seen.
 */
export class VotingSession {
  readonly role: Role
  readonly #api: VoteApi
  readonly #control: ControlRoom
  readonly #ownViews = atom<ReadonlyMap<string, VoteRoundView>>('own round views', new Map())
  readonly #ownMarksAtom = atom<Readonly<Record<string, ActionMark>>>('own marks', {})
  readonly problem: Atom<VoteProblem | null> = atom('vote problem', null)
  readonly current: Signal<RoundView | null>
  /**
   * Set while the board's connection is down. Votes and marks are then refused here, with the controls disabled
   * and saying so, rather than queued: the server checks each against the round and the budget as they stand
   * when it arrives, so a vote queued now could be refused minutes later, its result shown out of context.
   */
  readonly offline: Atom<boolean> = atom('voting offline', false)
  /** The cards a revealed current round put first, highlighted on the board. */
  readonly winners: Signal<Set<string>>
  /** Requests in flight, so a click is not sent twice and the panel can say "Bezig…". */
  readonly busy: Atom<number> = atom('vote busy', 0)
  #queue: Promise<unknown> = Promise.resolve()
  /** Rounds whose own view is being fetched, with the control state it was asked for. */
  readonly #fetching = new Map<string, string>()
  #disposed = false
  readonly #stopFetching: () => void

  constructor(options: VotingSessionOptions) {
    this.#control = options.control
    this.role = options.control.role
    this.#api = options.api
    this.current = computed('current vote round', () => {
      const facilitation = this.facilitation.get()
      const pass = roundIndex(facilitation)
      const round = currentVoteRound(
        roundsOfPass(this.rounds.get(), facilitation.stageHistory, pass),
        facilitation.stageId,
        stageOrderOf(this.layout.get()),
      )
      return round ? mergeRoundView(round, this.#ownViews.get().get(round.roundId), pass) : null
    })
    this.winners = computed('winning cards', () => {
      const round = this.current.get()
      const template = this.#control.template.get()
      const stage =
        template.kind === 'ready' ? template.template.agenda.find((s) => s.id === round?.stageId) : undefined
      const count = stage?.kind === 'assess' && template.kind === 'ready' ? topQuestionCount(template.template) : 1
      return round?.status === 'revealed' ? winningCardIds(round, count) : new Set<string>()
    })
    // Whenever the rounds or the stage move, what the room does not carry about the current round may be stale.
    this.#stopFetching = react('fetch own round view', () =>
      this.#fetchOwnView(this.rounds.get(), this.facilitation.get(), stageOrderOf(this.layout.get())),
    )
    if (this.role === 'participant') {
      void this.#api.marks().then(
        (marks) => !this.#disposed && this.#ownMarksAtom.set(marks.own),
        // Without one's earlier marks the choices just start empty; marking again still works.
        () => undefined,
      )
    }
  }

  /** Every round of the session, oldest first, as the control room carries them. */
  get rounds(): Signal<PublicVoteRound[]> {
    return this.#control.voteRounds
  }

  get facilitation(): Signal<FacilitationState> {
    return this.#control.facilitation
  }

  /** The template laid out on the board (the control room's, computed once per change of its inputs). */
  get layout(): Signal<TemplateLayout> {
    return this.#control.layout
  }

  /** The session's people as the control room lists them: whom an action in the plan can be given to. */
  get people(): Signal<Participant[]> {
    return this.#control.participants
  }

  get markCounts(): Signal<Map<string, MarkCounts>> {
    return this.#control.markCounts
  }

  get ownMarks(): Signal<Readonly<Record<string, ActionMark>>> {
    return this.#ownMarksAtom
  }

  vote(cardId: string): Promise<void> {
    if (this.#refusedOffline()) return Promise.resolve()
    return this.#forCurrent((round) => this.#api.vote(round.roundId, cardId))
  }

  takeBack(cardId: string): Promise<void> {
    if (this.#refusedOffline()) return Promise.resolve()
    return this.#forCurrent((round) => this.#api.withdraw(round.roundId, cardId))
  }

  /** "Stemronde starten" (facilitator). Resolves once the server has the round; the room brings it to everyone. */
  async startRound(request: CreateVoteRoundRequest): Promise<boolean> {
    return this.#send(async () => {
      const { roundId } = await this.#api.createRound(request)
      this.#remember(await this.#api.round(roundId))
    })
  }

  /** "Stemronde sluiten" (facilitator). */
  close(roundId: string): Promise<boolean> {
    return this.#send(async () => this.#remember(await this.#api.close(roundId)))
  }

  /** "Onthullen" (facilitator): everyone sees the tallies. */
  reveal(roundId: string): Promise<boolean> {
    return this.#send(async () => this.#remember(await this.#api.reveal(roundId)))
  }

  /** "Dit principe kiezen" (facilitator): the current pass goes on with this principle. */
  choosePrinciple(template: Template, principleId: string): void {
    this.#writeRounds(withChosenPrinciple(template, this.facilitation.get().rounds, principleId))
  }

  /** "Deze plays kiezen" (facilitator): these plays are laid out on the improve stage. */
  choosePlays(playIds: readonly string[]): void {
    this.#writeRounds(withSelectedPlays(this.facilitation.get().rounds, playIds))
  }

  /** "Heb je dit al geprobeerd?": one's own mark (null clears it); the team's counts come back through the room. */
  async mark(actionId: string, mark: ActionMark | null): Promise<boolean> {
    if (this.#refusedOffline()) return false
    const before = this.#ownMarksAtom.get()
    this.#ownMarksAtom.set(withMark(before, actionId, mark))
    const ok = await this.#send(async () => {
      const stored = await this.#api.mark(actionId, mark)
      this.#ownMarksAtom.set(withMark(this.#ownMarksAtom.get(), stored.actionId, stored.mark))
    })
    if (!ok) this.#ownMarksAtom.set(withMark(this.#ownMarksAtom.get(), actionId, before[actionId] ?? null))
    return ok
  }

  dispose(): void {
    this.#disposed = true
    this.#stopFetching()
  }

  #writeRounds(rounds: FacilitationState['rounds']): void {
    // Only the facilitator's connection may write the control room; anyone else's would be closed by the server.
    if (this.role !== 'facilitator') throw new Error('only the facilitator chooses for the journey')
    this.#control.writeRounds(rounds)
  }

  #refusedOffline(): boolean {
    if (this.offline.get()) this.problem.set('offline')
    return this.offline.get()
  }

  #forCurrent(request: (round: RoundView) => Promise<VoteRoundView>): Promise<void> {
    return this.#send(async () => {
      const round = this.current.get()
      if (!round) return
      try {
        this.#remember(await request(round))
      } catch (error) {
        // A refusal means this screen's idea of the round was stale: take the server's view again.
        if (error instanceof ApiError && error.status >= 400) this.#refresh(round.roundId, true)
        throw error
      }
    }).then(() => undefined)
  }

  /** Runs one request after the ones before it; records a problem instead of throwing. */
  #send(request: () => Promise<void>): Promise<boolean> {
    this.busy.update((n) => n + 1)
    const run = this.#queue.then(request).then(
      () => {
        if (!this.#disposed) this.problem.set(null)
        return true
      },
      (error: unknown) => {
        if (!this.#disposed) this.problem.set(problemOf(error))
        return false
      },
    )
    this.#queue = run
    return run.finally(() => this.busy.update((n) => n - 1))
  }

  #remember(view: VoteRoundView): void {
    if (this.#disposed) return
    const views = new Map(this.#ownViews.get())
    views.set(view.roundId, view)
    this.#ownViews.set(views)
  }

  /**
   * Asks the server for what the room does not carry about the current round: a participant's own votes
   * (once per round: after that, the answers to their votes keep them), the facilitator's tallies before
   * reveal (again whenever the voter count or status moves). Observers have nothing of their own to ask.
   */
  #fetchOwnView(
    rounds: readonly PublicVoteRound[],
    facilitation: FacilitationState,
    stageOrder: readonly string[],
  ): void {
    const round = currentVoteRound(
      roundsOfPass(rounds, facilitation.stageHistory, roundIndex(facilitation)),
      facilitation.stageId,
      stageOrder,
    )
    if (!round || this.role === 'observer') return
    const own = this.#ownViews.__unsafe__getWithoutCapture().get(round.roundId)
    const stale =
      this.role === 'facilitator'
        ? own?.voterCount !== round.voterCount || own.status !== round.status
        : own === undefined
    if (stale) this.#refresh(round.roundId, false, `${round.status}:${round.voterCount}`)
  }

  #refresh(roundId: string, force: boolean, state = 'forced'): void {
    if (!force && this.#fetching.get(roundId) === state) return
    this.#fetching.set(roundId, state)
    const done = () => {
      if (this.#fetching.get(roundId) === state) this.#fetching.delete(roundId)
    }
    // In the same queue as the votes: an answer to an earlier question must not overwrite a later vote's.
    this.#queue = this.#queue.then(() =>
      this.#api.round(roundId).then(
        (view) => {
          done()
          this.#remember(view)
        },
        // The room still shows the round; the next change there (or a vote) asks again.
        done,
      ),
    )
  }
}

function withMark(
  marks: Readonly<Record<string, ActionMark>>,
  actionId: string,
  mark: ActionMark | null,
): Record<string, ActionMark> {
  const next = { ...marks }
  if (mark === null) delete next[actionId]
  else next[actionId] = mark
  return next
}
