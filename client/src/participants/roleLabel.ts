import type { Role } from '@werkplaats/shared'
import type { Messages } from '../i18n/messages.ts'

export function roleLabel(role: Role, messages: Messages): string {
  if (role === 'facilitator') return messages.roleFacilitator
  if (role === 'observer') return messages.roleObserver
  return messages.roleParticipant
}
