/**
 * Links to a session. No link the app makes carries a token: a token lives on, so it would live on in every
 * chat, screenshot and history list the link passes through. A link carries a secret that is exchanged for a
 * token of the device that opens it, and always in the fragment: browsers never send the fragment to the
 * server, so it stays out of access logs and Referer headers, and the page clears it from the address at once.
 *
 * - `#i=…` the participants' invitation (rotatable, "Nieuwe uitnodiging"), exchanged for a participant's token.
 * - `#w=…` the observers' invitation (rotatable, "Nieuwe waarnemerslink"), exchanged for an observer's token.
 * - `#h=…` a facilitator's handover ("Op een ander apparaat openen"): single use, minutes long.
 * - `#t=…` a token itself: only read, from links made before, never made any more.
 */
const TOKEN_FRAGMENT_KEY = 't'
const INVITE_FRAGMENT_KEY = 'i'
const OBSERVER_INVITE_FRAGMENT_KEY = 'w'
const HANDOVER_FRAGMENT_KEY = 'h'
/** Every secret and token is base64url; anything else in a fragment is noise (or worse) and is ignored. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

export function sessionPath(sessionId: string): string {
  return `/s/${sessionId}`
}

function linkWithSecret(origin: string, sessionId: string, key: string, secret: string): string {
  return `${origin}${sessionPath(sessionId)}#${key}=${encodeURIComponent(secret)}`
}

function secretFromFragment(hash: string, key: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash)
  const secret = params.get(key)
  return secret && SECRET_PATTERN.test(secret) ? secret : null
}

/**
 * The participants' link: it opens the session's join form with the invitation's secret, where each person gets a
 * token of their own. Without the secret (or the join code) nobody can join, not even who knows the session's id.
 */
export function participantLink(origin: string, sessionId: string, inviteSecret: string): string {
  return linkWithSecret(origin, sessionId, INVITE_FRAGMENT_KEY, inviteSecret)
}

/** The observers' link: whoever opens it gets an observer's token of their own, until the link is replaced. */
export function observerInvitationLink(origin: string, sessionId: string, inviteSecret: string): string {
  return linkWithSecret(origin, sessionId, OBSERVER_INVITE_FRAGMENT_KEY, inviteSecret)
}

/** A facilitator's handover link: opened once, within minutes, it makes that device the facilitator's too. */
export function handoverLink(origin: string, sessionId: string, handoverSecret: string): string {
  return linkWithSecret(origin, sessionId, HANDOVER_FRAGMENT_KEY, handoverSecret)
}

/** The participants' invitation's secret in a location's fragment (`#i=…`), or null. */
export function inviteFromFragment(hash: string): string | null {
  return secretFromFragment(hash, INVITE_FRAGMENT_KEY)
}

/** The observers' invitation's secret in a location's fragment (`#w=…`), or null. */
export function observerInviteFromFragment(hash: string): string | null {
  return secretFromFragment(hash, OBSERVER_INVITE_FRAGMENT_KEY)
}

/** A handover's secret in a location's fragment (`#h=…`), or null. */
export function handoverFromFragment(hash: string): string | null {
  return secretFromFragment(hash, HANDOVER_FRAGMENT_KEY)
}

/** A token in a location's fragment (`#t=…`, links made before links carried secrets), or null. */
export function tokenFromFragment(hash: string): string | null {
  return secretFromFragment(hash, TOKEN_FRAGMENT_KEY)
}

/** `/s/<id>` → the session id, or null for any other path. */
export function sessionIdFromPath(pathname: string): string | null {
  const match = /^\/s\/([A-Za-z0-9_-]{22})\/?$/.exec(pathname)
  return match ? (match[1] as string) : null
}
