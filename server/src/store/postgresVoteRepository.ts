import type { ActionMark, Ballot, VoteRefusal, VoteRoundStatus } from '@werkplaats/shared'
import type pg from 'pg'
import type { PostgresDatabase } from './postgresDatabase.ts'
import { roundColumns, type RoundRow, roundValues, toMark, toRound } from './rows.ts'
import type { MarkRecord, VoteRepository, VoteRoundRecord } from './voteRepository.ts'

/**
 * Vote rounds, votes and marks in PostgreSQL, where requests from several instances meet. SQLite keeps a budget
 * by running each vote's read-check-write alone; here two locks do it, always taken in this order:
 * - the round's row `FOR SHARE`: votes in flight go on side by side, but closing or revealing the round (an
 *   UPDATE of that row) waits for them, and a vote that comes after sees the new status;
 * - an advisory lock on (round, participant): one participant's votes in a round take turns, so fifty at once
 *   against a budget of three store three. Other participants are not held up.
 */
export class PostgresVoteRepository implements VoteRepository {
  readonly #db: PostgresDatabase
  #closed = false

  constructor(db: PostgresDatabase) {
    this.#db = db
    db.retain()
  }

  async createRound(round: VoteRoundRecord): Promise<void> {
    await this.#db.pool.query(
      `INSERT INTO vote_rounds (${roundColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      roundValues(round),
    )
  }

  async findRound(roundId: string): Promise<VoteRoundRecord | null> {
    const { rows } = await this.#db.pool.query<RoundRow>(`SELECT ${roundColumns} FROM vote_rounds WHERE id = $1`, [
      roundId,
    ])
    return rows[0] ? toRound(rows[0]) : null
  }

  async listRounds(sessionId: string): Promise<VoteRoundRecord[]> {
    const { rows } = await this.#db.pool.query<RoundRow>(
      `SELECT ${roundColumns} FROM vote_rounds WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    )
    return rows.map(toRound)
  }

  async countOpenRounds(): Promise<number> {
    const { rows } = await this.#db.pool.query<{ n: string }>(
      "SELECT COUNT(*) AS n FROM vote_rounds WHERE status = 'open'",
    )
    return Number(rows[0]?.n ?? 0)
  }

  async setStatus(roundId: string, status: VoteRoundStatus): Promise<void> {
    await this.#db.pool.query('UPDATE vote_rounds SET status = $1 WHERE id = $2', [status, roundId])
  }

  async castVote(
    roundId: string,
    participantId: string,
    cardId: string,
    check: (round: VoteRoundRecord, own: string[]) => VoteRefusal | null,
  ): Promise<VoteRefusal | null> {
    return this.#db.transaction(async (client) => {
      const round = await lockForVoting(client, roundId, participantId)
      if (!round) return 'round-not-open'
      const own = await client.query<{ card_id: string }>(
        'SELECT card_id FROM votes WHERE round_id = $1 AND participant_id = $2 ORDER BY id',
        [roundId, participantId],
      )
      const refusal = check(
        round,
        own.rows.map((row) => row.card_id),
      )
      if (refusal) return refusal
      await client.query('INSERT INTO votes (round_id, participant_id, card_id, created_at) VALUES ($1, $2, $3, $4)', [
        roundId,
        participantId,
        cardId,
        Date.now(),
      ])
      return null
    })
  }

  async withdrawVote(roundId: string, participantId: string, cardId: string): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      const round = await lockForVoting(client, roundId, participantId)
      if (round?.status !== 'open') return false
      const deleted = await client.query(
        'DELETE FROM votes WHERE id = (SELECT MAX(id) FROM votes WHERE round_id = $1 AND participant_id = $2 AND card_id = $3)',
        [roundId, participantId, cardId],
      )
      return (deleted.rowCount ?? 0) > 0
    })
  }

  async ownVotes(roundId: string, participantId: string): Promise<string[]> {
    const { rows } = await this.#db.pool.query<{ card_id: string }>(
      'SELECT card_id FROM votes WHERE round_id = $1 AND participant_id = $2 ORDER BY id',
      [roundId, participantId],
    )
    return rows.map((row) => row.card_id)
  }

  async voterCount(roundId: string): Promise<number> {
    const { rows } = await this.#db.pool.query<{ n: string }>(
      'SELECT COUNT(DISTINCT participant_id) AS n FROM votes WHERE round_id = $1',
      [roundId],
    )
    return Number(rows[0]?.n ?? 0)
  }

  async ballots(roundId: string): Promise<Ballot[]> {
    const { rows } = await this.#db.pool.query<{ participant_id: string; card_id: string }>(
      'SELECT participant_id, card_id FROM votes WHERE round_id = $1 ORDER BY id',
      [roundId],
    )
    return rows.map((row) => ({ participantId: row.participant_id, cardId: row.card_id }))
  }

  async setMark(sessionId: string, participantId: string, actionId: string, mark: ActionMark | null): Promise<void> {
    if (mark === null) {
      await this.#db.pool.query(
        'DELETE FROM action_marks WHERE session_id = $1 AND participant_id = $2 AND action_id = $3',
        [sessionId, participantId, actionId],
      )
    } else {
      await this.#db.pool.query(
        `INSERT INTO action_marks (session_id, participant_id, action_id, mark) VALUES ($1, $2, $3, $4)
         ON CONFLICT (session_id, participant_id, action_id) DO UPDATE SET mark = excluded.mark`,
        [sessionId, participantId, actionId, mark],
      )
    }
  }

  async marks(sessionId: string): Promise<MarkRecord[]> {
    const { rows } = await this.#db.pool.query<{ participant_id: string; action_id: string; mark: string }>(
      'SELECT participant_id, action_id, mark FROM action_marks WHERE session_id = $1 ORDER BY action_id, participant_id',
      [sessionId],
    )
    return rows.map(toMark)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#db.release()
  }
}

/** Takes the two locks a vote needs (see the class comment) and answers the round as it now stands. */
async function lockForVoting(
  client: pg.PoolClient,
  roundId: string,
  participantId: string,
): Promise<VoteRoundRecord | null> {
  const { rows } = await client.query<RoundRow>(`SELECT ${roundColumns} FROM vote_rounds WHERE id = $1 FOR SHARE`, [
    roundId,
  ])
  if (!rows[0]) return null
  // hashtext collisions only make two participants take turns; they never let a budget be overspent.
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [roundId, participantId])
  return toRound(rows[0])
}
