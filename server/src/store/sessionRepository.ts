import type { Role } from '@werkplaats/shared'

/**
 * Where sessions, their people and their tokens live. The session service only talks to this interface, so
 * the embedded SQLite repository and a PostgreSQL one (for several instances) are interchangeable and pass
 * the same contract tests (`test/sessionRepository.contract.ts`).
 *
 * Tokens are never stored, only their hashes: a token is looked up by hashing what a request carries.
 */
export interface SessionRepository {
  /** Stores a new session with its first people and grants, all or nothing. Throws `JoinCodeTakenError`. */
  createSession(session: SessionRecord, people: PersonRecord[], grants: GrantRecord[]): Promise<void>
  findSession(id: string): Promise<SessionRecord | null>
  findSessionByCode(code: string): Promise<SessionRecord | null>
  findGrant(tokenHash: string): Promise<GrantRecord | null>
  /** Adds a grant without a person (another observers' link). */
  addGrant(grant: GrantRecord): Promise<void>
  /**
   * Stores an observer's grant unless its session has `maxObservers` observer grants already (resolves to false
   * then): every opened observers' link adds one, and they stay until the session goes.
   */
  addObserverGrant(grant: GrantRecord, maxObservers: number): Promise<boolean>
  /** Adds a person with their grant, all or nothing. */
  addPerson(person: PersonRecord, grant: GrantRecord): Promise<void>
  /**
   * Removes a person and their grants, all or nothing: from here on their token is refused. Takes back
   * `addPerson` when a join's control-room write failed, and carries out the facilitator's "Verwijderen".
   */
  removePerson(participantId: string): Promise<void>
  findPerson(participantId: string): Promise<PersonRecord | null>
  /** Everyone of a session with a name (facilitator and participants), in the order they came. */
  listPeople(sessionId: string): Promise<PersonRecord[]>
  renameSession(id: string, title: string): Promise<void>
  /** A new invitation: its code and the hash of its link's secret. Throws `JoinCodeTakenError`. */
  setInvitation(id: string, code: string, inviteHash: string): Promise<void>
  setJoinOpen(id: string, joinOpen: boolean): Promise<void>
  /** The current secret of the session's participants' or observers' invitation, or null before there is one. */
  findInvitationSecret(sessionId: string, kind: InvitationKind): Promise<string | null>
  /** Replaces the secret of the session's invitation of `kind`: links with the one before stop working. */
  setInvitationSecret(sessionId: string, kind: InvitationKind, secret: string): Promise<void>
  /**
   * Stores a pending handover, unless its session has `maxPending` unexpired ones already (resolves to false then).
   * Handovers expired by `now` are removed on the way, of every session: nothing else needs to sweep them.
   */
  addHandover(handover: HandoverRecord, now: number, maxPending: number): Promise<boolean>
  /**
   * Removes the handover with `secretHash` and resolves to it (expired or not; the caller judges), or to null when
   * there is none. Atomic: of two concurrent takes of one handover, only one gets it.
   */
  takeHandover(secretHash: string): Promise<HandoverRecord | null>
  /** Closes the session (`closedAt`, milliseconds since the epoch) or, with null, opens it again. */
  setClosed(id: string, closedAt: number | null): Promise<void>
  /** Notes activity in the session at `at`; an earlier time than the one noted changes nothing. */
  touchSession(id: string, at: number): Promise<void>
  /** Ids of sessions with no activity since before `before`, the longest idle first, at most `limit`. */
  listIdleSessions(before: number, limit: number): Promise<string[]>
  /**
   * Runs `task` unless another instance on the same store is running a task of the same `name` (PostgreSQL: an
   * advisory lock); resolves to whether it ran. The SQLite file has one instance, which runs it.
   */
  exclusively(name: string, task: () => Promise<void>): Promise<boolean>
  /** Removes the session, its people and its grants. */
  deleteSession(id: string): Promise<void>
  close(): Promise<void>
}

export interface SessionRecord {
  id: string
  title: string
  templateId: string
  /**
   * The join code, as it is: it is looked up by value and shown to the facilitator again, and at six characters a
   * hash of it would be reversed in seconds, so hashing would protect nothing.
   */
  code: string
  /**
   * SHA-256 of the participants' link's secret (the long form of the invitation); null for a session made before
   * links carried one, until its facilitator next opens it.
   */
  inviteHash: string | null
  /** Whether new participants may join. */
  joinOpen: boolean
  /** Milliseconds since the epoch. */
  createdAt: number
  /** When the facilitator closed the session; null while it is open. */
  closedAt: number | null
  /** When anything last happened in the session (a join, a connection, a stored edit): what retention counts from. */
  lastActiveAt: number
}

/** Someone with a name in a session: the facilitator or a participant. Observers share one grant, no record. */
export interface PersonRecord {
  participantId: string
  sessionId: string
  name: string
  role: Role
  createdAt: number
}

/** What a token lets its holder do: which session, in which role, as which person (none for observers). */
export interface GrantRecord {
  tokenHash: string
  sessionId: string
  role: Role
  participantId: string | null
}

/** Which of a session's invitations: the participants' (with the join code as its short form) or the observers'. */
export type InvitationKind = 'participant' | 'observer'

/** A facilitator's pending handover: whoever hands in its secret before `expiresAt` gets a token as `participantId`. */
export interface HandoverRecord {
  secretHash: string
  sessionId: string
  participantId: string
  /** Milliseconds since the epoch. */
  expiresAt: number
}

/** Another session has this join code; the caller draws a new one. */
export class JoinCodeTakenError extends Error {
  override name = 'JoinCodeTakenError'
}
