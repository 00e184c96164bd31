import type { BackgroundGroup, Facet } from '@werkplaats/shared'
import { CleanDocument, cleanParagraphs, readSeed } from './seedText.ts'

/**
 * The four innovation facets of a portfolio, from the OECD Declaration on Public Sector Innovation
 * (000_*.txt, point 9 a–d). The list letter and the list punctuation (`;`) are layout; the names are the
 * facet names of the OPSI facet model, which the clause itself opens with.
 */

const facets = [
  {
    letter: 'a',
    id: 'verbeteringsgericht',
    name: 'Verbeteringsgericht',
    start: 'a) een verbeteringsgericht',
    end: 'verder uit te bouwen;',
  },
  { letter: 'b', id: 'taakgericht', name: 'Taakgericht', start: 'b) een taakgericht', end: 'nieuwe aanpakken;' },
  { letter: 'c', id: 'adaptief', name: 'Adaptief', start: 'c) een adaptieve', end: 'in de maatschappij;' },
  {
    letter: 'd',
    id: 'anticipatief',
    name: 'Anticipatief',
    start: 'd) een anticipatief',
    end: 'problematieken omringen;',
  },
] as const

export function extractFacets(seed = readSeed('000_')): Facet[] {
  const doc = new CleanDocument(cleanParagraphs(seed.split('\n')))
  return facets.map(({ letter, id, name, start, end }) => ({
    id,
    letter,
    name,
    text: doc
      .line(start, end)
      .replace(/^[a-d]\)\s*/, '')
      .replace(/;$/, ''),
  }))
}

/**
 * The Declaration's five principles (part I, A–E), each with its commitments ("We zullen ons inspannen om:"
 * i–v). The heading, letter included, is the section title; the rest of the principle, paragraph by
 * paragraph, is its text. `last` is the closing words of the principle's last commitment.
 */
const principles = [
  { id: 'verklaring-principe-a', heading: 'A. Innovatie te introduceren', last: 'om zijn vruchten af te werpen.' },
  {
    id: 'verklaring-principe-b',
    heading: 'B. Alle ambtenaren te stimuleren',
    last: 'onnodige belemmering dreigen te zijn voor innovatie.',
  },
  { id: 'verklaring-principe-c', heading: 'C. Nieuwe partnerships uitbouwen', last: 'ontstaan om te innoveren.' },
  { id: 'verklaring-principe-d', heading: 'D. Bevorderen van verkenning', last: 'ook kansen bieden om te leren.' },
  {
    id: 'verklaring-principe-e',
    heading: 'E. Verspreiden van geleerde lessen',
    last: 'lopende innovatieprojecten te beoordelen.',
  },
] as const

export function extractDeclaration(seed = readSeed('000_')): BackgroundGroup {
  const doc = new CleanDocument(cleanParagraphs(seed.split('\n')))
  return {
    id: 'verklaring',
    title: doc.line('Verklaring over innovatie in de publieke sector', 'publieke sector'),
    sections: principles.map(({ id, heading, last }) => {
      const [title = '', ...commitments] = doc.passage(heading, last).split('\n\n')
      return { id, title, text: commitments.join('\n\n') }
    }),
  }
}
