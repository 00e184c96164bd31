import { describe, expect, it } from 'vitest'
import type { Template } from '@werkplaats/shared'
import { getTemplate } from '../src/index.ts'
import { FoldedSeed, fold, paragraphs, readSeed } from './fold.ts'

const playbook = new FoldedSeed(readSeed('001_'))
const declaration = new FoldedSeed(readSeed('000_'))
const studies = { vernieuwing: new FoldedSeed(readSeed('002_')), innovatiebarometer: new FoldedSeed(readSeed('004_')) }

function template(): Template {
  const t = getTemplate('oecd-innovatie-playbook')
  if (!t) throw new Error('template oecd-innovatie-playbook not found')
  return t
}

const principles = () => template().principles
const plays = () => principles().flatMap((p) => p.plays)

describe('OECD Innovatie Playbook template: structure', () => {
  it('has the metadata of a Dutch template', () => {
    const t = template()
    expect(t.language).toBe('nl')
    expect(t.source.title).toBe('Innovatie Playbook')
    expect(t.journey.map((s) => s.id)).toEqual(['startpunt', 'kaderen', 'verbeteren'])
    expect(t.journey.map((s) => s.title)).toEqual([
      'STARTPUNT: WAT ZIJN DE UITDAGINGEN DIE JE WIL AANPAKKEN?',
      'DE SITUATIE KADEREN: WAAR STA JE NU?',
      'VERANDERING BEWERKSTELLIGEN: HOE KAN JE DE SITUATIE VERBETEREN',
    ])
    expect(t.intro.map((s) => s.title)).toContain('INLEIDING')
    expect(t.intro.map((s) => s.title)).toContain('HOE DIT PLAYBOOK TE GEBRUIKEN')
  })

  it('has the five principles numbered 1–5', () => {
    expect(principles().map((p) => p.number)).toEqual([1, 2, 3, 4, 5])
  })

  it('has 5, 5, 5, 4 and 4 dimensions', () => {
    expect(principles().map((p) => p.dimensions.length)).toEqual([5, 5, 5, 4, 4])
  })

  it('has 6, 4, 4, 4 and 5 challenge questions, each a "Hoe kunnen we …?"', () => {
    expect(principles().map((p) => p.challengeQuestions.length)).toEqual([6, 4, 4, 4, 5])
    for (const q of principles().flatMap((p) => p.challengeQuestions)) expect(q).toMatch(/^Hoe kunnen we .+\?$/)
  })

  it('has 6, 6, 7, 4 and 7 assessment questions', () => {
    expect(principles().map((p) => p.assessmentQuestions.length)).toEqual([6, 6, 7, 4, 7])
  })

  it('has 30 plays with 167 actions in all', () => {
    expect(plays()).toHaveLength(30)
    expect(plays().reduce((n, p) => n + p.actions.length, 0)).toBe(167)
  })

  it('gives every play a question, a praktijkvoorbeeld and a toolkit', () => {
    for (const play of plays()) {
      expect(play.question, play.id).toMatch(/\?$/)
      expect(play.case?.text, play.id).toBeTruthy()
      expect(play.toolkit?.text, play.id).toBeTruthy()
    }
  })

  it('leads every assessment question to exactly one play of its own principle, and reaches every play once', () => {
    for (const p of principles()) {
      const own = new Set(p.plays.map((play) => play.id))
      for (const q of p.assessmentQuestions) expect(own.has(q.playId), `${p.id}: ${q.text}`).toBe(true)
      const reached = p.assessmentQuestions.map((q) => q.playId).sort()
      expect(reached).toEqual([...own].sort())
    }
  })

  it('has the four innovation facets of the Declaration (point 9 a–d)', () => {
    const facets = template().facets
    expect(facets.map((f) => f.letter)).toEqual(['a', 'b', 'c', 'd'])
    expect(facets.map((f) => f.name)).toEqual(['Verbeteringsgericht', 'Taakgericht', 'Adaptief', 'Anticipatief'])
    expect(declaration.missing(facets.map((f) => f.text))).toEqual([])
  })

  it('has the six workshop stages with a facilitator guide each', () => {
    const agenda = template().agenda
    expect(agenda.map((s) => s.id)).toEqual(['welkom', 'startpunt', 'kaderen', 'verbeteren', 'actieplan', 'afsluiting'])
    expect(agenda.map((s) => s.kind)).toEqual(['welcome', 'challenges', 'assess', 'improve', 'action-plan', 'closing'])
    for (const stage of agenda) expect(stage.facilitatorGuide.length, stage.id).toBeGreaterThan(400)
    // What each stage's frame shows, as the authored agenda (`scripts/authored/`) lays it out; every stage has a place to write.
    expect(agenda.map((s) => s.shows)).toEqual([
      ['intro', 'journey'],
      ['principles'],
      ['principle-details', 'assessment-questions'],
      ['plays'],
      [],
      [],
    ])
    for (const stage of agenda) expect(stage.writingZone?.label, stage.id).toBeTruthy()
  })
})

describe('OECD Innovatie Playbook template: text is the published text', () => {
  it('has principle titles, dimensions, why-texts and questions as in the seed', () => {
    expect(playbook.missing(principles().map((p) => p.title))).toEqual([])
    expect(playbook.missing(principles().flatMap((p) => p.dimensions))).toEqual([])
    expect(playbook.missing(principles().map((p) => p.why ?? ''))).toEqual([])
    expect(playbook.missing(principles().flatMap((p) => p.challengeQuestions))).toEqual([])
    expect(playbook.missing(principles().flatMap((p) => p.assessmentQuestions.map((q) => q.text)))).toEqual([])
  })

  it('has play titles, questions and actions as in the seed', () => {
    expect(playbook.missing(plays().map((p) => p.title))).toEqual([])
    expect(playbook.missing(plays().map((p) => p.question))).toEqual([])
    expect(playbook.missing(plays().flatMap((p) => p.actions.map((a) => a.text)))).toEqual([])
  })

  it('has every action as one whole bullet, in the order of the seed', () => {
    for (const play of plays()) {
      const positions = play.actions.map((a) => playbook.text.indexOf(fold(a.text)))
      expect(positions, play.id).toEqual([...positions].sort((a, b) => a - b))
      // A whole bullet starts with a capital (or a lowercase word the seed itself starts it with) and never
      // swallows the next bullet's marker.
      for (const a of play.actions) expect(a.text, a.id).not.toMatch(/\sO\s+\p{Lu}/u)
    }
  })

  it('has praktijkvoorbeeld and toolkit texts as in the seed', () => {
    expect(playbook.missing(plays().map((p) => p.case?.text ?? ''))).toEqual([])
    expect(playbook.missing(plays().map((p) => p.toolkit?.text ?? ''))).toEqual([])
  })

  it('has intro and journey texts as in the seed', () => {
    const sections = [...template().intro, ...template().journey]
    expect(playbook.missing(sections.map((s) => s.title))).toEqual([])
    expect(playbook.missing(sections.flatMap((s) => paragraphs(s.text)))).toEqual([])
  })

  it('has no extraction artefacts left in the published content', () => {
    const json = JSON.stringify({ ...template(), agenda: [] })
    expect(json).not.toContain('\uFFFD')
    expect(json).not.toContain('mailto:')
    expect(json).not.toContain('?subject=')
    expect(json).not.toMatch(/INNOVATIE PLAYBOOK {2}\|/)
    expect(json).not.toContain('Terug naar Vragen')
    expect(json).not.toContain('We moeten dit verbeteren!')
    expect(json).not.toContain('HEB JE DIT AL GEPROBEERD')
  })

  it('has only absolute https links, each one found in the seed', () => {
    const seed = readSeed('001_')
    const links = plays().flatMap((p) => [...(p.case?.links ?? []), ...(p.toolkit?.links ?? [])])
    expect(links.length).toBeGreaterThanOrEqual(60)
    for (const link of links) {
      expect(new URL(link).protocol, link).toBe('https:')
      // Published either as is, or as http:// (upgraded on extraction).
      expect(seed.includes(link) || seed.includes(link.replace(/^https:/, 'http:')), link).toBe(true)
    }
  })

  it('keeps case and toolkit links apart', () => {
    const byId = new Map(plays().map((p) => [p.id, p]))
    expect(byId.get('vertrouwen-in-leiderschap')?.case?.links).toEqual(['https://vm.fi/en/public-sector-innovations'])
    expect(byId.get('relevante-stakeholders')?.toolkit?.links).toEqual([
      'https://oecd-opsi.org/toolkits/the-partnerships-analysis-tool/',
    ])
    expect(byId.get('evaluatie-en-meting')?.case?.links).toHaveLength(14)
  })
})

describe('OECD Innovatie Playbook template: background', () => {
  const background = () => template().background
  const group = (id: string) => {
    const found = background().find((g) => g.id === id)
    if (!found) throw new Error(`background group ${id} not found`)
    return found
  }
  const sectionText = (groupId: string, sectionId: string) =>
    group(groupId).sections.find((s) => s.id === sectionId)?.text ?? ''

  it('has the Declaration and the two studies as background groups', () => {
    expect(background().map((g) => g.id)).toEqual([
      'verklaring',
      'onderzoek-vernieuwing',
      'onderzoek-innovatiebarometer',
    ])
    expect(group('verklaring').title).toBe('Verklaring over innovatie in de publieke sector')
    expect(declaration.missing([group('verklaring').title])).toEqual([])
  })

  it('has the five principles A–E of the Declaration, each with its commitments', () => {
    const sections = group('verklaring').sections
    expect(sections.map((s) => s.title.slice(0, 3))).toEqual(['A. ', 'B. ', 'C. ', 'D. ', 'E. '])
    for (const s of sections) expect(s.text, s.id).toMatch(/^We zullen ons inspannen om:\n\n/)
    // Commitments are numbered i–v as published (B repeats "iv.", and so does the seed).
    const numbers = sections.map((s) =>
      paragraphs(s.text)
        .slice(1)
        .map((c) => /^([ivx]+)\. /.exec(c)?.[1]),
    )
    expect(numbers).toEqual([
      ['i', 'ii', 'iii', 'iv', 'v'],
      ['i', 'ii', 'iii', 'iv', 'iv'],
      ['i', 'ii', 'iii', 'iv', 'v'],
      ['i', 'ii', 'iii', 'iv'],
      ['i', 'ii', 'iii', 'iv'],
    ])
    expect(declaration.missing(sections.flatMap((s) => [s.title, ...paragraphs(s.text)]))).toEqual([])
  })

  it('has the summary, key findings and recommendations of each study, as published', () => {
    for (const [name, seed] of Object.entries(studies)) {
      const sections = group(`onderzoek-${name}`).sections
      expect(sections.map((s) => s.id)).toEqual([`${name}-samenvatting`, `${name}-uitkomsten`, `${name}-aanbevelingen`])
      expect(sections.map((s) => s.title)).toEqual([
        'Korte samenvatting van het onderzoek',
        'Belangrijkste uitkomsten/conclusies',
        'Aanbevelingen en tips',
      ])
      expect(seed.missing(sections.flatMap((s) => [s.title, ...paragraphs(s.text)]))).toEqual([])
    }
  })

  it('keeps the findings and recommendations whole: every bullet, numbered element and theme', () => {
    expect(paragraphs(sectionText('onderzoek-vernieuwing', 'vernieuwing-uitkomsten'))).toHaveLength(3)
    const recommendations = paragraphs(sectionText('onderzoek-vernieuwing', 'vernieuwing-aanbevelingen'))
    expect(recommendations.filter((p) => /^\d\. /.test(p)).map((p) => p.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.'])
    const themes = paragraphs(sectionText('onderzoek-innovatiebarometer', 'innovatiebarometer-uitkomsten')).flatMap(
      (p) => (p.includes('\n') ? [p.split('\n')[0]] : []),
    )
    expect(themes).toEqual([
      'Krachtig innovatieklimaat',
      'Frequentie van innovaties',
      'Samenwerking en inspiratie',
      'Organisatiecultuur',
    ])
    expect(sectionText('onderzoek-innovatiebarometer', 'innovatiebarometer-aanbevelingen')).toMatch(
      /^Het stimuleren van innovatie .* naartoe moet\.$/,
    )
  })

  it('makes a changed background word fail the seed comparison', () => {
    const commitment = paragraphs(sectionText('verklaring', 'verklaring-principe-a'))[1] ?? ''
    expect(declaration.missing([commitment])).toEqual([])
    expect(declaration.missing([commitment.replace('omarmen', 'omhelzen')])).toHaveLength(1)
  })
})

describe('fold', () => {
  it('forgives layout: whitespace, line-end hyphens, U+FFFD, bullets', () => {
    expect(fold('Worden innovatie-\ninitiatieven  omgezet')).toBe(fold('Worden innovatie-initiatieven omgezet'))
    expect(fold('Declaration\uFFFDon\uFFFDPublic\uFFFD\nSector')).toBe('Declaration on Public Sector')
    expect(fold(' O Het bewustzijn\nvergroten')).toBe('Het bewustzijn vergroten')
  })

  it('does not forgive changed words, case, diacritics or quotes', () => {
    expect(fold('creëren')).not.toBe(fold('creeren'))
    expect(fold('Innovatie')).not.toBe(fold('innovatie'))
    expect(fold('“plays”')).not.toBe(fold('"plays"'))
    expect(fold('evaluatie- en meting')).not.toBe(fold('evaluatie en meting'))
  })

  it('makes a changed action fail the seed comparison', () => {
    const action = plays()[0]?.actions[0]?.text ?? ''
    expect(playbook.missing([action])).toEqual([])
    expect(playbook.missing([action.replace('strategische', 'tactische')])).toHaveLength(1)
    expect(playbook.missing([action + ' En nog iets.'])).toHaveLength(1)
  })
})
