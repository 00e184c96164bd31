/**
 * Links to a session. A token travels only in the fragment (`#t=…`): browsers never send the fragment to the
 * server, so it stays out of access logs and Referer headers. The page moves it to local storage and clears
 * the fragment at once.
 */
const TOKEN_FRAGMENT_KEY = 't'
/** The participants' link carries the invitation's secret the same way (`#i=…`), never in the path or query. */
const INVITE_FRAGMENT_KEY = 'i'

export function sessionPath(sessionId: string): string {
  return `/s/${sessionId}`
}

/** A link that opens the session with a token (the facilitator's or the observers'). */
export function sessionLinkWithToken(origin: string, sessionId: string, token: string): string {
  return `${origin}${sessionPath(sessionId)}#${TOKEN_FRAGMENT_KEY}=${encodeURIComponent(token)}`
}

/**
 * The participants' link: it opens the session's join form with the invitation's secret, where each person gets a
 * token of their own. Without the secret (or the join code) nobody can join, not even who knows the session's id.
 */
export function participantLink(origin: string, sessionId: string, inviteSecret: string): string {
  return `${origin}${sessionPath(sessionId)}#${INVITE_FRAGMENT_KEY}=${encodeURIComponent(inviteSecret)}`
}

/** The invitation's secret in a location's fragment (`#i=…`), or null. */
export function inviteFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const invite = params.get(INVITE_FRAGMENT_KEY)
  return invite && /^[A-Za-z0-9_-]{16,128}$/.test(invite) ? invite : null
}

/** The token in a location's fragment (`#t=…`), or null. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const token = params.get(TOKEN_FRAGMENT_KEY)
  return token && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null
}

/** `/s/<id>` → the session id, or null for any other path. */
export function sessionIdFromPath(pathname: string): string | null {
  const match = /^\/s\/([A-Za-z0-9_-]{22})\/?$/.exec(pathname)
  return match ? (match[1] as string) : null
}
