import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildTemplates } from '../scripts/templates.ts'
import { templatesDir } from '../src/index.ts'

describe('templates/*.json', () => {
  it('are exactly what the extraction makes of the seeds (no hand edits drift from the script)', () => {
    for (const template of buildTemplates()) {
      const committed: unknown = JSON.parse(readFileSync(join(templatesDir, `${template.id}.json`), 'utf8'))
      expect(committed, `${template.id}.json: run node scripts/build-templates.ts`).toEqual(
        JSON.parse(JSON.stringify(template)),
      )
    }
  })
})
