import { sessionIdFromPath } from '@werkplaats/shared'

/**
 * Where the address bar points. Every board belongs to a session: the start page makes sessions, the join page
 * turns a code into one, and `/s/<id>` opens one. There are no anonymous boards any more.
 */
export type Route =
  | { kind: 'start' }
  | { kind: 'join' }
  | { kind: 'privacy' }
  | { kind: 'session'; sessionId: string }
  | { kind: 'not-found' }

export const START_PATH = '/'
export const JOIN_PATH = '/join'
export const PRIVACY_PATH = '/privacy'

export function parseRoute(pathname: string): Route {
  if (pathname === '' || pathname === START_PATH) return { kind: 'start' }
  if (pathname === JOIN_PATH || pathname === `${JOIN_PATH}/`) return { kind: 'join' }
  if (pathname === PRIVACY_PATH || pathname === `${PRIVACY_PATH}/`) return { kind: 'privacy' }
  const sessionId = sessionIdFromPath(pathname)
  return sessionId ? { kind: 'session', sessionId } : { kind: 'not-found' }
}
