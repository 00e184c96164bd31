/**
 * Writes templates/*.json from the seed documents in sources/ and our authored agendas.
 *
 *   node scripts/build-templates.ts          write the JSON files
 *   node scripts/build-templates.ts --check  fail if a committed file differs from what the seeds give
 *
 * The JSON files are the product artefact and are committed; this script is how they were made, so a
 * reviewer can see every cleaning rule and judgement call (extract/oecdOutline.ts) instead of trusting a
 * hand-edited file.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { templatesDir } from '../src/templateCatalog.ts'
import { validateTemplate } from '../src/validateTemplate.ts'
import { buildTemplates } from './templates.ts'

function templateJson(template: unknown): string {
  return JSON.stringify(template, null, 2) + '\n'
}

const check = process.argv.includes('--check')
let stale = 0
for (const template of buildTemplates()) {
  const fileName = `${template.id}.json`
  validateTemplate(template, fileName)
  const json = templateJson(template)
  const path = join(templatesDir, fileName)
  if (check) {
    let current = ''
    try {
      current = readFileSync(path, 'utf8')
    } catch {
      // No file yet: it is out of date by definition.
    }
    if (current !== json) {
      stale++
      console.error(`${fileName} is out of date with the seeds; run node scripts/build-templates.ts`)
    }
  } else {
    writeFileSync(path, json)
    console.log(`wrote ${fileName}`)
  }
}
if (stale > 0) process.exit(1)
