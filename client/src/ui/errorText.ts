import type { AppMessages } from '../i18n/messages.ts'
import { ApiError } from '../api/apiClient.ts'

/** The sentence a person reads when a join is refused: the door closed, the invitation wrong, or anything else. */
export function joinErrorText(error: unknown, messages: AppMessages): string {
  if (error instanceof ApiError && error.status === 403) {
    return error.message === 'joining is closed' ? messages.joinClosed : messages.invitationInvalid
  }
  return errorText(error, messages)
}

/** The sentence a person reads for an API failure that the form itself has no better words for. */
export function errorText(error: unknown, messages: AppMessages): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return messages.unreachable
    if (error.status === 429) return messages.tooManyAttempts(error.retryAfterSeconds)
    return messages.failed(error.message)
  }
  return messages.failed(error instanceof Error ? error.message : String(error))
}
