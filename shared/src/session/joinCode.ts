import { z } from 'zod'

/**
 * A join code is what a facilitator reads aloud or puts on the projector: six characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L), so it survives being read aloud. 31⁶ ≈ 887 million codes; guessing
 * is made expensive by the server's rate limit per address, not by the code's length.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6

export const joinCodeSchema = z
  .string()
  .transform(normalizeJoinCode)
  .pipe(
    z
      .string()
      .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), 'a join code is 6 letters and digits'),
  )

/** What people type: lower case, spaces or a dash in the middle ("abc-def" or "abc def"). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

/**
 * A code from random bytes (the caller supplies them; `shared` does no I/O). Bytes ≥ 248 are skipped so
 * every character is equally likely (248 = 8 × 31); returns null if the bytes ran out first, and the
 * caller asks again with fresh ones.
 */
export function joinCodeFromBytes(bytes: Uint8Array): string | null {
  const usable = Math.floor(256 / JOIN_CODE_ALPHABET.length) * JOIN_CODE_ALPHABET.length
  let code = ''
  for (const byte of bytes) {
    if (byte >= usable) continue
    code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length]
    if (code.length === JOIN_CODE_LENGTH) return code
  }
  return null
}
