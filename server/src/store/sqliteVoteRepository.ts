import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { ActionMark, Ballot, VoteRefusal, VoteRoundStatus } from '@werkplaats/shared'
import { roundColumns, type RoundRow, roundValues, toMark, toRound } from './rows.ts'
import { inTransaction, openRepositoryDatabase } from './sqliteDatabase.ts'
import type { MarkRecord, VoteRepository, VoteRoundRecord } from './voteRepository.ts'

/**
 * Vote rounds, votes and marks in the SQLite file, on a connection of their own. A vote is read-checked-written
 * in one synchronous transaction: nothing else runs in between, so fifty requests at once cannot overspend
 * a budget of three.
 */
export class SqliteVoteRepository implements VoteRepository {
  readonly #db: DatabaseSync
  readonly #statements: ReturnType<typeof prepare>

  constructor(dataDir: string) {
    this.#db = openRepositoryDatabase(dataDir)
    this.#statements = prepare(this.#db)
  }

  async createRound(round: VoteRoundRecord): Promise<void> {
    this.#statements.insertRound.run(...roundValues(round))
  }

  async findRound(roundId: string): Promise<VoteRoundRecord | null> {
    return this.#round(roundId)
  }

  async listRounds(sessionId: string): Promise<VoteRoundRecord[]> {
    return (this.#statements.roundsBySession.all(sessionId) as unknown as RoundRow[]).map(toRound)
  }

  async countOpenRounds(): Promise<number> {
    return (this.#statements.openRoundCount.get() as { n: number }).n
  }

  async setStatus(roundId: string, status: VoteRoundStatus): Promise<void> {
    this.#statements.setStatus.run(status, roundId)
  }

  async castVote(
    roundId: string,
    participantId: string,
    cardId: string,
    check: (round: VoteRoundRecord, own: string[]) => VoteRefusal | null,
  ): Promise<VoteRefusal | null> {
    return inTransaction(this.#db, () => {
      const round = this.#round(roundId)
      if (!round) return 'round-not-open'
      const refusal = check(round, this.#own(roundId, participantId))
      if (refusal) return refusal
      this.#statements.insertVote.run(roundId, participantId, cardId, Date.now())
      return null
    })
  }

  async withdrawVote(roundId: string, participantId: string, cardId: string): Promise<boolean> {
    return inTransaction(this.#db, () => {
      if (this.#round(roundId)?.status !== 'open') return false
      return Number(this.#statements.deleteOneVote.run(roundId, participantId, cardId).changes) > 0
    })
  }

  async ownVotes(roundId: string, participantId: string): Promise<string[]> {
    return this.#own(roundId, participantId)
  }

  async voterCount(roundId: string): Promise<number> {
    return Number((this.#statements.voterCount.get(roundId) as { n: number }).n)
  }

  async ballots(roundId: string): Promise<Ballot[]> {
    return (this.#statements.votesOfRound.all(roundId) as Array<{ participant_id: string; card_id: string }>).map(
      (row) => ({
        participantId: row.participant_id,
        cardId: row.card_id,
      }),
    )
  }

  async setMark(sessionId: string, participantId: string, actionId: string, mark: ActionMark | null): Promise<void> {
    if (mark === null) this.#statements.deleteMark.run(sessionId, participantId, actionId)
    else this.#statements.upsertMark.run(sessionId, participantId, actionId, mark)
  }

  async marks(sessionId: string): Promise<MarkRecord[]> {
    return (
      this.#statements.marksOfSession.all(sessionId) as Array<{
        participant_id: string
        action_id: string
        mark: string
      }>
    ).map(toMark)
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close()
  }

  #round(roundId: string): VoteRoundRecord | null {
    const row = this.#statements.roundById.get(roundId) as unknown as RoundRow | undefined
    return row ? toRound(row) : null
  }

  #own(roundId: string, participantId: string): string[] {
    return (this.#statements.ownVotes.all(roundId, participantId) as Array<{ card_id: string }>).map(
      (row) => row.card_id,
    )
  }
}

function prepare(db: DatabaseSync) {
  const statement = (sql: string): StatementSync => db.prepare(sql)
  return {
    insertRound: statement(`INSERT INTO vote_rounds (${roundColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    roundById: statement(`SELECT ${roundColumns} FROM vote_rounds WHERE id = ?`),
    roundsBySession: statement(`SELECT ${roundColumns} FROM vote_rounds WHERE session_id = ? ORDER BY created_at, id`),
    setStatus: statement('UPDATE vote_rounds SET status = ? WHERE id = ?'),
    openRoundCount: statement("SELECT COUNT(*) AS n FROM vote_rounds WHERE status = 'open'"),
    insertVote: statement('INSERT INTO votes (round_id, participant_id, card_id, created_at) VALUES (?, ?, ?, ?)'),
    ownVotes: statement('SELECT card_id FROM votes WHERE round_id = ? AND participant_id = ? ORDER BY id'),
    deleteOneVote: statement(
      'DELETE FROM votes WHERE id = (SELECT MAX(id) FROM votes WHERE round_id = ? AND participant_id = ? AND card_id = ?)',
    ),
    voterCount: statement('SELECT COUNT(DISTINCT participant_id) AS n FROM votes WHERE round_id = ?'),
    votesOfRound: statement('SELECT participant_id, card_id FROM votes WHERE round_id = ? ORDER BY id'),
    upsertMark: statement(
      `INSERT INTO action_marks (session_id, participant_id, action_id, mark) VALUES (?, ?, ?, ?)
       ON CONFLICT (session_id, participant_id, action_id) DO UPDATE SET mark = excluded.mark`,
    ),
    deleteMark: statement('DELETE FROM action_marks WHERE session_id = ? AND participant_id = ? AND action_id = ?'),
    marksOfSession: statement(
      'SELECT participant_id, action_id, mark FROM action_marks WHERE session_id = ? ORDER BY action_id, participant_id',
    ),
  }
}
