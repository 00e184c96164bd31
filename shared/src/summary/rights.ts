import type { Role } from '../session/role.ts'

/**
 * Who may download the summary: the facilitator always; participants and observers only when the facilitator
 * has allowed it for the session (`exportsForEveryone` in the control room). Participants' names are the
 * facilitator's to include, never anyone else's.
 */
export function mayExportSummary(role: Role, exportsForEveryone: boolean): boolean {
  return role === 'facilitator' || exportsForEveryone
}

export function mayIncludeNames(role: Role): boolean {
  return role === 'facilitator'
}
