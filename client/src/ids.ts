/**
 * A random identifier: 16 bytes (128 bits) from the platform's CSPRNG as base64url without padding, so 22
 * characters of [A-Za-z0-9_-]. Used for this browser's user id, which ties several tabs of one person together.
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
