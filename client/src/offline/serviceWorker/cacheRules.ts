/**
 * How the service worker answers each request the page makes. Pure, so the rules are tested without a browser.
 *
 * - 'app-shell': a page navigation. The network first, so that online every load gets the newest app (an update
 *   is picked up on the next load); without a network the precached `index.html`, which opens the board kept on
 *   this device.
 * - 'precached': a file of the build (scripts, styles, fonts, icons, translations), from the cache. Their names
 *   carry a content hash, so a cached one is never stale.
 * - 'network': everything else, untouched: the API and the rooms (their answers are per person and live, and
 *   offline the page keeps its rooms in IndexedDB instead), other methods, and anything of another origin (the
 *   page fetches none, and nothing of another host is ever cached).
 */
export type CacheRoute = 'app-shell' | 'precached' | 'network'

export interface RequestFacts {
  url: string
  method: string
  mode: string
}

/** Paths the server answers itself, never the app's files. */
const LIVE_PREFIXES = ['/api/', '/yjs/', '/healthz']

/** The shell every navigation falls back to offline: the server answers each app path with this page. */
export const APP_SHELL = '/index.html'

export function cacheRoute(request: RequestFacts, origin: string, precached: ReadonlySet<string>): CacheRoute {
  if (request.method !== 'GET') return 'network'
  const url = new URL(request.url)
  if (url.origin !== origin) return 'network'
  if (LIVE_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return 'network'
  if (request.mode === 'navigate') return 'app-shell'
  return precached.has(url.pathname) ? 'precached' : 'network'
}

/**
 * What the build precaches: every file it emits, as a path from the site's root, but source maps (for
 * developers, not for running) and the worker itself.
 */
export function precacheList(fileNames: Iterable<string>, workerFile: string): string[] {
  return [...fileNames]
    .filter((name) => !name.endsWith('.map') && name !== workerFile)
    .map((name) => `/${name}`)
    .sort()
}

/** One cache per build: a new build's worker fills its own and deletes the others on activation. */
export const CACHE_PREFIX = 'werkplaats-app-'

export function cacheName(version: string): string {
  return CACHE_PREFIX + version
}

/** Caches of earlier builds (and only ours: another app on this origin keeps its own). */
export function staleCaches(names: readonly string[], current: string): string[] {
  return names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== current)
}
