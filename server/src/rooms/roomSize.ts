import { parseSessionRoomName } from '@werkplaats/shared'

/**
 * How large each kind of room may grow. The board holds everyone's work; a private room holds one person's
 * stickies until they are revealed, and the control room the session's settings, participants and vote rounds:
 * both a small fraction of a board, so they get a cap to match (a full one is refused like a full board).
 */
export interface RoomSizeLimits {
  maxBoardBytes: number
  maxPrivateRoomBytes: number
  maxControlRoomBytes: number
}

/** The cap of the room called `name`; a name that is no session's room gets the board's. */
export function roomSizeCap(name: string, limits: RoomSizeLimits): number {
  switch (parseSessionRoomName(name)?.kind) {
    case 'private':
      return limits.maxPrivateRoomBytes
    case 'control':
      return limits.maxControlRoomBytes
    default:
      return limits.maxBoardBytes
  }
}

/** An update would take a room past its cap: it is refused whole, and its sender closed (4413). */
export class BoardFullError extends Error {
  override name = 'BoardFullError'
  readonly cap: number
  constructor(cap: number) {
    super(`board is full: it may hold at most ${formatBytes(cap)}; nothing more can be added`)
    this.cap = cap
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
