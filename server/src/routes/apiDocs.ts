import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { Hono } from 'hono'
import { NotFoundError } from '../domainErrors.ts'

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

/** The only files of swagger-ui-dist the page needs, with their types. Nothing else of the package is served. */
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Werkplaats API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`

const init = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', validatorUrl: 'none' })\n`

/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document, generated from the zod schemas that validate the
 * requests. `GET /api/docs`: a browsable page (Swagger UI) served from our own copy of its files, so it works
 * on networks without any outside host, and tells no third party it was opened (`validatorUrl: 'none'`).
 */
export function apiDocsRoutes(api: OpenAPIHono): Hono {
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' })
  api.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Werkplaats API',
      version: '1',
      description:
        'Sessions, roles and rooms of Werkplaats. Errors are always `{ "error": "..." }`. Tokens go in ' +
        '`Authorization: Bearer <token>` (HTTP). A WebSocket connects with a single-use `?ticket=` from ' +
        '`POST /api/sessions/{id}/tickets` (what the app does, so no token stands in a URL that proxies log), or ' +
        'with `?token=` (API clients, the stock y-websocket provider).',
    },
  })
  return new Hono()
    .get('/api/docs', (c) => c.html(page))
    .get('/api/docs/init.js', (c) => c.body(init, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/api/docs/assets/:file', async (c) => {
      const file = c.req.param('file')
      const type = assets[file]
      if (!type) throw new NotFoundError('no such file')
      const body = await readFile(join(swaggerUiDir, file))
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' })
    })
}
