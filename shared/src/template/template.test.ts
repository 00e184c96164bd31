import { describe, expect, it } from 'vitest'
import { formatPath, templateSchema } from './template.ts'

/** The smallest runnable template: one principle, one question, one play, assess → improve. */
function minimal(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'klein',
    title: 'Klein',
    language: 'nl',
    source: { title: 'Bron', publisher: 'Uitgever' },
    intro: [{ id: 'intro', title: 'Inleiding', text: 'Tekst.' }],
    journey: [],
    principles: [
      {
        id: 'p',
        number: 1,
        title: 'Principe',
        dimensions: [],
        challengeQuestions: [],
        assessmentQuestions: [{ id: 'q', text: 'Vraag?', playId: 'play' }],
        plays: [{ id: 'play', title: 'Play', question: 'Vraag?', actions: [{ id: 'a', text: 'Doe iets.' }] }],
      },
    ],
    facets: [],
    background: [],
    agenda: [
      {
        id: 's1',
        kind: 'assess',
        title: 'Stemmen',
        minutes: 10,
        goal: 'Doel.',
        participantInstruction: 'Stem.',
        facilitatorGuide: 'Gids.',
        shows: ['assessment-questions'],
        scope: 'all-principles',
        voteLabel: 'Verbeteren!',
        hiddenUntilRevealed: false,
      },
      {
        id: 's2',
        kind: 'improve',
        title: 'Verbeteren',
        minutes: 10,
        goal: 'Doel.',
        participantInstruction: 'Kies.',
        facilitatorGuide: 'Gids.',
        shows: ['plays'],
        topQuestions: 1,
      },
    ],
  }
}

function messages(data: unknown): string[] {
  const result = templateSchema.safeParse(data)
  return result.success ? [] : result.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`)
}

describe('templateSchema', () => {
  it('accepts a minimal template without playbook-specific content', () => {
    expect(messages(minimal())).toEqual([])
  })

  it('requires principles to be numbered in order', () => {
    const t = minimal()
    const [p] = t.principles as { number: number }[]
    if (p) p.number = 2
    expect(messages(t)).toEqual(['principles[0].number: expected principle number 1, got 2'])
  })

  it('needs an assess stage before improve', () => {
    const t = minimal()
    t.agenda = (t.agenda as unknown[]).slice(1)
    expect(messages(t)).toEqual([
      'agenda[0].kind: an "improve" stage needs an "assess" stage before it, whose votes pick the plays',
    ])
  })

  it('needs challenge questions on every principle when the agenda lets the team choose one', () => {
    const t = minimal()
    t.agenda = [
      {
        id: 's0',
        kind: 'challenges',
        title: 'Kiezen',
        minutes: 10,
        goal: 'Doel.',
        participantInstruction: 'Kies.',
        facilitatorGuide: 'Gids.',
        shows: ['principles'],
        dotsPerParticipant: 3,
      },
      ...(t.agenda as unknown[]),
    ]
    expect(messages(t)).toEqual([
      'principles[0].challengeQuestions: stage "s0" lets the team choose a principle, so every principle needs challenge questions',
    ])
  })

  it('keeps background section ids unique across groups, and groups non-empty', () => {
    const t = minimal()
    t.background = [
      { id: 'a', title: 'A', sections: [{ id: 's', title: 'S', text: 'Tekst.' }] },
      { id: 'b', title: 'B', sections: [{ id: 's', title: 'S', text: 'Tekst.' }] },
    ]
    expect(messages(t)).toEqual([
      'background[1].sections[0].id: duplicate background section id "s" (first at background[0].sections[0])',
    ])
    t.background = [{ id: 'c', title: 'C', sections: [] }]
    expect(messages(t)).toEqual(['background[0].sections: a background group needs at least one section'])
  })

  it('checks journey references of stages', () => {
    const t = minimal()
    const [first] = t.agenda as Record<string, unknown>[]
    if (first) first.journeyStepId = 'nergens'
    expect(messages(t)).toEqual(['agenda[0].journeyStepId: journey step "nergens" does not exist'])
  })
})

describe('formatPath', () => {
  it('writes paths the way a reader would look them up', () => {
    expect(formatPath(['principles', 2, 'plays', 0, 'id'])).toBe('principles[2].plays[0].id')
    expect(formatPath([])).toBe('(root)')
  })
})
