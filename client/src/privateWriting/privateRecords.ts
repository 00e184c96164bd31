import { isPrivateRecord, privateOwnerOf } from '@werkplaats/shared'
import type { TLRecord } from 'tldraw'

/**
 * The store binding's lanes of private writing (see `board/storeBinding.ts`): which of tldraw's records go to
 * which document. The rule of what is private lives in `shared/` (`board/privateStickies.ts`), where the server's
 * reveal reads it too.
 */

/** The board room's lane: everything but private stickies, which must never reach the board room. */
export function isBoardLaneRecord(record: TLRecord): boolean {
  return !isPrivateRecord(record)
}

/** One participant's private room's lane: their private stickies, nothing else. */
export function privateLaneOf(participantId: string): (record: TLRecord) => boolean {
  return (record) => privateOwnerOf(record) === participantId
}
