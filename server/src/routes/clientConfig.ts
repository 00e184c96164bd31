import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { clientConfigSchema } from '@werkplaats/shared'
import { json } from './openapiShapes.ts'

const clientConfig = createRoute({
  method: 'get',
  path: '/api/config',
  summary:
    'Run-time settings for the browser: the tldraw licence key, and for the privacy statement the days an idle session is kept and whom to ask',
  responses: { 200: json(clientConfigSchema, 'The settings.') },
})

/**
 * `GET /api/config`: run-time settings for the browser. The tldraw licence key is configuration of the
 * deployment, so it is handed over here instead of being baked into the build.
 */
export function clientConfigRoutes(config: {
  tldrawLicenseKey: string | null
  retentionDays: number
  privacyContact: string | null
}): OpenAPIHono {
  return new OpenAPIHono().openapi(clientConfig, (c) =>
    c.json(
      {
        licenseKey: config.tldrawLicenseKey,
        retentionDays: config.retentionDays,
        privacyContact: config.privacyContact,
      },
      200,
    ),
  )
}
