import type { ActionMark, Ballot, VoteRefusal, VoteRoundSettings, VoteRoundStatus } from '@werkplaats/shared'

/**
 * Where vote rounds, individual votes and action marks live: only here, never in a room. Like the session
 * repository, an interface with an SQLite adapter now and a PostgreSQL one later, passing the same contract
 * tests (`test/voteRepository.contract.ts`).
 */
export interface VoteRepository {
  createRound(round: VoteRoundRecord): Promise<void>
  findRound(roundId: string): Promise<VoteRoundRecord | null>
  listRounds(sessionId: string): Promise<VoteRoundRecord[]>
  setStatus(roundId: string, status: VoteRoundStatus): Promise<void>
  /** How many rounds are open, in every session (for the metrics). */
  countOpenRounds(): Promise<number>
  /**
   * Stores one vote if `check` (given the round and the participant's votes so far, read in the same
   * transaction) allows it; answers the refusal otherwise. Budgets hold under concurrent requests because the
   * read and the write are one transaction.
   */
  castVote(
    roundId: string,
    participantId: string,
    cardId: string,
    check: (round: VoteRoundRecord, own: string[]) => VoteRefusal | null,
  ): Promise<VoteRefusal | null>
  /** Takes back one of the participant's votes on the card; false when there was none (or the round is not open). */
  withdrawVote(roundId: string, participantId: string, cardId: string): Promise<boolean>
  ballots(roundId: string): Promise<Ballot[]>
  /** One participant's votes in a round (card ids, one entry per vote), oldest first. */
  ownVotes(roundId: string, participantId: string): Promise<string[]>
  /** How many participants have cast at least one vote in the round. */
  voterCount(roundId: string): Promise<number>
  /** Sets or (with null) clears a participant's mark on an action. */
  setMark(sessionId: string, participantId: string, actionId: string, mark: ActionMark | null): Promise<void>
  marks(sessionId: string): Promise<MarkRecord[]>
  close(): Promise<void>
}

export interface VoteRoundRecord {
  roundId: string
  sessionId: string
  stageId: string
  title: string | null
  cardIds: string[]
  settings: VoteRoundSettings
  status: VoteRoundStatus
  createdAt: number
}

export interface MarkRecord {
  participantId: string
  actionId: string
  mark: ActionMark
}
