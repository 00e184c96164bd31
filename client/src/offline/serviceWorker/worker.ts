/// <reference lib="webworker" />
/**
 * Werkplaats' service worker: the app's shell and assets precached at build time, so that a reload without a
 * network still opens the page and the board this device keeps (IndexedDB, see `../localCopy.ts`).
 *
 * Hand-written rather than generated (workbox): it is three small handlers over `cacheRules.ts`, whose rules
 * are tested like any other; a generator would bring runtime-caching machinery we must not use (nothing of the
 * API or the rooms may be cached) and a second way to configure what is cached.
 *
 * Updates: a new build is a new worker (its list below differs). It takes over at once but changes no open
 * page — a running page's code is already loaded — and since navigations go to the network first, the next load
 * is the new app. Nothing reloads a page mid-session.
 */
import { APP_SHELL, cacheName, cacheRoute, staleCaches } from './cacheRules.ts'

declare const self: ServiceWorkerGlobalScope

/** Filled in by the build (vite.config.ts): the paths of every file it emitted. */
const PRECACHE: readonly string[] = JSON.parse('__WERKPLAATS_PRECACHE__') as string[]
/** Filled in by the build: a hash of the list, so each build has its own cache. */
const CACHE = cacheName('__WERKPLAATS_VERSION__')
const precached = new Set(PRECACHE)

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...PRECACHE]))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(staleCaches(names, CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const { request } = event
  const route = cacheRoute(request, self.location.origin, precached)
  if (route === 'network') return
  if (route === 'app-shell') {
    event.respondWith(fetch(request).catch(() => fromCache(APP_SHELL)))
    return
  }
  event.respondWith(fromCache(new URL(request.url).pathname).catch(() => fetch(request)))
})

async function fromCache(path: string): Promise<Response> {
  const cached = await caches.match(path, { cacheName: CACHE })
  if (!cached) throw new Error(`not precached: ${path}`)
  return cached
}
