/**
 * The shipped templates, built from the seed documents in sources/ and our authored agendas. The JSON in
 * templates/ is exactly what this produces (a test holds it to that).
 */
import type { Template } from '@werkplaats/shared'
import { nidoAgenda } from './authored/nidoAgenda.ts'
import { oecdAgenda } from './authored/oecdAgenda.ts'
import { extractDeclaration, extractFacets } from './extract/declaration.ts'
import { extractIedereenKanInnoveren } from './extract/nidoInnovatie.ts'
import { extractOecdPlaybook } from './extract/oecdPlaybook.ts'
import { extractStudies } from './extract/studies.ts'

export function oecdTemplate(): Template {
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
    // The Declaration the playbook puts into practice, and the two studies behind it, for the facilitator.
    background: [extractDeclaration(), ...extractStudies()],
    agenda: oecdAgenda,
  }
}

export function nidoTemplate(): Template {
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

export function buildTemplates(): Template[] {
  return [oecdTemplate(), nidoTemplate()]
}
