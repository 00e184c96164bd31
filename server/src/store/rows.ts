import { actionMarkSchema, roleSchema, voteRoundSettingsSchema, voteRoundStatusSchema } from '@werkplaats/shared'
import { z } from 'zod'
import type { GrantRecord, HandoverRecord, PersonRecord, SessionRecord } from './sessionRepository.ts'
import type { MarkRecord, VoteRoundRecord } from './voteRepository.ts'

/**
 * Rows as both SQL engines return them (the schemas are column for column the same), and the records the
 * repositories hand out. Values are parsed on the way out, so a row another version wrote cannot slip through.
 * Numbers are wrapped in `Number`: PostgreSQL's BIGINT arrives as a string.
 */

export interface SessionRow {
  id: string
  title: string
  template_id: string
  code: string
  invite_hash: string | null
  join_open: number | string
  created_at: number | string
  closed_at: number | string | null
  last_active_at: number | string
}

export const sessionColumns =
  'id, title, template_id, code, invite_hash, join_open, created_at, closed_at, last_active_at'

export function toSession(row: SessionRow | undefined): SessionRecord | null {
  if (!row) return null
  return {
    id: row.id,
    title: row.title,
    templateId: row.template_id,
    code: row.code,
    inviteHash: row.invite_hash,
    joinOpen: Number(row.join_open) !== 0,
    createdAt: Number(row.created_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
    lastActiveAt: Number(row.last_active_at),
  }
}

/** A session's columns in `sessionColumns` order, for an INSERT (join_open as 0/1: both engines store an INTEGER). */
export function sessionValues(session: SessionRecord): Array<string | number | null> {
  return [
    session.id,
    session.title,
    session.templateId,
    session.code,
    session.inviteHash,
    session.joinOpen ? 1 : 0,
    session.createdAt,
    session.closedAt,
    session.lastActiveAt,
  ]
}

export interface PersonRow {
  id: string
  session_id: string
  name: string
  role: string
  created_at: number | string
}

export function toPerson(row: PersonRow): PersonRecord {
  return {
    participantId: row.id,
    sessionId: row.session_id,
    name: row.name,
    role: roleSchema.parse(row.role),
    createdAt: Number(row.created_at),
  }
}

export interface GrantRow {
  token_hash: string
  session_id: string
  role: string
  participant_id: string | null
}

export function toGrant(row: GrantRow | undefined): GrantRecord | null {
  if (!row) return null
  return {
    tokenHash: row.token_hash,
    sessionId: row.session_id,
    role: roleSchema.parse(row.role),
    participantId: row.participant_id,
  }
}

export interface RoundRow {
  id: string
  session_id: string
  stage_id: string
  title: string | null
  card_ids: string
  settings: string
  status: string
  created_at: number | string
}

export const roundColumns = 'id, session_id, stage_id, title, card_ids, settings, status, created_at'

const cardIdsSchema = z.array(z.string())

export function toRound(row: RoundRow): VoteRoundRecord {
  return {
    roundId: row.id,
    sessionId: row.session_id,
    stageId: row.stage_id,
    title: row.title,
    cardIds: cardIdsSchema.parse(JSON.parse(row.card_ids)),
    settings: voteRoundSettingsSchema.parse(JSON.parse(row.settings)),
    status: voteRoundStatusSchema.parse(row.status),
    createdAt: Number(row.created_at),
  }
}

/** A round's columns in `roundColumns` order, for an INSERT. */
export function roundValues(round: VoteRoundRecord): Array<string | number | null> {
  return [
    round.roundId,
    round.sessionId,
    round.stageId,
    round.title,
    JSON.stringify(round.cardIds),
    JSON.stringify(round.settings),
    round.status,
    round.createdAt,
  ]
}

export function toMark(row: { participant_id: string; action_id: string; mark: string }): MarkRecord {
  return { participantId: row.participant_id, actionId: row.action_id, mark: actionMarkSchema.parse(row.mark) }
}

export interface HandoverRow {
  secret_hash: string
  session_id: string
  participant_id: string
  expires_at: number | string
}

export const handoverColumns = 'secret_hash, session_id, participant_id, expires_at'

export function toHandover(row: HandoverRow | undefined): HandoverRecord | null {
  if (!row) return null
  return {
    secretHash: row.secret_hash,
    sessionId: row.session_id,
    participantId: row.participant_id,
    expiresAt: Number(row.expires_at),
  }
}
