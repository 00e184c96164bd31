import { createHash, randomBytes } from 'node:crypto'
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
