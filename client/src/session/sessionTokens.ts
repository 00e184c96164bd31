import { sessionIdSchema, tokenFromFragment } from '@werkplaats/shared'
import { isRecord, readJson, removeKey, writeJson } from '../storage/localStore.ts'

/**
 * The token this browser holds for each session, kept in localStorage so a reload (or coming back next week)
 * keeps one's identity. A token is a secret of this browser only: it never goes into an address the page
 * shows, a log line or a request other than our own API and WebSocket.
 */
const KEY_PREFIX = 'werkplaats.session.v1.'
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/

export interface SessionTokens {
  tokenFor(sessionId: string): string | null
  remember(sessionId: string, token: string): void
  forget(sessionId: string): void
}

export function sessionTokens(storage: Storage | null): SessionTokens {
  // Kept in memory too, so a browser that refuses storage still works for this visit.
  const memory = new Map<string, string>()
  return {
    tokenFor(sessionId) {
      const remembered = memory.get(sessionId)
      if (remembered) return remembered
      const stored = readJson(storage, KEY_PREFIX + sessionId)
      return isRecord(stored) && typeof stored.token === 'string' && TOKEN_PATTERN.test(stored.token)
        ? stored.token
        : null
    },
    remember(sessionId, token) {
      memory.set(sessionId, token)
      writeJson(storage, KEY_PREFIX + sessionId, { token })
    },
    forget(sessionId) {
      memory.delete(sessionId)
      removeKey(storage, KEY_PREFIX + sessionId)
    },
  }
}

/** The parts of `window.location` and `window.history` that moving a token out of the address needs. */
export interface AddressBar {
  readonly pathname: string
  readonly search: string
  readonly hash: string
  replace(url: string): void
}

export function browserAddressBar(): AddressBar {
  return {
    get pathname() {
      return window.location.pathname
    },
    get search() {
      return window.location.search
    },
    get hash() {
      return window.location.hash
    },
    replace(url) {
      window.history.replaceState(window.history.state, '', url)
    },
  }
}

/**
 * A link with `#t=<token>` was opened: the token moves into storage and the fragment is cleared at once, so
 * the token does not stay in the address bar (screen shares, screenshots, bookmarks, the history list). A
 * fragment that is there but holds no plausible token is cleared too, and whatever token was stored stays.
 * Returns the token to use for the session: the new one, or the one stored before, or null.
 */
export function adoptTokenFromAddress(sessionId: string, address: AddressBar, tokens: SessionTokens): string | null {
  if (!sessionIdSchema.safeParse(sessionId).success) return null
  if (address.hash !== '' && address.hash !== '#') {
    const token = tokenFromFragment(address.hash)
    address.replace(address.pathname + address.search)
    if (token) tokens.remember(sessionId, token)
  }
  return tokens.tokenFor(sessionId)
}
