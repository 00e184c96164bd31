import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { type Template, templateIdSchema, templateSchema, templateSummarySchema } from '@werkplaats/shared'
import type { TemplateSummary } from '@werkplaats/shared'
import { NotFoundError } from '../domainErrors.ts'
import { refuseInvalid } from '../http/validation.ts'
import { errors, json } from './openapiShapes.ts'

const listTemplates = createRoute({
  method: 'get',
  path: '/api/templates',
  summary: 'The workshop templates a session can start from (besides the blank board)',
  responses: { 200: json(z.array(templateSummarySchema), 'Every template of the catalogue.') },
})

const getTemplate = createRoute({
  method: 'get',
  path: '/api/templates/{id}',
  summary: 'One template whole: its content and agenda, from which every client lays out the board',
  request: { params: z.object({ id: templateIdSchema }) },
  responses: { 200: json(templateSchema, 'The template.'), ...errors(400, 404) },
})

/**
 * `GET /api/templates`: the catalogue, for the start page. `GET /api/templates/:id`: one template, from which
 * each client derives the template layer of the board (it is never stored in a room). Templates are public
 * content, so neither needs a token.
 */
export function templateRoutes(
  templates: () => TemplateSummary[],
  template: (id: string) => Template | undefined,
): OpenAPIHono {
  return new OpenAPIHono({ defaultHook: refuseInvalid })
    .openapi(listTemplates, (c) => c.json(templates(), 200))
    .openapi(getTemplate, (c) => {
      const found = template(c.req.valid('param').id)
      if (!found) throw new NotFoundError('no such template')
      return c.json(found, 200)
    })
}
