import type pg from 'pg'
import type { PostgresDatabase } from './postgresDatabase.ts'
import {
  type GrantRow,
  handoverColumns,
  type HandoverRow,
  type PersonRow,
  sessionColumns,
  type SessionRow,
  sessionValues,
  toGrant,
  toHandover,
  toPerson,
  toSession,
} from './rows.ts'
import {
  type GrantRecord,
  type HandoverRecord,
  type InvitationKind,
  JoinCodeTakenError,
  type PersonRecord,
  type SessionRecord,
  type SessionRepository,
} from './sessionRepository.ts'

const personColumns = 'id, session_id, name, role, created_at'

/** Sessions, people and token grants in PostgreSQL; the same schema and contract as `SqliteSessionRepository`. */
export class PostgresSessionRepository implements SessionRepository {
  readonly #db: PostgresDatabase
  #closed = false

  constructor(db: PostgresDatabase) {
    this.#db = db
    db.retain()
  }

  async createSession(session: SessionRecord, people: PersonRecord[], grants: GrantRecord[]): Promise<void> {
    await this.#db.transaction(async (client) => {
      try {
        await client.query(
          `INSERT INTO sessions (${sessionColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          sessionValues(session),
        )
      } catch (error) {
        // 23505: unique_violation; sessions_code_key is the constraint PostgreSQL names for `code ... UNIQUE`.
        if (isPgError(error) && error.code === '23505' && error.constraint === 'sessions_code_key') {
          throw new JoinCodeTakenError(`join code ${session.code} is taken`)
        }
        throw error
      }
      for (const person of people) await insertPerson(client, person)
      for (const grant of grants) await insertGrant(client, grant)
    })
  }

  async findSession(id: string): Promise<SessionRecord | null> {
    return toSession(
      (await this.#db.pool.query<SessionRow>(`SELECT ${sessionColumns} FROM sessions WHERE id = $1`, [id])).rows[0],
    )
  }

  async findSessionByCode(code: string): Promise<SessionRecord | null> {
    return toSession(
      (await this.#db.pool.query<SessionRow>(`SELECT ${sessionColumns} FROM sessions WHERE code = $1`, [code])).rows[0],
    )
  }

  async findGrant(tokenHash: string): Promise<GrantRecord | null> {
    const { rows } = await this.#db.pool.query<GrantRow>(
      'SELECT token_hash, session_id, role, participant_id FROM grants WHERE token_hash = $1',
      [tokenHash],
    )
    return toGrant(rows[0])
  }

  async addGrant(grant: GrantRecord): Promise<void> {
    await this.#db.transaction((client) => insertGrant(client, grant))
  }

  async addObserverGrant(grant: GrantRecord, maxObservers: number): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      // The session's row lock makes count and insert one step across instances.
      const { rowCount } = await client.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [grant.sessionId])
      if (rowCount === 0) return false
      const { rows } = await client.query<{ observers: string }>(
        "SELECT COUNT(*) AS observers FROM grants WHERE session_id = $1 AND role = 'observer'",
        [grant.sessionId],
      )
      if (Number(rows[0]?.observers ?? 0) >= maxObservers) return false
      await insertGrant(client, grant)
      return true
    })
  }

  async addPerson(person: PersonRecord, grant: GrantRecord): Promise<void> {
    await this.#db.transaction(async (client) => {
      await insertPerson(client, person)
      await insertGrant(client, grant)
    })
  }

  async removePerson(participantId: string): Promise<void> {
    // Their grants go with them (ON DELETE CASCADE).
    await this.#db.pool.query('DELETE FROM people WHERE id = $1', [participantId])
  }

  async findPerson(participantId: string): Promise<PersonRecord | null> {
    const { rows } = await this.#db.pool.query<PersonRow>(`SELECT ${personColumns} FROM people WHERE id = $1`, [
      participantId,
    ])
    return rows[0] ? toPerson(rows[0]) : null
  }

  async listPeople(sessionId: string): Promise<PersonRecord[]> {
    const { rows } = await this.#db.pool.query<PersonRow>(
      `SELECT ${personColumns} FROM people WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    )
    return rows.map(toPerson)
  }

  async renameSession(id: string, title: string): Promise<void> {
    await this.#db.pool.query('UPDATE sessions SET title = $1 WHERE id = $2', [title, id])
  }

  async setInvitation(id: string, code: string, inviteHash: string): Promise<void> {
    try {
      await this.#db.pool.query('UPDATE sessions SET code = $1, invite_hash = $2 WHERE id = $3', [code, inviteHash, id])
    } catch (error) {
      if (isPgError(error) && error.code === '23505' && error.constraint === 'sessions_code_key') {
        throw new JoinCodeTakenError(`join code ${code} is taken`)
      }
      throw error
    }
  }

  async findInvitationSecret(sessionId: string, kind: InvitationKind): Promise<string | null> {
    const { rows } = await this.#db.pool.query<{ secret: string }>(
      'SELECT secret FROM invitation_secrets WHERE session_id = $1 AND kind = $2',
      [sessionId, kind],
    )
    return rows[0]?.secret ?? null
  }

  async setInvitationSecret(sessionId: string, kind: InvitationKind, secret: string): Promise<void> {
    await this.#db.pool.query(
      `INSERT INTO invitation_secrets (session_id, kind, secret) VALUES ($1, $2, $3)
       ON CONFLICT (session_id, kind) DO UPDATE SET secret = excluded.secret`,
      [sessionId, kind, secret],
    )
  }

  async addHandover(handover: HandoverRecord, now: number, maxPending: number): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      // The session's row lock makes count and insert one step across instances.
      const { rowCount } = await client.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [handover.sessionId])
      if (rowCount === 0) return false
      await client.query('DELETE FROM handovers WHERE expires_at <= $1', [now])
      const { rows } = await client.query<{ pending: string }>(
        'SELECT COUNT(*) AS pending FROM handovers WHERE session_id = $1',
        [handover.sessionId],
      )
      if (Number(rows[0]?.pending ?? 0) >= maxPending) return false
      await client.query(`INSERT INTO handovers (${handoverColumns}) VALUES ($1, $2, $3, $4)`, [
        handover.secretHash,
        handover.sessionId,
        handover.participantId,
        handover.expiresAt,
      ])
      return true
    })
  }

  async takeHandover(secretHash: string): Promise<HandoverRecord | null> {
    const { rows } = await this.#db.pool.query<HandoverRow>(
      `DELETE FROM handovers WHERE secret_hash = $1 RETURNING ${handoverColumns}`,
      [secretHash],
    )
    return toHandover(rows[0])
  }

  async setJoinOpen(id: string, joinOpen: boolean): Promise<void> {
    await this.#db.pool.query('UPDATE sessions SET join_open = $1 WHERE id = $2', [joinOpen ? 1 : 0, id])
  }

  async setClosed(id: string, closedAt: number | null): Promise<void> {
    await this.#db.pool.query('UPDATE sessions SET closed_at = $1 WHERE id = $2', [closedAt, id])
  }

  async touchSession(id: string, at: number): Promise<void> {
    await this.#db.pool.query('UPDATE sessions SET last_active_at = $1 WHERE id = $2 AND last_active_at < $1', [at, id])
  }

  async listIdleSessions(before: number, limit: number): Promise<string[]> {
    const { rows } = await this.#db.pool.query<{ id: string }>(
      'SELECT id FROM sessions WHERE last_active_at < $1 ORDER BY last_active_at LIMIT $2',
      [before, limit],
    )
    return rows.map((row) => row.id)
  }

  /**
   * A session-level advisory lock, held on one connection of the pool while `task` runs (on others): only one
   * instance at a time gets it, and it goes with the connection should this instance die mid-task.
   */
  async exclusively(name: string, task: () => Promise<void>): Promise<boolean> {
    const client = await this.#db.pool.connect()
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        name,
      ])
      if (rows[0]?.locked !== true) return false
      try {
        await task()
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name])
      }
      return true
    } finally {
      client.release()
    }
  }

  async deleteSession(id: string): Promise<void> {
    // People, grants, rounds, votes and marks go with it (ON DELETE CASCADE).
    await this.#db.pool.query('DELETE FROM sessions WHERE id = $1', [id])
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#db.release()
  }
}

async function insertPerson(client: pg.PoolClient, person: PersonRecord): Promise<void> {
  await client.query(`INSERT INTO people (${personColumns}) VALUES ($1, $2, $3, $4, $5)`, [
    person.participantId,
    person.sessionId,
    person.name,
    person.role,
    person.createdAt,
  ])
}

async function insertGrant(client: pg.PoolClient, grant: GrantRecord): Promise<void> {
  await client.query('INSERT INTO grants (token_hash, session_id, role, participant_id) VALUES ($1, $2, $3, $4)', [
    grant.tokenHash,
    grant.sessionId,
    grant.role,
    grant.participantId,
  ])
}

function isPgError(error: unknown): error is Error & { code?: string; constraint?: string } {
  return error instanceof Error && 'code' in error
}
