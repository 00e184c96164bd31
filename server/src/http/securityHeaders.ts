import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * What a browser may do with anything this server answers: the page, its assets, the API, the API docs.
 *
 * - Scripts, styles, fonts, images and connections come from this origin only, so a board's content cannot
 *   make a browser talk to another host (an image shape with an outside URL is simply not loaded). `connect-src
 *   'self'` also covers the WebSocket to this host (`ws:`/`wss:` on the same host and port count as 'self' in
 *   CSP Level 3, as Chromium, Firefox and Safari implement it).
 * - Styles also allow 'unsafe-inline': tldraw's rich-text editor (tiptap) adds its own `<style>` element when a
 *   sticky's text is edited, the one thing a strict `style-src 'self'` refuses in Chromium (`style-src-elem
 *   inline`, seen in the browser tests). Inline styles cannot run code; scripts stay strictly 'self' (the built
 *   client has no inline script, and zod's eval probe is switched off in the client).
 * - Images also from `data:` and `blob:`: tldraw's icons and cursors are data URLs, and a stage's PNG export is
 *   drawn from a blob. Everything not named (media, manifests) falls back to `default-src 'self'`.
 * - Workers from this origin only, named so that no tightening of `default-src` locks out the service worker
 *   (`/sw.js`, the client's offline shell), which must be registered from the page's own origin anyway.
 * - Nothing may frame the page (`frame-ancestors 'none'`), unless `FRAME_ANCESTORS` names the origins of an
 *   intranet that embeds it; the page itself frames nothing (`frame-src 'none'`: no embed shape can load).
 * - `Referrer-Policy: no-referrer`: a link followed from a board does not tell the other site the session's
 *   address. `X-Content-Type-Options: nosniff`: an export or API answer is never run as something else.
 *
 * @example
 * app.use('*', securityHeaders({ frameAncestors: [] }))
 */
export function securityHeaders({ frameAncestors }: { frameAncestors: readonly string[] }): MiddlewareHandler {
  const embeddable = frameAncestors.length > 0
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      frameSrc: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: embeddable ? [...frameAncestors] : ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    // The older header knows no list of origins: with FRAME_ANCESTORS, frame-ancestors alone decides.
    xFrameOptions: embeddable ? false : 'DENY',
    // Over plain HTTP browsers ignore it; over HTTPS it keeps them there. Not for subdomains: they are not ours.
    strictTransportSecurity: 'max-age=15552000',
    // An embedding intranet page must be able to load the page across origins.
    crossOriginResourcePolicy: embeddable ? 'cross-origin' : 'same-origin',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  })
}
