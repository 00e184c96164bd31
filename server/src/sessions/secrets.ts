import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { joinCodeFromBytes } from '@werkplaats/shared'

/**
 * Everything that must not be guessed comes from `crypto.randomBytes`: session and participant ids carry 128
 * bits, tokens 256. Tokens are stored only as SHA-256 hashes: a leaked database gives no way into a session.
 * (A plain hash suffices because tokens are random, not chosen by people: there is nothing to brute-force.)
 */

/** 128 random bits as base64url: 22 characters. */
export function newId(): string {
  return randomBytes(16).toString('base64url')
}

/** 256 random bits as base64url: 43 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export function newJoinCode(): string {
  for (;;) {
    // 16 bytes give six usable characters except with a probability of about 10⁻¹⁰; then try again.
    const code = joinCodeFromBytes(randomBytes(16))
    if (code) return code
  }
}

/**
 * The secret of the participants' link: derived from the facilitator's token, the session and its current join
 * code, so it is never stored (only its hash) and yet the facilitator's share panel can show the link on any
 * device; a new invitation (a new code) makes a new secret. Without the facilitator's token nobody can derive it.
 */
export function invitationSecret(facilitatorToken: string, sessionId: string, code: string): string {
  return createHmac('sha256', facilitatorToken)
    .update(`invitation\u0000${sessionId}\u0000${code}`, 'utf8')
    .digest('base64url')
}

/** Whether two secrets (or their hashes) are equal, in time that does not tell how much of them matched. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest()
  const right = createHash('sha256').update(b, 'utf8').digest()
  return timingSafeEqual(left, right)
}
