import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  contentDisposition,
  exportFileName,
  sessionIdSchema,
  summaryJsonSchema,
  summaryLanguages,
} from '@werkplaats/shared'
import type { Context } from 'hono'
import type { ExportService } from '../exports/exportService.ts'
import type { ExportFormat } from '../exports/renderers.ts'
import { acceptsGzip } from '../http/contentEncoding.ts'
import { grantCheck } from '../http/requireGrant.ts'
import { refuseInvalid } from '../http/validation.ts'
import type { SessionService } from '../sessions/sessionService.ts'
import { BEARER, errors } from './openapiShapes.ts'

interface Format {
  extension: ExportFormat
  contentType: string
  what: string
}

/** One entry per download; the route, its OpenAPI description and its handler all follow from it. */
const formats: Format[] = [
  { extension: 'md', contentType: 'text/markdown; charset=utf-8', what: 'Markdown for a wiki, GitHub or GitLab' },
  {
    extension: 'csv',
    // `header=present` (RFC 4180): the first row names the columns.
    contentType: 'text/csv; charset=utf-8; header=present',
    what: 'CSV, one row per item, UTF-8 with BOM (`;` for Dutch, `,` for English)',
  },
  {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    what: 'the summary model as JSON (see /api/schemas/summary.json)',
  },
  { extension: 'pdf', contentType: 'application/pdf', what: 'an A4 PDF report' },
]

const exportQuery = z.object({
  /** The facilitator's choice to put participants' names in the summary. */
  names: z.enum(['true', 'false']).default('false'),
  lang: z.enum(summaryLanguages).default('nl'),
})

const exportRoute = (format: Format) =>
  createRoute({
    method: 'get',
    path: `/api/sessions/{id}/export.${format.extension}`,
    summary: `The session summary as ${format.what} (facilitator; others when the facilitator allows it)`,
    security: BEARER,
    request: { params: z.object({ id: sessionIdSchema }), query: exportQuery },
    responses: {
      200: {
        description:
          "The summary, as an attachment named after the session's title and date; gzip-compressed (`Content-Encoding: gzip`) when the request's `Accept-Encoding` takes it.",
        headers: {
          'Content-Disposition': { schema: { type: 'string' } },
          'Content-Encoding': { schema: { type: 'string', enum: ['gzip'] } },
        },
        content: {
          [format.contentType.split(';')[0] as string]: {
            schema: format.extension === 'pdf' ? { type: 'string', format: 'binary' } : { type: 'string' },
          },
        },
      },
      ...errors(400, 401, 403, 404, 503),
    },
  })

const schemaRoute = createRoute({
  method: 'get',
  path: '/api/schemas/summary.json',
  summary: 'The JSON Schema of the summary (export.json), generated from the same zod schema',
  responses: {
    200: {
      description: 'JSON Schema, draft 2020-12.',
      content: { 'application/schema+json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
})

/**
 * Downloads of the session summary. Who may download, and whether names go in, is the export service's call;
 * this module picks the format and names the file.
 */
export function exportRoutes(
  sessions: SessionService,
  exports: ExportService,
  origin: (c: Context) => string,
): OpenAPIHono {
  const app = new OpenAPIHono({ defaultHook: refuseInvalid })
  const requireGrant = grantCheck(sessions)
  for (const format of formats) {
    app.openapi({ ...exportRoute(format), middleware: requireGrant() }, async (c) => {
      const { names, lang } = c.req.valid('query')
      const { session, body, contentEncoding } = await exports.export(c.var.grant, format.extension, {
        includeNames: names === 'true',
        language: lang,
        contentEncoding: acceptsGzip(c.req.header('accept-encoding')) ? 'gzip' : 'identity',
      })
      const name = exportFileName(session.title, session.date, format.extension)
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': format.contentType,
        ...(contentEncoding === 'gzip' ? { 'Content-Encoding': 'gzip' } : {}),
        Vary: 'Accept-Encoding',
        'Content-Disposition': contentDisposition(name),
        // The summary holds what the session's people wrote: no shared cache may keep it.
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      })
    })
  }
  app.openapi(schemaRoute, (c) =>
    c.json(summaryJsonSchema(`${origin(c)}/api/schemas/summary.json`), 200, {
      'Content-Type': 'application/schema+json; charset=utf-8',
    }),
  )
  return app
}
