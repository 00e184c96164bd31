import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { templateSummarySchema } from '@werkplaats/shared'
import type { TemplateSummary } from '@werkplaats/shared'
import { refuseInvalid } from '../http/validation.ts'
import { json } from './openapiShapes.ts'

const listTemplates = createRoute({
  method: 'get',
  path: '/api/templates',
  summary: 'The workshop templates a session can start from (besides the blank board)',
  responses: { 200: json(z.array(templateSummarySchema), 'Every template of the catalogue.') },
})

/** `GET /api/templates`: the catalogue, for the start page. */
export function templateRoutes(templates: () => TemplateSummary[]): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: refuseInvalid }).openapi(listTemplates, (c) => c.json(templates(), 200))
}
