import { handoverFromFragment, observerInviteFromFragment } from '@werkplaats/shared'
import { joinAsObserver, redeemHandover } from '../api/apiClient.ts'

/**
 * A link whose secret this device exchanges for a token of its own when it opens: a facilitator's handover
 * (`#h=`, once, within minutes) or the observers' invitation (`#w=`, until the facilitator replaces it).
 */
export interface LinkExchange {
  kind: 'handover' | 'observer'
  secret: string
}

/** The exchange a location's fragment asks for, or null. */
export function linkExchangeFromFragment(hash: string): LinkExchange | null {
  const handover = handoverFromFragment(hash)
  if (handover) return { kind: 'handover', secret: handover }
  const observer = observerInviteFromFragment(hash)
  return observer ? { kind: 'observer', secret: observer } : null
}

// One exchange per secret and page load: a handover works once, so a second attempt (a component mounted twice)
// must get the first one's answer, not a refusal.
const exchanges = new Map<string, Promise<string>>()

/** Exchanges the link's secret; resolves to the token, or rejects with the API's refusal (`ApiError`). */
export function exchangeLink(sessionId: string, exchange: LinkExchange): Promise<string> {
  const key = `${sessionId}|${exchange.kind}|${exchange.secret}`
  let pending = exchanges.get(key)
  if (!pending) {
    pending = (
      exchange.kind === 'handover'
        ? redeemHandover(sessionId, exchange.secret)
        : joinAsObserver(sessionId, exchange.secret)
    ).then(
      (answer) => answer.token,
      (error: unknown) => {
        // A refused or failed exchange used nothing up: trying again asks the server again.
        exchanges.delete(key)
        throw error
      },
    )
    exchanges.set(key, pending)
  }
  return pending
}
