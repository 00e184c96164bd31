import type { Facet } from '@werkplaats/shared'
import { CleanDocument, cleanParagraphs, readSeed } from './seedText.ts'

/**
 * The four innovation facets of a portfolio, from the OECD Declaration on Public Sector Innovation
 * (000_*.txt, point 9 a–d). The list letter and the list punctuation (`;`) are layout; the names are the
 * facet names of the OPSI facet model, which the clause itself opens with.
 */

const facets = [
  { letter: 'a', id: 'verbeteringsgericht', name: 'Verbeteringsgericht', start: 'a) een verbeteringsgericht', end: 'verder uit te bouwen;' },
  { letter: 'b', id: 'taakgericht', name: 'Taakgericht', start: 'b) een taakgericht', end: 'nieuwe aanpakken;' },
  { letter: 'c', id: 'adaptief', name: 'Adaptief', start: 'c) een adaptieve', end: 'in de maatschappij;' },
  { letter: 'd', id: 'anticipatief', name: 'Anticipatief', start: 'd) een anticipatief', end: 'problematieken omringen;' },
] as const

export function extractFacets(seed = readSeed('000_')): Facet[] {
  const doc = new CleanDocument(cleanParagraphs(seed.split('\n')))
  return facets.map(({ letter, id, name, start, end }) => ({
    id,
    letter,
    name,
    text: doc.line(start, end).replace(/^[a-d]\)\s*/, '').replace(/;$/, ''),
  }))
}
