import type { DatabaseSync, StatementSync } from 'node:sqlite'
import {
  type GrantRecord,
  type HandoverRecord,
  type InvitationKind,
  JoinCodeTakenError,
  type PersonRecord,
  type SessionRecord,
  type SessionRepository,
} from './sessionRepository.ts'
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
import { inTransaction, openRepositoryDatabase } from './sqliteDatabase.ts'

/**
 * Sessions in the same SQLite file as the documents (`werkplaats.sqlite` in DATA_DIR), on a connection of
 * their own. node:sqlite is synchronous and every transaction here completes within one call, so the two
 * connections never wait on each other inside one process.
 */
export class SqliteSessionRepository implements SessionRepository {
  readonly #db: DatabaseSync
  readonly #statements: ReturnType<typeof prepare>

  constructor(dataDir: string) {
    this.#db = openRepositoryDatabase(dataDir)
    this.#statements = prepare(this.#db)
  }

  async createSession(session: SessionRecord, people: PersonRecord[], grants: GrantRecord[]): Promise<void> {
    inTransaction(this.#db, () => {
      try {
        this.#statements.insertSession.run(...sessionValues(session))
      } catch (error) {
        if (isUniqueViolation(error, 'sessions.code'))
          throw new JoinCodeTakenError(`join code ${session.code} is taken`)
        throw error
      }
      for (const person of people) this.#insertPerson(person)
      for (const grant of grants) this.#insertGrant(grant)
    })
  }

  async findSession(id: string): Promise<SessionRecord | null> {
    return toSession(this.#statements.sessionById.get(id) as SessionRow | undefined)
  }

  async findSessionByCode(code: string): Promise<SessionRecord | null> {
    return toSession(this.#statements.sessionByCode.get(code) as SessionRow | undefined)
  }

  async findGrant(tokenHash: string): Promise<GrantRecord | null> {
    return toGrant(this.#statements.grantByHash.get(tokenHash) as GrantRow | undefined)
  }

  async addGrant(grant: GrantRecord): Promise<void> {
    this.#insertGrant(grant)
  }

  async addObserverGrant(grant: GrantRecord, maxObservers: number): Promise<boolean> {
    return inTransaction(this.#db, () => {
      if (this.#statements.sessionById.get(grant.sessionId) === undefined) return false
      const { observers } = this.#statements.observerGrants.get(grant.sessionId) as { observers: number }
      if (observers >= maxObservers) return false
      this.#insertGrant(grant)
      return true
    })
  }

  async addPerson(person: PersonRecord, grant: GrantRecord): Promise<void> {
    inTransaction(this.#db, () => {
      this.#insertPerson(person)
      this.#insertGrant(grant)
    })
  }

  async removePerson(participantId: string): Promise<void> {
    // Their grants go with them (ON DELETE CASCADE).
    this.#statements.deletePerson.run(participantId)
  }

  async findPerson(participantId: string): Promise<PersonRecord | null> {
    const row = this.#statements.personById.get(participantId)
    return row ? toPerson(row as unknown as PersonRow) : null
  }

  async listPeople(sessionId: string): Promise<PersonRecord[]> {
    return (this.#statements.peopleBySession.all(sessionId) as unknown as PersonRow[]).map(toPerson)
  }

  async renameSession(id: string, title: string): Promise<void> {
    this.#statements.renameSession.run(title, id)
  }

  async setInvitation(id: string, code: string, inviteHash: string): Promise<void> {
    try {
      this.#statements.setInvitation.run(code, inviteHash, id)
    } catch (error) {
      if (isUniqueViolation(error, 'sessions.code')) throw new JoinCodeTakenError(`join code ${code} is taken`)
      throw error
    }
  }

  async setJoinOpen(id: string, joinOpen: boolean): Promise<void> {
    this.#statements.setJoinOpen.run(joinOpen ? 1 : 0, id)
  }

  async findInvitationSecret(sessionId: string, kind: InvitationKind): Promise<string | null> {
    const row = this.#statements.invitationSecret.get(sessionId, kind) as { secret: string } | undefined
    return row?.secret ?? null
  }

  async setInvitationSecret(sessionId: string, kind: InvitationKind, secret: string): Promise<void> {
    this.#statements.setInvitationSecret.run(sessionId, kind, secret)
  }

  async addHandover(handover: HandoverRecord, now: number, maxPending: number): Promise<boolean> {
    return inTransaction(this.#db, () => {
      this.#statements.deleteExpiredHandovers.run(now)
      const { pending } = this.#statements.pendingHandovers.get(handover.sessionId) as { pending: number }
      if (pending >= maxPending) return false
      this.#statements.insertHandover.run(
        handover.secretHash,
        handover.sessionId,
        handover.participantId,
        handover.expiresAt,
      )
      return true
    })
  }

  async takeHandover(secretHash: string): Promise<HandoverRecord | null> {
    return toHandover(this.#statements.takeHandover.get(secretHash) as HandoverRow | undefined)
  }

  async setClosed(id: string, closedAt: number | null): Promise<void> {
    this.#statements.setClosed.run(closedAt, id)
  }

  async touchSession(id: string, at: number): Promise<void> {
    this.#statements.touchSession.run(at, id, at)
  }

  async listIdleSessions(before: number, limit: number): Promise<string[]> {
    return (this.#statements.idleSessions.all(before, limit) as Array<{ id: string }>).map((row) => row.id)
  }

  async exclusively(_name: string, task: () => Promise<void>): Promise<boolean> {
    await task()
    return true
  }

  async deleteSession(id: string): Promise<void> {
    // People and grants go with it (ON DELETE CASCADE).
    this.#statements.deleteSession.run(id)
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close()
  }

  #insertPerson(person: PersonRecord): void {
    this.#statements.insertPerson.run(
      person.participantId,
      person.sessionId,
      person.name,
      person.role,
      person.createdAt,
    )
  }

  #insertGrant(grant: GrantRecord): void {
    this.#statements.insertGrant.run(grant.tokenHash, grant.sessionId, grant.role, grant.participantId)
  }
}

function prepare(db: DatabaseSync) {
  const statement = (sql: string): StatementSync => db.prepare(sql)
  return {
    insertSession: statement(`INSERT INTO sessions (${sessionColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    sessionById: statement(`SELECT ${sessionColumns} FROM sessions WHERE id = ?`),
    sessionByCode: statement(`SELECT ${sessionColumns} FROM sessions WHERE code = ?`),
    renameSession: statement('UPDATE sessions SET title = ? WHERE id = ?'),
    setInvitation: statement('UPDATE sessions SET code = ?, invite_hash = ? WHERE id = ?'),
    setJoinOpen: statement('UPDATE sessions SET join_open = ? WHERE id = ?'),
    setClosed: statement('UPDATE sessions SET closed_at = ? WHERE id = ?'),
    touchSession: statement('UPDATE sessions SET last_active_at = ? WHERE id = ? AND last_active_at < ?'),
    idleSessions: statement('SELECT id FROM sessions WHERE last_active_at < ? ORDER BY last_active_at LIMIT ?'),
    deletePerson: statement('DELETE FROM people WHERE id = ?'),
    deleteSession: statement('DELETE FROM sessions WHERE id = ?'),
    insertPerson: statement('INSERT INTO people (id, session_id, name, role, created_at) VALUES (?, ?, ?, ?, ?)'),
    personById: statement('SELECT id, session_id, name, role, created_at FROM people WHERE id = ?'),
    peopleBySession: statement(
      'SELECT id, session_id, name, role, created_at FROM people WHERE session_id = ? ORDER BY created_at, id',
    ),
    insertGrant: statement('INSERT INTO grants (token_hash, session_id, role, participant_id) VALUES (?, ?, ?, ?)'),
    invitationSecret: statement('SELECT secret FROM invitation_secrets WHERE session_id = ? AND kind = ?'),
    setInvitationSecret: statement(
      `INSERT INTO invitation_secrets (session_id, kind, secret) VALUES (?, ?, ?)
       ON CONFLICT (session_id, kind) DO UPDATE SET secret = excluded.secret`,
    ),
    deleteExpiredHandovers: statement('DELETE FROM handovers WHERE expires_at <= ?'),
    observerGrants: statement("SELECT COUNT(*) AS observers FROM grants WHERE session_id = ? AND role = 'observer'"),
    pendingHandovers: statement('SELECT COUNT(*) AS pending FROM handovers WHERE session_id = ?'),
    insertHandover: statement(`INSERT INTO handovers (${handoverColumns}) VALUES (?, ?, ?, ?)`),
    takeHandover: statement(`DELETE FROM handovers WHERE secret_hash = ? RETURNING ${handoverColumns}`),
    grantByHash: statement('SELECT token_hash, session_id, role, participant_id FROM grants WHERE token_hash = ?'),
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && error.message.includes('UNIQUE constraint failed') && error.message.includes(column)
}
