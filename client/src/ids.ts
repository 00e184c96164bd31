/**
 * A random identifier: 16 bytes (128 bits) from the platform's CSPRNG as base64url without padding, so 22
 * characters of [A-Za-z0-9_-]. Board ids are the only secret that guards a board, so they must be unguessable.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
