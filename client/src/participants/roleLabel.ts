import type { Role } from '@werkplaats/shared'
import type { AppMessages } from '../i18n/messages.ts'

export function roleLabel(role: Role, messages: AppMessages): string {
  if (role === 'facilitator') return messages.roleFacilitator
  if (role === 'observer') return messages.roleObserver
  return messages.roleParticipant
}
