import {
  createdVoteRoundSchema,
  markAnswerSchema,
  marksViewSchema,
  voteRoundViewSchema,
  type ActionMark,
  type CreateVoteRoundRequest,
  type MarksView,
  type VoteRoundView,
} from '@werkplaats/shared'
import { fetchParsed, sessionApiPath } from './http.ts'

/**
 * The vote rounds and action marks of one session, through the server: the server checks identity, budget
 * and caps, keeps individual votes to itself, and answers each voter with the round as they may see it
 * (their own votes, their remaining budget). Every answer is parsed with the shared schemas; refusals come
 * back as `ApiError` with the server's status (409 budget spent or round closed, 422 card not in the round, …).
 *
 * @example
 * const api = voteApi(sessionId, token)
 * const round = await api.vote(roundId, 'kaderen-vraag-1') // round.remainingVotes
 */
export interface VoteApi {
  createRound(request: CreateVoteRoundRequest): Promise<{ roundId: string }>
  round(roundId: string, signal?: AbortSignal): Promise<VoteRoundView>
  rounds(signal?: AbortSignal): Promise<VoteRoundView[]>
  vote(roundId: string, cardId: string): Promise<VoteRoundView>
  withdraw(roundId: string, cardId: string): Promise<VoteRoundView>
  close(roundId: string): Promise<VoteRoundView>
  reveal(roundId: string): Promise<VoteRoundView>
  /** "Heb je dit al geprobeerd?": one's mark on an action; null clears it. */
  mark(actionId: string, mark: ActionMark | null): Promise<{ actionId: string; mark: ActionMark | null }>
  marks(signal?: AbortSignal): Promise<MarksView>
}

export function voteApi(sessionId: string, token: string): VoteApi {
  const session = sessionApiPath(sessionId)
  const roundPath = (roundId: string) => `${session}/rounds/${encodeURIComponent(roundId)}`
  return {
    createRound: (request) =>
      fetchParsed(`${session}/rounds`, createdVoteRoundSchema, { method: 'POST', token, body: request }),
    round: (roundId, signal) => fetchParsed(roundPath(roundId), voteRoundViewSchema, { token, signal }),
    rounds: (signal) => fetchParsed(`${session}/rounds`, voteRoundViewSchema.array(), { token, signal }),
    vote: (roundId, cardId) =>
      fetchParsed(`${roundPath(roundId)}/votes`, voteRoundViewSchema, { method: 'POST', token, body: { cardId } }),
    withdraw: (roundId, cardId) =>
      fetchParsed(`${roundPath(roundId)}/votes/${encodeURIComponent(cardId)}`, voteRoundViewSchema, {
        method: 'DELETE',
        token,
      }),
    close: (roundId) => fetchParsed(`${roundPath(roundId)}/close`, voteRoundViewSchema, { method: 'POST', token }),
    reveal: (roundId) => fetchParsed(`${roundPath(roundId)}/reveal`, voteRoundViewSchema, { method: 'POST', token }),
    mark: (actionId, mark) =>
      fetchParsed(`${session}/marks/${encodeURIComponent(actionId)}`, markAnswerSchema, {
        method: 'PUT',
        token,
        body: { mark },
      }),
    marks: (signal) => fetchParsed(`${session}/marks`, marksViewSchema, { token, signal }),
  }
}
