import { describe, expect, it } from 'vitest'
import { buildSummary } from './build.ts'
import { fixtureInput, HOSTILE } from './fixture.ts'
import { renderJson } from './json.ts'
import { sessionSummarySchema, summaryJsonSchema, SUMMARY_SCHEMA_VERSION } from './model.ts'

describe('the JSON summary', () => {
  const summary = buildSummary(fixtureInput)

  it('reads back as the same summary, hostile text untouched', () => {
    const parsed = sessionSummarySchema.parse(JSON.parse(renderJson(summary)))
    expect(parsed).toEqual(summary)
    expect(parsed.actionPlan[1]?.action).toBe(HOSTILE.formula)
  })

  it('has a JSON Schema generated from the zod schema', () => {
    const schema = summaryJsonSchema('https://werkplaats.example/api/schemas/summary.json') as {
      $id: string
      $schema: string
      required: string[]
      properties: Record<string, { const?: number }>
    }
    expect(schema.$id).toBe('https://werkplaats.example/api/schemas/summary.json')
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.properties.schemaVersion?.const).toBe(SUMMARY_SCHEMA_VERSION)
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'session', 'voteRounds', 'actionPlan', 'stickyGroups']),
    )
  })
})
