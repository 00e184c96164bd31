import { isRoomName } from '@werkplaats/shared'
import { randomId } from '../ids.ts'

/** Where the address bar points: a new board, an existing board, or something that is not a board. */
export type Route =
  | { kind: 'new' }
  | { kind: 'board'; room: string }
  | { kind: 'invalid-room' }

const BOARD_PREFIX = '/b/'

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { kind: 'new' }
  if (pathname.startsWith(BOARD_PREFIX)) {
    const room = decodeSegment(pathname.slice(BOARD_PREFIX.length).replace(/\/$/, ''))
    return room !== null && isRoomName(room) ? { kind: 'board', room } : { kind: 'invalid-room' }
  }
  return { kind: 'invalid-room' }
}

export function boardPath(room: string): string {
  return `${BOARD_PREFIX}${room}`
}

/** A fresh, unguessable board id (22 characters): whoever knows a board's address can join it. */
export function newRoomId(): string {
  return randomId()
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
