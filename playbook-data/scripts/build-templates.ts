/**
 * Builds templates/*.json from the seed documents in sources/ and our authored agendas.
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
import type { Template } from '@werkplaats/shared'
import { templatesDir } from '../src/templateCatalog.ts'
import { validateTemplate } from '../src/validateTemplate.ts'
import { nidoAgenda } from './authored/nidoAgenda.ts'
import { oecdAgenda } from './authored/oecdAgenda.ts'
import { extractFacets } from './extract/declaration.ts'
import { extractIedereenKanInnoveren } from './extract/nidoInnovatie.ts'
import { extractOecdPlaybook } from './extract/oecdPlaybook.ts'

function oecdTemplate(): Template {
  const content = extractOecdPlaybook()
  return {
    schemaVersion: 1,
    id: 'oecd-innovatie-playbook',
    title: 'Innovatie Playbook',
    language: 'nl',
    // The seed names no publication year for the Dutch playbook, so none is given.
    source: { title: 'Innovatie Playbook', publisher: 'OESO – Observatory of Public Sector Innovation (OPSI)' },
    intro: content.intro,
    journey: content.journey,
    principles: content.principles,
    facets: extractFacets(),
    background: [],
    agenda: oecdAgenda,
  }
}

function nidoTemplate(): Template {
  const content = extractIedereenKanInnoveren()
  return {
    schemaVersion: 1,
    id: 'iedereen-kan-innoveren',
    title: 'Iedereen kan innoveren',
    language: 'nl',
    source: { title: 'Iedereen kan innoveren', publisher: 'Nido, innovatielab van de Belgische federale overheid' },
    intro: content.intro,
    journey: [],
    principles: content.principles,
    facets: [],
    background: content.background,
    agenda: nidoAgenda,
  }
}

const check = process.argv.includes('--check')
let stale = 0
for (const build of [oecdTemplate, nidoTemplate]) {
  const template = build()
  const fileName = `${template.id}.json`
  validateTemplate(template, fileName)
  const json = JSON.stringify(template, null, 2) + '\n'
  const path = join(templatesDir, fileName)
  if (check) {
    let current = ''
    try {
      current = readFileSync(path, 'utf8')
    } catch {}
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
