import { describe, expect, it } from 'vitest'
import { cardId, layoutProblems, layoutTemplate } from '@werkplaats/shared'
import type { LayoutInputs, Template } from '@werkplaats/shared'
import { getTemplate } from '../src/index.ts'

/** The shipped templates through the one layout: nothing in it knows which template it lays out. */

function template(id: string): Template {
  const t = getTemplate(id)
  if (!t) throw new Error(`template ${id} not found`)
  return t
}

describe('the OECD playbook on the board', () => {
  const oecd = template('oecd-innovatie-playbook')
  const p3 = oecd.principles[2]
  if (!p3) throw new Error('principle 3 missing')
  const plays = p3.assessmentQuestions.slice(0, 3).map((q) => q.playId)
  const inputs: LayoutInputs = { rounds: [{ principleIds: [p3.id], playIds: plays }], layoutOverrides: {} }
  const layout = layoutTemplate(oecd, inputs)

  it('lays the six stages out without overlaps, the background beside Welkom', () => {
    expect(layout.frames.filter((f) => f.kind === 'stage').map((f) => f.stageId)).toEqual(oecd.agenda.map((s) => s.id))
    expect(layout.frames[0]?.id).toBe('background')
    expect(layoutProblems(layout)).toEqual([])
  })

  it('has the journey and intro at Welkom and the five principles with their challenge questions at Startpunt', () => {
    const at = (stageId: string) => layout.cards.filter((c) => c.stageId === stageId).map((c) => c.content)
    expect(at('welkom').filter((c) => c.kind === 'section')).toHaveLength(oecd.intro.length + oecd.journey.length)
    const principles = at('startpunt').filter((c) => c.kind === 'principle')
    expect(principles.map((c) => (c.kind === 'principle' ? c.challengeQuestions.length : 0))).toEqual([6, 4, 4, 4, 5])
  })

  it('has every assessment question of the chosen principle at Kaderen, with its vote place', () => {
    const questions = layout.cards.filter((c) => c.stageId === 'kaderen' && c.content.kind === 'assessment-question')
    expect(questions.map((c) => c.id)).toEqual(
      p3.assessmentQuestions.map((q) => cardId('kaderen', 0, 'assessment-question', q.id)),
    )
    for (const q of questions)
      expect(q.content.kind === 'assessment-question' && q.content.vote?.label).toBe('We moeten dit verbeteren!')
  })

  it('has the selected plays at Verbeteren with actions, praktijkvoorbeeld and toolkit links', () => {
    const cards = layout.cards.filter((c) => c.content.kind === 'play')
    expect(cards.map((c) => (c.content.kind === 'play' ? c.content.playId : '')).sort()).toEqual([...plays].sort())
    for (const c of cards) {
      expect(c.stageId).toBe('verbeteren')
      if (c.content.kind === 'play')
        expect([c.content.actions.length > 0, c.content.case?.text, c.content.toolkit?.text].every(Boolean)).toBe(true)
    }
  })

  it('has the Declaration and the studies in the background, which the facilitator can hide', () => {
    const background = layout.cards.filter((c) => c.frameId === 'background' && c.content.kind === 'section')
    expect(background).toHaveLength(oecd.background.reduce((n, g) => n + g.sections.length, 0))
    const hidden = layoutTemplate(oecd, { ...inputs, layoutOverrides: { background: { hidden: true } } })
    expect(hidden.cards.filter((c) => c.frameId === 'background').every((c) => c.hidden)).toBe(true)
  })

  it('lays every principle out as a round of its own without overlaps', () => {
    const rounds = oecd.principles.map((p) => ({ principleIds: [p.id], playIds: p.plays.map((play) => play.id) }))
    expect(layoutProblems(layoutTemplate(oecd, { rounds, layoutOverrides: {} }))).toEqual([])
  })
})

describe('the Nido template on the board', () => {
  it('lays out through the same code: all six principles at the assess stage, no overlaps', () => {
    const nido = template('iedereen-kan-innoveren')
    const layout = layoutTemplate(nido, {
      rounds: [{ principleIds: [], playIds: [nido.principles[0]?.plays[0]?.id ?? ''] }],
      layoutOverrides: {},
    })
    expect(layout.frames.filter((f) => f.kind === 'stage').map((f) => f.stageId)).toEqual(nido.agenda.map((s) => s.id))
    expect(layout.cards.filter((c) => c.content.kind === 'assessment-question')).toHaveLength(6)
    expect(layout.cards.filter((c) => c.content.kind === 'play')).toHaveLength(1)
    expect(layoutProblems(layout)).toEqual([])
  })
})
