/**
 * Registers the service worker of the production build (`serviceWorker/worker.ts`, emitted as `/sw.js`), which
 * precaches the app so a reload without a network still opens it. Not in development: Vite serves modules there
 * that no build list knows. A browser without service workers (or one that refuses, e.g. in private mode) simply
 * works online as before.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('Werkplaats: the app will not open offline, its service worker was refused', error)
  })
}
