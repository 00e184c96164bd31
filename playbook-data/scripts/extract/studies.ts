import type { BackgroundGroup, Section } from '@werkplaats/shared'
import { CleanDocument, cleanParagraphs, readSeed } from './seedText.ts'

/**
 * The two Dutch studies on innovation in central government (002_*.txt and 004_*.txt), as background for
 * the facilitator: each study's short summary, key findings and recommendations, under the headings the
 * summaries print. The seeds give neither a title nor a publisher, so the group titles are ours and say
 * which study it is; every section title and text is the published one.
 */

interface StudySource {
  prefix: string
  id: string
  /** Ours: the seed has only "Korte samenvatting van het onderzoek". */
  title: string
  sections: {
    id: string
    heading: string
    first: string
    last: string
    /** Theme headings the extraction glued to their paragraph's first sentence; they get a line of their own. */
    themes?: readonly string[]
  }[]
}

const studies: StudySource[] = [
  {
    prefix: '002_',
    id: 'onderzoek-vernieuwing',
    title: 'Onderzoek: vernieuwing in de uitvoering van de Rijksoverheid',
    sections: [
      {
        id: 'vernieuwing-samenvatting',
        heading: 'Korte samenvatting van het onderzoek',
        first: 'De uitvoering binnen de Rijksoverheid',
        last: 'buitenlandse succescasussen.',
      },
      {
        id: 'vernieuwing-uitkomsten',
        heading: 'Belangrijkste uitkomsten/conclusies',
        first: 'Er is aandacht nodig',
        last: 'samenwerkt met externe partners.',
      },
      {
        id: 'vernieuwing-aanbevelingen',
        heading: 'Aanbevelingen en tips',
        first: 'Op deze elementen',
        last: 'nog voordat zich incidenten voordoen.',
      },
    ],
  },
  {
    prefix: '004_',
    id: 'onderzoek-innovatiebarometer',
    title: 'Onderzoek: Innovatiebarometer bij publieke dienstverleners',
    sections: [
      {
        id: 'innovatiebarometer-samenvatting',
        heading: 'Korte samenvatting van het onderzoek',
        first: 'Het onderzoek naar innovaties',
        last: 'beleid, staf, bedrijfsvoering).',
      },
      {
        id: 'innovatiebarometer-uitkomsten',
        heading: 'Belangrijkste uitkomsten/conclusies',
        first: 'Krachtig innovatieklimaat',
        last: 'innovatieve organisatie gelegd.',
        themes: [
          'Krachtig innovatieklimaat',
          'Frequentie van innovaties',
          'Samenwerking en inspiratie',
          'Organisatiecultuur',
        ],
      },
      {
        id: 'innovatiebarometer-aanbevelingen',
        heading: 'Aanbevelingen en tips',
        first: 'Het stimuleren van innovatie',
        last: 'de organisatie naartoe moet.',
      },
    ],
  },
]

/** `• ` list markers are layout: each finding stays a paragraph of its own. */
function unbullet(paragraph: string): string {
  return paragraph.replace(/^•\s+/, '')
}

function extractStudy(study: StudySource, seed: string): BackgroundGroup {
  const doc = new CleanDocument(cleanParagraphs(seed.split('\n')))
  const sections: Section[] = study.sections.map(({ id, heading, first, last, themes = [] }) => {
    const title = doc.line(heading, heading)
    let text = doc.passage(first, last).split('\n\n').map(unbullet).join('\n\n')
    for (const theme of themes) {
      const split = text.replace(new RegExp(`(^|\\n)${theme} `), `$1${theme}\n`)
      if (split === text) throw new Error(`theme heading not found at the start of a paragraph: "${theme}"`)
      text = split
    }
    return { id, title, text }
  })
  return { id: study.id, title: study.title, sections }
}

export function extractStudies(read: (prefix: string) => string = readSeed): BackgroundGroup[] {
  return studies.map((study) => extractStudy(study, read(study.prefix)))
}
