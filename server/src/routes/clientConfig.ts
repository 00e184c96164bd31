import { Hono } from 'hono'

/**
 * `GET /api/config`: run-time settings for the browser. The tldraw licence key is configuration of the
 * deployment, so it is handed over here instead of being baked into the build.
 */
export function clientConfigRoutes(config: { tldrawLicenseKey: string | null }): Hono {
  return new Hono().get('/api/config', (c) => c.json({ licenseKey: config.tldrawLicenseKey }))
}
