/**
 * Bytes in shared memory, for handing a room's document to a render worker without copying it on the event loop:
 * posting a view of a `SharedArrayBuffer` to a worker shares its memory, where an ordinary buffer is copied
 * (structured clone) or must be copied before it is transferred. Whoever makes shared bytes never writes to them
 * again, and readers only read, so the sharing needs no locks.
 */

/** Copies `updates` into one shared buffer and answers views of it, one per update, in order. */
export function sharedCopies(updates: readonly Uint8Array[]): Uint8Array[] {
  const shared = new SharedArrayBuffer(updates.reduce((sum, update) => sum + update.byteLength, 0))
  let offset = 0
  return updates.map((update) => {
    const view = new Uint8Array(shared, offset, update.byteLength)
    view.set(update)
    offset += update.byteLength
    return view
  })
}

/** `bytes` copied into shared memory of their own. */
export function sharedCopy(bytes: Uint8Array): Uint8Array {
  const [copy] = sharedCopies([bytes])
  return copy as Uint8Array
}

/** Whether `bytes` live in shared memory (and a worker may be handed them as they are). */
export function isShared(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof SharedArrayBuffer
}
