import { describe, expect, it } from 'vitest'
import { templateSchema } from '../template/template.ts'
import type { Template } from '../template/template.ts'
import { estimateCardHeight, estimateLines } from './cardSize.ts'
import { layoutProblems } from './layoutChecks.ts'
import { BACKGROUND_FRAME_ID, cardId, layoutTemplate, stageFrameOf } from './templateLayout.ts'
import type { LayoutInputs } from './templateLayout.ts'

const stage = { minutes: 10, goal: 'Doel.', participantInstruction: 'Doe.', facilitatorGuide: 'Gids.' }

function principle(n: number) {
  const id = `p${n}`
  return {
    id,
    number: n,
    title: `Principe ${n}`,
    dimensions: ['Een dimensie', 'Nog een'],
    why: 'Omdat het telt.',
    challengeQuestions: ['Hoe kunnen we beginnen?'],
    assessmentQuestions: [1, 2, 3, 4].map((q) => ({
      id: `${id}-v${q}`,
      text: `Vraag ${q} van ${n}?`,
      playId: `${id}-play${q}`,
    })),
    plays: [1, 2, 3, 4].map((q) => ({
      id: `${id}-play${q}`,
      title: `Play ${q}`,
      question: `Vraag ${q}?`,
      actions: [{ id: `${id}-a${q}`, text: 'Doe iets. '.repeat(q * 5).trim() }],
    })),
  }
}

/** A small template with the OECD's shape: welcome, challenges, assess (chosen), improve, closing with restart. */
const template: Template = templateSchema.parse({
  schemaVersion: 1,
  id: 'klein',
  title: 'Klein',
  language: 'nl',
  source: { title: 'Bron', publisher: 'Uitgever' },
  intro: [{ id: 'intro', title: 'Inleiding', text: 'Tekst.' }],
  journey: [{ id: 'stap', title: 'Stap', text: 'Tekst.' }],
  principles: [principle(1), principle(2), principle(3)],
  facets: [],
  background: [
    { id: 'bron', title: 'Bron', sections: [{ id: 'a', title: 'A', text: 'Lang verhaal. '.repeat(40).trim() }] },
  ],
  agenda: [
    {
      ...stage,
      id: 'welkom',
      kind: 'welcome',
      title: 'Welkom',
      shows: ['intro', 'journey'],
      writingZone: { label: 'Check-in' },
    },
    {
      ...stage,
      id: 'start',
      kind: 'challenges',
      title: 'Start',
      shows: ['principles'],
      writingZone: { label: 'Uitdagingen' },
      dotsPerParticipant: 3,
    },
    {
      ...stage,
      id: 'kader',
      kind: 'assess',
      title: 'Kader',
      shows: ['principle-details', 'assessment-questions'],
      scope: 'chosen-principle',
      voteLabel: 'Verbeteren!',
      hiddenUntilRevealed: true,
    },
    {
      ...stage,
      id: 'beter',
      kind: 'improve',
      title: 'Beter',
      shows: ['plays'],
      writingZone: { label: 'Acties' },
      topQuestions: 2,
    },
    {
      ...stage,
      id: 'slot',
      kind: 'closing',
      title: 'Slot',
      shows: [],
      writingZone: { label: 'Check-out' },
      restart: { label: 'Kies een andere uitdaging', stageId: 'start' },
    },
  ],
})

const none: LayoutInputs = { rounds: [{ principleIds: [], playIds: [] }], layoutOverrides: {} }
const chosen: LayoutInputs = {
  rounds: [{ principleIds: ['p2'], playIds: ['p2-play1', 'p2-play3', 'p2-play4'] }],
  layoutOverrides: {},
}

const ids = (inputs: LayoutInputs, stageId: string, round = 0) =>
  layoutTemplate(template, inputs)
    .cards.filter((c) => c.stageId === stageId && c.round === round)
    .map((c) => c.id)

describe('template layout', () => {
  it('is deterministic: the same inputs give the same layout', () => {
    expect(layoutTemplate(template, chosen)).toEqual(layoutTemplate(template, structuredClone(chosen)))
  })

  it('lays one titled frame per stage left to right, the background left of Welkom', () => {
    const { frames } = layoutTemplate(template, chosen)
    const stages = frames.filter((f) => f.kind === 'stage')
    expect(stages.map((f) => f.title)).toEqual(['Welkom', 'Start', 'Kader', 'Beter', 'Slot'])
    for (let i = 1; i < stages.length; i++)
      expect(stages[i]?.x).toBeGreaterThan((stages[i - 1]?.x ?? 0) + (stages[i - 1]?.w ?? 0))
    const background = frames.find((f) => f.id === BACKGROUND_FRAME_ID)
    expect((background?.x ?? 0) + (background?.w ?? 0)).toBeLessThan(stages[0]?.x ?? 0)
    expect(layoutProblems(layoutTemplate(template, chosen))).toEqual([])
    expect(layoutProblems(layoutTemplate(template, none))).toEqual([])
  })

  it('shows the chosen principle at the assess stage: details and every question with its vote place', () => {
    const cards = layoutTemplate(template, chosen).cards.filter((c) => c.stageId === 'kader')
    expect(cards.map((c) => c.id)).toEqual([
      cardId('kader', 0, 'principle-details', 'p2'),
      ...[1, 2, 3, 4].map((q) => cardId('kader', 0, 'assessment-question', `p2-v${q}`)),
    ])
    for (const c of cards)
      if (c.content.kind === 'assessment-question')
        expect(c.content.vote).toEqual({ label: 'Verbeteren!', hiddenUntilRevealed: true })
    expect(ids(none, 'kader')).toEqual([])
  })

  it('shows the selected plays at the improve stage, each with the question that led to it', () => {
    const plays = layoutTemplate(template, chosen).cards.filter((c) => c.content.kind === 'play')
    expect(plays.map((c) => (c.content.kind === 'play' ? [c.content.playId, c.content.questionId] : []))).toEqual([
      ['p2-play1', 'p2-v1'],
      ['p2-play3', 'p2-v3'],
      ['p2-play4', 'p2-v4'],
    ])
    expect(plays.every((c) => c.stageId === 'beter')).toBe(true)
  })

  it('keeps frames and writing zones where they were when choices change, so stickies stay in place', () => {
    const before = layoutTemplate(template, none)
    const after = layoutTemplate(template, chosen)
    for (const f of before.frames) {
      const g = after.frames.find((x) => x.id === f.id)
      expect([g?.x, g?.y, g?.w], f.id).toEqual([f.x, f.y, f.w])
    }
    for (const zone of before.cards.filter((c) => c.content.kind === 'writing-zone')) {
      const same = after.cards.find((c) => c.id === zone.id)
      expect([same?.x, same?.y], zone.id).toEqual([zone.x, zone.y])
    }
  })

  it('lays a new round beside the earlier one, which stays as it was', () => {
    const first = layoutTemplate(template, chosen)
    const second = layoutTemplate(template, {
      ...chosen,
      rounds: [...chosen.rounds, { principleIds: ['p3'], playIds: ['p3-play2'] }],
    })
    for (const item of [...first.frames, ...first.cards])
      expect(second.frames.find((f) => f.id === item.id) ?? second.cards.find((c) => c.id === item.id)).toEqual(item)
    const round1 = second.frames.filter((f) => f.round === 1)
    expect(round1.map((f) => f.stageId)).toEqual(['start', 'kader', 'beter', 'slot'])
    const rightOfFirst = Math.max(...first.frames.map((f) => f.x + f.w))
    expect(Math.min(...round1.map((f) => f.x))).toBeGreaterThan(rightOfFirst)
    expect(ids({ ...chosen, rounds: [...chosen.rounds, { principleIds: ['p3'], playIds: [] }] }, 'kader', 1)[0]).toBe(
      cardId('kader', 1, 'principle-details', 'p3'),
    )
    expect(layoutProblems(second)).toEqual([])
    // Going to a stage the new round does not repeat finds it in the earlier round.
    expect(stageFrameOf(second, 'welkom', 1)?.id).toBe('r0:welkom')
    expect(stageFrameOf(second, 'kader', 1)?.id).toBe('r1:kader')
  })

  it('moves and hides cards and frames as the facilitator overrode them', () => {
    const question = cardId('kader', 0, 'assessment-question', 'p2-v2')
    const layout = layoutTemplate(template, {
      ...chosen,
      layoutOverrides: {
        [question]: { x: -5000, y: 40 },
        [cardId('welkom', 0, 'section', 'intro')]: { hidden: true },
        [BACKGROUND_FRAME_ID]: { hidden: true },
      },
    })
    const moved = layout.cards.find((c) => c.id === question)
    expect([moved?.x, moved?.y, moved?.moved]).toEqual([-5000, 40, true])
    expect(layout.cards.find((c) => c.id === cardId('welkom', 0, 'section', 'intro'))?.hidden).toBe(true)
    expect(layout.frames.find((f) => f.id === BACKGROUND_FRAME_ID)?.hidden).toBe(true)
    expect(layout.cards.filter((c) => c.frameId === BACKGROUND_FRAME_ID).every((c) => c.hidden)).toBe(true)
    expect(layout.cards.filter((c) => c.hidden)).toHaveLength(3) // the intro, and the background's heading and section
  })

  it('lays out nothing for a blank board', () => {
    expect(layoutTemplate(null, none)).toEqual({ frames: [], cards: [] })
  })
})

describe('card height estimate', () => {
  it('grows with the text and wraps whole words', () => {
    expect(estimateLines('kort', 288, 'body')).toBe(1)
    expect(estimateLines('woord '.repeat(100), 288, 'body')).toBeGreaterThan(15)
    expect(estimateLines('a\nb\n\nc', 288, 'body')).toBe(4)
    expect(
      estimateCardHeight([
        { text: 'Titel', style: 'title' },
        { text: 'x '.repeat(400), style: 'body' },
      ]),
    ).toBeGreaterThan(
      estimateCardHeight([
        { text: 'Titel', style: 'title' },
        { text: 'x '.repeat(40), style: 'body' },
      ]),
    )
  })
})
