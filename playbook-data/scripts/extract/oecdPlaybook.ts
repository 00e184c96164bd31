import type { LinkedText, Play, Principle, Section } from '@werkplaats/shared'
import { oecdPrinciples } from './oecdOutline.ts'
import type { PlayOutline, PrincipleOutline } from './oecdOutline.ts'
import {
  CleanDocument,
  cleanParagraphs,
  isLinkLine,
  isPageFooter,
  joinLines,
  linkTarget,
  readSeed,
} from './seedText.ts'

/**
 * Parses the OECD/OPSI Innovatie Playbook seed (001_*.txt) into template content.
 *
 * The play pages are regular enough to parse: each play ends with the run of link lines of its page, and
 * has one heading (title + question in capitals) right above "HEB JE DIT AL GEPROBEERD?", "O" bullets for
 * its actions, and a PRAKTIJKVOORBEELD and a TOOLKIT block in either order. The rest (dimensions, why,
 * assessment questions, intro) is taken by anchors from oecdOutline.ts.
 */

const seedPrefix = '001_'
const tried = 'HEB JE DIT AL GEPROBEERD?'
const blockHeadings = new Set(['PRAKTIJKVOORBEELD', 'TOOLKIT', 'HOE VERBETEREN WE', tried])

interface Segment {
  lines: string[]
  links: string[]
}

/** Seed lines without page footers and "Terug naar Vragen om te stellen" navigation (which ends a paragraph). */
function layoutFreeLines(seed: string): string[] {
  return seed.split('\n').flatMap((line) => {
    if (isPageFooter(line)) return ['']
    const back = /\s*Terug naar Vragen om te stellen\s*$/.exec(line)
    if (back) return [line.slice(0, back.index), '']
    return [line]
  })
}

/** Pages end in a run of link lines or a "Kies een andere uitdaging" button: each play is one segment. */
function segments(lines: readonly string[]): Segment[] {
  const out: Segment[] = []
  let current: Segment = { lines: [], links: [] }
  for (const line of lines) {
    if (isLinkLine(line)) {
      current.links.push(linkTarget(line))
      continue
    }
    const endsByLinks = current.links.length > 0 && line.trim() !== ''
    const endsByButton = line.trim() === 'Kies een andere uitdaging'
    if (endsByLinks || endsByButton) {
      out.push(current)
      current = { lines: [], links: [] }
      if (endsByButton) continue
    }
    current.lines.push(line)
  }
  out.push(current)
  return out
}

function isCapitals(line: string): boolean {
  const text = line.replace(/\uFFFD/g, ' ').trim()
  return text !== '' && !/\p{Ll}/u.test(text)
}

/** Title and question: the lines in capitals directly above "HEB JE DIT AL GEPROBEERD?". */
function heading(lines: readonly string[]): string {
  const at = lines.findIndex((l) => l.trim() === tried)
  let i = at - 1
  while (i >= 0 && lines[i]?.trim() === '') i--
  const block: string[] = []
  for (; i >= 0 && isCapitals(lines[i] ?? ''); i--) block.unshift(lines[i] ?? '')
  return joinLines(block)
}

/** "O" bullets: a bullet line and its continuation lines (which start at the margin). */
function actions(lines: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const first = /^\s*O\s+(.*)$/.exec(lines[i] ?? '')
    if (!first) continue
    const bullet = [first[1] ?? '']
    while (i + 1 < lines.length && /^\S/.test(lines[i + 1] ?? '')) bullet.push(lines[++i] ?? '')
    out.push(joinLines(bullet))
  }
  return out
}

/** The text under a block heading: from the first line after it to a blank line or the next heading. */
function block(lines: readonly string[], label: string): string {
  const at = lines.findIndex((l) => l.trim() === label)
  if (at < 0) throw new Error(`no ${label} block`)
  if (lines.findIndex((l, i) => i > at && l.trim() === label) >= 0) throw new Error(`two ${label} blocks`)
  let i = at + 1
  while (i < lines.length && lines[i]?.trim() === '') i++
  const body: string[] = []
  for (; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '' || blockHeadings.has(line.trim())) break
    body.push(line)
  }
  return joinLines(body)
}

function play(segment: Segment, outline: PlayOutline): Play {
  const head = heading(segment.lines)
  if (!head.startsWith(outline.title + ' '))
    throw new Error(`play ${outline.id}: heading "${head}" does not start with its title`)
  const links = [...new Set(segment.links)]
  if (links.length !== outline.links.length) {
    throw new Error(
      `play ${outline.id}: ${links.length} distinct links, outline assigns ${outline.links.length}: ${links.join(' ')}`,
    )
  }
  const linksOf = (kind: 'C' | 'T'): string[] => links.filter((_, i) => outline.links[i] === kind)
  const linked = (label: string, kind: 'C' | 'T'): LinkedText => ({
    text: block(segment.lines, label),
    links: linksOf(kind),
  })
  return {
    id: outline.id,
    title: outline.title,
    question: head.slice(outline.title.length).trim(),
    actions: actions(segment.lines).map((text, i) => ({ id: `${outline.id}-${i + 1}`, text })),
    case: linked('PRAKTIJKVOORBEELD', 'C'),
    toolkit: linked('TOOLKIT', 'T'),
  }
}

/** The "Hoe kunnen we …?" questions of each principle's start page, which ends in "Begin je reis". */
function challengeQuestions(doc: CleanDocument): string[][] {
  const ends = doc.findAll('Begin je reis')
  let from = doc.find('Gebruik de vragen om te bepalen welk principe').end
  return ends.map((end) => {
    const region = doc.text.slice(from, end.start)
    from = end.end
    return [...region.matchAll(/Hoe kunnen we[^?]*\?/g)].map((m) => m[0].replace(/\s+/g, ' '))
  })
}

function principle(
  doc: CleanDocument,
  outline: PrincipleOutline,
  number: number,
  playSegments: Segment[],
  challenges: string[],
): Principle {
  if (doc.findAll(outline.title).length === 0) fail(`principle title not in seed: ${outline.title}`)
  return {
    id: outline.id,
    number,
    title: outline.title,
    dimensions: outline.dimensions.map(([start, end]) => doc.line(start, end)),
    why: doc.passage(...outline.why),
    challengeQuestions: challenges,
    assessmentQuestions: outline.questions.map((q) => ({
      id: `${q.playId}-vraag`,
      text: doc.question(q.anchor),
      playId: q.playId,
    })),
    plays: outline.plays.map((p, i) => play(playSegments[i] ?? fail(`no segment for play ${p.id}`), p)),
  }
}

function fail(message: string): never {
  throw new Error(message)
}

export interface OecdContent {
  intro: Section[]
  journey: Section[]
  principles: Principle[]
}

export function extractOecdPlaybook(seed = readSeed(seedPrefix)): OecdContent {
  const lines = layoutFreeLines(seed)
  const doc = new CleanDocument(cleanParagraphs(lines.filter((l) => !isLinkLine(l))))
  const plays = segments(lines).filter((s) => s.lines.some((l) => l.trim() === tried))
  const challenges = challengeQuestions(doc)

  let next = 0
  const principles = oecdPrinciples.map((outline, i) => {
    const own = plays.slice(next, next + outline.plays.length)
    next += outline.plays.length
    return principle(doc, outline, i + 1, own, challenges[i] ?? [])
  })
  if (next !== plays.length) throw new Error(`seed has ${plays.length} plays, outline ${next}`)

  const labelled = (label: string, start: string, end: string): string => `${label}\n${doc.passage(start, end)}`
  const assessHelp = doc.passage('Gebruik deze vragen om een stand van zaken', 'huidige situatie te verbeteren.', 0)
  return {
    intro: [
      { id: 'inleiding', title: 'INLEIDING', text: doc.passage('Sinds de lancering', 'OPSI Case Studies Database.') },
      {
        id: 'co-creatie-en-experimenten',
        title: doc.line('PLAYBOOK CO-CREATIE', 'EXPERIMENTEN'),
        text: [
          doc.passage('De opzet van het Playbook', 'dagelijkse praktijk.'),
          labelled('TOEGANKELIJK', 'Gebruikt eenvoudige taal', 'de uitdagingen van de gebruikers'),
          labelled('UITVOERBAAR', 'Biedt concreet advies', 'actie te ondernemen'),
          labelled(doc.line('GERICHT OP DE', 'GEBRUIKER'), 'Gebouwd om in te spelen', '(empathisch)'),
        ].join('\n\n'),
      },
      {
        id: 'met-jouw-teams',
        title: doc.line('PAS HET PLAYBOOK TOE MET', 'JOUW TEAMS!'),
        text: doc.passage('Organiseer een gezamenlijke workshop', 'ervaring te blijven verbeteren.'),
      },
      {
        id: 'hoe-te-gebruiken',
        title: doc.line('HOE DIT PLAYBOOK TE GEBRUIKEN', 'GEBRUIKEN'),
        text: doc.passage('Dit Playbook nodigt je uit', 'die je wilt oplossen.'),
      },
    ],
    journey: [
      {
        id: 'startpunt',
        title: doc.line('STARTPUNT:', 'WIL AANPAKKEN?'),
        text: [
          doc.passage('Je kunt de aanleidingvragen', 'aansluit bij jouw uitdagingen.'),
          doc.passage('De volgende vragen laten', 'jouw uitdagingen aan te pakken.'),
        ].join('\n\n'),
      },
      {
        id: 'kaderen',
        title: doc.line('DE SITUATIE KADEREN:', 'WAAR STA JE NU?'),
        text: [doc.passage('Je maakt kennis met het relevante principe', 'moet ingrijpen.'), assessHelp].join('\n\n'),
      },
      {
        id: 'verbeteren',
        title: doc.line('VERANDERING BEWERKSTELLIGEN:', 'SITUATIE VERBETEREN'),
        text: doc.passage('Het Playbook geeft je een reeks acties', 'instrument dat je kunt gebruiken.'),
      },
    ],
    principles,
  }
}
