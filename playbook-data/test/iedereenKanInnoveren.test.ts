import { describe, expect, it } from 'vitest'
import type { Template } from '@werkplaats/shared'
import { getTemplate } from '../src/index.ts'
import { FoldedSeed, paragraphs, readSeed } from './fold.ts'

const page = new FoldedSeed(readSeed('003_'))

function template(): Template {
  const t = getTemplate('iedereen-kan-innoveren')
  if (!t) throw new Error('template iedereen-kan-innoveren not found')
  return t
}

const principles = () => template().principles
const plays = () => principles().flatMap((p) => p.plays)

describe('Iedereen kan innoveren template', () => {
  it('has the six core principles in order', () => {
    expect(principles().map((p) => p.title)).toEqual([
      'Zie wat (nog) niemand ziet',
      'Maak plek voor echte gesprekken',
      'Doe het dicht bij de actie',
      'Klein testen, snel bijsturen',
      'Leid met empathie',
      'Bouw je leer-netwerk',
    ])
  })

  it('votes on each principle by its own text, leading to its tips', () => {
    for (const p of principles()) {
      expect(p.assessmentQuestions).toHaveLength(1)
      expect(p.assessmentQuestions[0]?.text).toBe(p.summary)
      expect(p.plays.map((play) => play.id)).toEqual([p.assessmentQuestions[0]?.playId])
    }
  })

  it('has principle titles and texts as in the seed', () => {
    expect(page.missing(principles().map((p) => p.title))).toEqual([])
    expect(page.missing(principles().map((p) => p.summary ?? ''))).toEqual([])
  })

  it('has tips (actions) as in the seed, quotes with their author', () => {
    const actions = plays().flatMap((p) => p.actions)
    expect(actions.length).toBeGreaterThanOrEqual(6)
    expect(page.missing(actions.map((a) => a.text))).toEqual([])
    for (const a of actions.filter((x) => x.attribution))
      expect(page.missing([`${a.text} ${a.attribution}`])).toEqual([])
    expect(actions.filter((a) => a.attribution).map((a) => a.attribution)).toEqual([
      'Angela Hanson (OESO/OPSI)',
      'Steven Van de Walle (KU Leuven)',
      'Robby Vanlaer (FOD BOSA)',
    ])
  })

  it('has the four cases with content, titles and texts as in the seed', () => {
    const cases = plays().flatMap((p) => (p.case ? [p.case] : []))
    expect(cases).toHaveLength(4)
    expect(page.missing(cases.map((c) => c.title ?? ''))).toEqual([])
    expect(page.missing(cases.flatMap((c) => paragraphs(c.text)))).toEqual([])
  })

  it('has tools, intro and Q&A background as in the seed', () => {
    const tools = plays().flatMap((p) => (p.toolkit ? [p.toolkit] : []))
    expect(page.missing(tools.flatMap((t) => [t.title ?? '', ...paragraphs(t.text)]))).toEqual([])
    const background = template().background
    expect(background.map((g) => g.title)).toEqual(['Vragen en antwoorden'])
    const questions = background.flatMap((g) => g.sections)
    expect(questions.map((s) => s.title.split(' ').slice(0, 3).join(' '))).toEqual([
      'Moeten we “innovatie-doelen”',
      'Is een gemeenschappelijke',
    ])
    const sections = [...template().intro, ...questions]
    expect(page.missing(background.map((g) => g.title))).toEqual([])
    expect(page.missing(sections.flatMap((s) => [s.title, ...paragraphs(s.text)]))).toEqual([])
  })

  it('has only absolute https links', () => {
    for (const play of plays()) {
      for (const link of [...(play.case?.links ?? []), ...(play.toolkit?.links ?? [])])
        expect(new URL(link).protocol).toBe('https:')
    }
  })

  it('runs a 60-minute session with the same mechanics as the playbook', () => {
    const agenda = template().agenda
    expect(agenda.reduce((sum, s) => sum + s.minutes, 0)).toBe(60)
    expect(agenda.map((s) => s.kind)).toEqual(['welcome', 'assess', 'improve', 'action-plan', 'closing'])
    const assess = agenda.find((s) => s.kind === 'assess')
    expect(assess?.kind === 'assess' && assess.scope).toBe('all-principles')
    expect(assess?.kind === 'assess' && assess.voteLabel).toBe('We moeten dit verbeteren!')
  })
})
