import type { Action, BackgroundGroup, LinkedText, Principle, Section } from '@werkplaats/shared'
import { collapseSpaces, readSeed } from './seedText.ts'

/**
 * Parses Nido's "Iedereen kan innoveren" page (003_*.txt) into the same template shape as the playbook.
 *
 * The page is a web page, one block per line: the six core principles are a numbered list (title, then
 * the principle's text), cases and tools are bulleted label/body blocks, expert tips are quotes followed by
 * their author. The page has no questions of its own, so each principle's text is the statement a team
 * votes "We moeten dit verbeteren!" on. Its tips, cases and tools are not tied to a principle on the page;
 * which principle each one illustrates is our reading, written down in `principles` below.
 */

const seedPrefix = '003_'

class PageLines {
  readonly lines: string[]

  constructor(seed: string) {
    this.lines = seed.split('\n').map((l) => l.trimEnd())
  }

  /** Index of the single line that starts (after indentation and bullet) with `prefix`. */
  indexOf(prefix: string, from = 0): number {
    const hits = this.lines.flatMap((l, i) => (i >= from && unbullet(l).startsWith(prefix) ? [i] : []))
    if (hits.length !== 1) throw new Error(`expected one line starting with "${prefix}", found ${hits.length}`)
    return hits[0] ?? -1
  }

  /** The cleaned text of the line starting with `prefix`. */
  line(prefix: string): string {
    return unbullet(this.lines[this.indexOf(prefix)] ?? '')
  }

  /** Index of the first non-blank line after the one starting with `prefix`. */
  indexAfter(prefix: string): number {
    let i = this.indexOf(prefix) + 1
    while (i < this.lines.length && this.lines[i]?.trim() === '') i++
    return i
  }

  /** The non-blank line after the one starting with `prefix` (a list item's body, a quote's author). */
  after(prefix: string): string {
    return unbullet(this.lines[this.indexAfter(prefix)] ?? '')
  }

  /**
   * Lines from the one starting with `first` to the one starting with `last` (inclusive) as paragraphs:
   * each bullet or unindented line starts a paragraph; the indented lines under a bullet (its body, a
   * numbered or bulleted sub-list) follow on their own line, nested bullets keeping their "•".
   */
  blocks(first: string | number, last: string): string {
    const from = typeof first === 'number' ? first : this.indexOf(first)
    const to = this.indexOf(last, from)
    const blocks: string[][] = []
    for (const raw of this.lines.slice(from, to + 1)) {
      if (raw.trim() === '') continue
      const nested = /^\s{3,}•/.test(raw)
      const startsBlock = blocks.length === 0 || (!nested && (/^\s*•/.test(raw) || /^\S/.test(raw)))
      if (startsBlock) blocks.push([])
      blocks.at(-1)?.push(nested ? `• ${unbullet(raw)}` : unbullet(raw))
    }
    return blocks.map((b) => b.join('\n')).join('\n\n')
  }
}

function unbullet(line: string): string {
  return collapseSpaces(line.replace(/^\s*•\s*/, ''))
}

interface ActionSource {
  /** Start of the tip on the page. */
  line: string
  /** For quotes: the author is the next line. */
  quote?: true
}

interface PrincipleSource {
  id: string
  /** Start of the principle's item in the numbered list, e.g. `1. Zie wat`. */
  item: string
  actions: ActionSource[]
  case?: { title: string; last: string }
  toolkit?: { title: string; first: string; last: string }
}

/** Which tip, case and tool illustrates which principle: our reading of the page (see README). */
const principles: PrincipleSource[] = [
  {
    id: 'zie-wat-niemand-ziet',
    item: '1. Zie wat',
    actions: [{ line: '1. Vrijheid en incentives' }, { line: 'Gedeeld leiderschap' }],
    case: { title: 'Noorwegen – innovatieve cultuur', last: 'Referentie: “An innovative public sector' },
  },
  {
    id: 'echte-gesprekken',
    item: '2. Maak plek',
    actions: [{ line: 'Leg duidelijk uit wat', quote: true }, { line: 'Een cultuur die leren' }],
  },
  {
    id: 'dicht-bij-de-actie',
    item: '3. Doe het dicht',
    actions: [{ line: 'Toestemming vragen kan vertragen', quote: true }, { line: 'Burgers en gebruikers betrekken' }],
    case: { title: 'Gemeentelijke hackathons in Zweden', last: 'Referentie: “Innovation Leadership with Mentors' },
  },
  {
    id: 'klein-testen-snel-bijsturen',
    item: '4. Klein testen',
    actions: [{ line: 'Rol van leiderschap:' }],
    case: { title: 'Innovation Fellowships', last: 'Referentie: “Collaborative competences' },
    toolkit: {
      title: 'Competency Framework for Experimental Problem Solving',
      first: 'Wat is het? Een kader voor de overheid',
      last: 'Bron: Competency Framework',
    },
  },
  {
    id: 'leid-met-empathie',
    item: '5. Leid met empathie',
    actions: [{ line: 'Leiders die onzekerheid' }],
    case: {
      title: 'Innovatie-leiderschap in de publieke gezondheidszorg',
      last: 'Referentie: “Innovation leadership perspective',
    },
    toolkit: {
      title: 'OESO – Playbook voor innovatie',
      first: 'Wat is het? Een praktisch playbook',
      last: 'Bron: Innovation Playbook',
    },
  },
  {
    id: 'leer-netwerk',
    item: '6. Bouw je leer-netwerk',
    actions: [
      { line: '3. Nieuwe vormen van samenwerking' },
      { line: '2. Vaardigheden en cultuur' },
      { line: 'Innovatie hoort in het federale competentiemodel', quote: true },
    ],
    toolkit: { title: 'Partners', first: 'Organisaties die je kunnen begeleiden', last: 'States of Change (Nesta) –' },
  },
]

function action(page: PageLines, source: ActionSource, id: string): Action {
  // Numbered sub-list items ("1. Vrijheid …") are tips in their own right; the number is list layout.
  const text = page.line(source.line).replace(/^\d+\.\s+/, '')
  return source.quote ? { id, text, attribution: page.after(source.line) } : { id, text }
}

function caseStudy(page: PageLines, title: string, last: string): LinkedText {
  return { title: page.line(title), text: page.blocks(page.indexAfter(title), last), links: [] }
}

function principle(page: PageLines, source: PrincipleSource, number: number): Principle {
  const title = page.line(source.item).replace(/^\d+\.\s+/, '')
  const statement = page.after(source.item)
  const playId = `${source.id}-tips`
  return {
    id: source.id,
    number,
    title,
    summary: statement,
    dimensions: [],
    challengeQuestions: [],
    assessmentQuestions: [{ id: `${source.id}-vraag`, text: statement, playId }],
    plays: [
      {
        id: playId,
        title,
        question: statement,
        actions: source.actions.map((a, i) => action(page, a, `${playId}-${i + 1}`)),
        ...(source.case ? { case: caseStudy(page, source.case.title, source.case.last) } : {}),
        ...(source.toolkit
          ? {
              toolkit: {
                title: page.line(source.toolkit.title),
                text: page.blocks(source.toolkit.first, source.toolkit.last),
                links: [],
              },
            }
          : {}),
      },
    ],
  }
}

export interface NidoContent {
  intro: Section[]
  principles: Principle[]
  background: BackgroundGroup[]
}

export function extractIedereenKanInnoveren(seed = readSeed(seedPrefix)): NidoContent {
  const page = new PageLines(seed)
  const qa = (id: string, question: string, last: string): Section => ({
    id,
    title: page.line(question),
    text: page.blocks(page.indexAfter(question), last),
  })
  return {
    intro: [
      {
        id: 'iedereen-kan-innoveren',
        title: page.line('Iedereen kan innoveren!'),
        text: [
          page.line('Ontdek de kracht'),
          page.line('Innovatie stimuleren en uitvoeren'),
          page.line('Onze overtuiging'),
        ].join('\n\n'),
      },
      { id: 'wat-bedoelen-we', title: page.line('Wat bedoelen we met'), text: page.line('Innovatie die vertrekt van') },
      { id: 'kernprincipes', title: page.line('6 kernprincipes'), text: page.line('Zo maak je van je team') },
      {
        id: 'tips',
        title: page.line('Tips om innovatieve vaardigheden'),
        text: page.line('Innovatie ontstaat uit durf'),
      },
    ],
    principles: principles.map((p, i) => principle(page, p, i + 1)),
    background: [
      {
        id: 'vragen-en-antwoorden',
        title: page.line('Vragen en antwoorden'),
        sections: [
          qa('innovatie-doelen', 'Moeten we “innovatie-doelen”', 'Conclusie: ja'),
          qa('gemeenschappelijke-definitie', 'Is een gemeenschappelijke definitie', 'Antwoord van Angela'),
        ],
      },
    ],
  }
}
