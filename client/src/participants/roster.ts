import type { Identity, Participant, Role } from '@werkplaats/shared'

/**
 * The participant list: everyone the server says belongs to the session (the control room's `participants`,
 * and the session API's answer before that room has synced), marked online when a connection with their
 * identity is in the board room's awareness. Observers share one token and have no participant id, so each
 * observer connection that is online is a row of its own, and an observer who leaves leaves the list.
 */
export interface RosterEntry {
  /** Stable across renders: the participant id, or the awareness client id of an anonymous connection. */
  key: string
  name: string
  role: Role
  online: boolean
  isSelf: boolean
}

export interface OnlineIdentity {
  clientId: number
  identity: Identity
}

export interface RosterInput {
  /** From the server: the session view's list, then the control room's (later entries win). */
  known: readonly Participant[]
  /** Identities in the board room's awareness, the server-stamped ones, without our own connection. */
  online: readonly OnlineIdentity[]
  self: { participantId: string | null; name: string; role: Role; online: boolean }
}

const roleOrder: Record<Role, number> = { facilitator: 0, participant: 1, observer: 2 }

export function buildRoster({ known, online, self }: RosterInput): RosterEntry[] {
  const byId = new Map<string, RosterEntry>()
  for (const participant of known) {
    byId.set(participant.participantId, {
      key: participant.participantId,
      name: participant.name,
      role: participant.role,
      online: false,
      isSelf: participant.participantId === self.participantId,
    })
  }
  const anonymous: RosterEntry[] = []
  for (const { clientId, identity } of online) {
    const entry = identity.participantId === null ? undefined : byId.get(identity.participantId)
    if (entry) {
      entry.online = true
    } else if (identity.participantId !== null) {
      // Online before the control room told us they joined: the identity is the server's word too.
      byId.set(identity.participantId, {
        key: identity.participantId,
        name: identity.name,
        role: identity.role,
        online: true,
        isSelf: false,
      })
    } else {
      anonymous.push({
        key: `client-${clientId}`,
        name: identity.name,
        role: identity.role,
        online: true,
        isSelf: false,
      })
    }
  }
  const selfEntry = self.participantId === null ? undefined : byId.get(self.participantId)
  if (selfEntry) {
    // Also when this screen's own row came from another of its tabs online before the control room listed it.
    selfEntry.isSelf = true
    selfEntry.online = self.online
  } else {
    anonymous.push({ key: 'self', name: self.name, role: self.role, online: self.online, isSelf: true })
  }
  return [...byId.values(), ...anonymous].sort(
    (a, b) =>
      roleOrder[a.role] - roleOrder[b.role] ||
      Number(b.online) - Number(a.online) ||
      a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }),
  )
}

export function onlineCount(roster: readonly RosterEntry[]): number {
  return roster.filter((entry) => entry.online).length
}
