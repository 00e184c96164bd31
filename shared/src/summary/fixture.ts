import type { ActionPlanItem } from '../actionPlan/layout.ts'
import type { BoardRecord } from '../board/layout.ts'
import { defaultFacilitationState } from '../facilitation/state.ts'
import { layoutTemplate } from '../layout/templateLayout.ts'
import type { Template } from '../template/template.ts'
import type { PublicVoteRound } from '../vote/controlLayout.ts'
import type { SummaryInput } from './build.ts'

/**
 * A seeded session for the summary's tests and the renderers': a small template, two passes, a revealed and a
 * hidden vote round, marks, an action plan and stickies full of hostile text. Not exported from the package
 * index: tests import it by path.
 */

/** Text a participant could type that must stay text in every format. */
export const HOSTILE = {
  html: '<script>alert("xss")</script><img src=x onerror=alert(1)>',
  markdown: '[klik hier](https://evil.example) ![img](https://evil.example/x.png)\n# Kop\n---\n> citaat\n1. lijst',
  formula: '=HYPERLINK("https://evil.example","klik")',
  at: "@SUM(1+1)*cmd|' /C calc'!A0",
  plusMinus: '-2+3',
  tab: '\tgetabt',
  long: `${'lange tekst '.repeat(300)}${'x'.repeat(400)}`,
  emoji: 'Feest 🎉👍🏽 en 👨‍👩‍👧',
  dutch: 'Één café, ruïne, coördinatie, Zoë en Geüpdatete ĳsjes — “aanhalingstekens” ‘enkel’ € 5,–',
} as const

export const fixtureTemplate: Template = {
  schemaVersion: 1,
  id: 'proef-playbook',
  title: 'Proef Playbook',
  language: 'nl',
  source: { title: 'Proef', publisher: 'Werkplaats' },
  intro: [{ id: 'welkom-tekst', title: 'Welkom', text: 'Fijn dat je er bent.' }],
  journey: [],
  principles: [
    {
      id: 'zie-wat-niemand-ziet',
      number: 1,
      title: 'Zie wat niemand ziet',
      dimensions: ['Kijken'],
      challengeQuestions: ['Hoe kunnen we beter kijken?'],
      assessmentQuestions: [
        { id: 'vraag-een', text: 'Kijken we naar de gebruiker?', playId: 'speel-een' },
        { id: 'vraag-twee', text: 'Delen we wat we zien?', playId: 'speel-twee' },
      ],
      plays: [
        {
          id: 'speel-een',
          title: 'Ga op pad',
          question: 'Hoe komen we bij de gebruiker?',
          actions: [
            { id: 'actie-een', text: 'Loop een dag mee' },
            { id: 'actie-twee', text: 'Bel drie burgers', attribution: 'Een ambtenaar' },
          ],
          case: {
            title: 'Gemeente Voorbeeld',
            text: 'Zij liepen mee met de wijkagent.',
            links: ['https://example.org/casus'],
          },
          toolkit: { text: 'Interviewgids', links: ['https://example.org/gids'] },
        },
        {
          id: 'speel-twee',
          title: 'Deel het',
          question: 'Hoe delen we?',
          actions: [{ id: 'actie-drie', text: 'Hang het aan de muur' }],
        },
      ],
    },
  ],
  facets: [],
  background: [],
  agenda: [
    {
      id: 'welkom',
      kind: 'welcome',
      title: 'Welkom & check-in',
      minutes: 5,
      goal: 'Kennismaken.',
      participantInstruction: 'Schrijf.',
      facilitatorGuide: 'Vraag.',
      shows: ['intro'],
      writingZone: { label: 'Check-in' },
    },
    {
      id: 'stand',
      kind: 'assess',
      title: 'Waar staan we?',
      minutes: 15,
      goal: 'Kiezen.',
      participantInstruction: 'Stem.',
      facilitatorGuide: 'Tel.',
      shows: ['assessment-questions'],
      writingZone: { label: 'Ideeën' },
      scope: 'all-principles',
      voteLabel: 'We moeten dit verbeteren!',
      hiddenUntilRevealed: true,
    },
    {
      id: 'verbeteren',
      kind: 'improve',
      title: 'Wat kunnen we anders doen?',
      minutes: 20,
      goal: 'Plannen.',
      participantInstruction: 'Markeer.',
      facilitatorGuide: 'Kies.',
      shows: ['plays'],
      writingZone: { label: 'Eigen acties' },
      topQuestions: 2,
    },
    {
      id: 'actieplan',
      kind: 'action-plan',
      title: 'Actieplan',
      minutes: 15,
      goal: 'Afspreken.',
      participantInstruction: 'Vul in.',
      facilitatorGuide: 'Check.',
      shows: [],
      writingZone: { label: 'Acties' },
    },
    {
      id: 'afsluiting',
      kind: 'closing',
      title: 'Afsluiting',
      minutes: 5,
      goal: 'Afsluiten.',
      participantInstruction: 'Check uit.',
      facilitatorGuide: 'Dank.',
      shows: [],
      writingZone: { label: 'Check-out' },
      restart: { label: 'Nog een ronde', stageId: 'stand' },
    },
  ],
}

/** 10:00 on 1 May 2025 in Amsterdam (08:00 UTC). */
export const WORKSHOP_START = Date.UTC(2025, 4, 1, 8, 0, 0)
const minutes = (n: number) => WORKSHOP_START + n * 60_000

const facilitation = {
  ...defaultFacilitationState,
  rounds: [
    { principleIds: ['zie-wat-niemand-ziet'], playIds: ['speel-een'] },
    { principleIds: ['zie-wat-niemand-ziet'], playIds: [] },
  ],
  stageHistory: [
    { stageId: 'welkom', round: 0, at: minutes(0) },
    { stageId: 'stand', round: 0, at: minutes(6) },
    { stageId: 'verbeteren', round: 0, at: minutes(20) },
    // The facilitator went back for a moment.
    { stageId: 'stand', round: 0, at: minutes(40) },
    { stageId: 'actieplan', round: 0, at: minutes(42) },
    { stageId: 'afsluiting', round: 0, at: minutes(60) },
  ],
  exportsForEveryone: false,
}

/** A sticky's stored record as tldraw 5 writes it (rich text in `props.richText`). */
export function noteRecord(id: string, text: string, x: number, y: number, parentId = 'page:page'): BoardRecord {
  const content = text
    .split('\n')
    .map((line) => ({ type: 'paragraph', content: line ? [{ type: 'text', text: line }] : [] }))
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x,
    y,
    rotation: 0,
    parentId,
    index: 'a1',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      richText: { type: 'doc', content },
      size: 'm',
      scale: 1,
      growY: 0,
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      url: '',
      // tldraw 5's multiplier of the label's size: 1 for text that fits (0 would draw it at size 0).
      fontSizeAdjustment: 1,
      textLastEditedBy: null,
    },
  } as BoardRecord
}

function insideFrame(stageId: string, round: number, offset: number): { x: number; y: number } {
  const frame = layoutTemplate(fixtureTemplate, facilitation).frames.find(
    (f) => f.stageId === stageId && f.round === round,
  )
  if (!frame) throw new Error(`no frame for ${stageId} in round ${round}`)
  return { x: frame.x + frame.w - 400, y: frame.y + 150 + offset * 220 }
}

const stickyAt = (id: string, text: string, stageId: string, round: number, offset: number) => {
  const { x, y } = insideFrame(stageId, round, offset)
  return noteRecord(id, text, x, y)
}

export const fixtureRecords: BoardRecord[] = [
  { id: 'page:page', typeName: 'page' },
  stickyAt('shape:checkin-1', HOSTILE.emoji, 'welkom', 0, 0),
  stickyAt('shape:checkin-2', HOSTILE.dutch, 'welkom', 0, 1),
  stickyAt('shape:idee-html', HOSTILE.html, 'stand', 0, 0),
  stickyAt('shape:idee-md', HOSTILE.markdown, 'stand', 0, 1),
  stickyAt('shape:idee-formule', HOSTILE.formula, 'verbeteren', 0, 0),
  stickyAt('shape:idee-at', HOSTILE.at, 'verbeteren', 0, 1),
  stickyAt('shape:idee-lang', HOSTILE.long, 'actieplan', 0, 0),
  stickyAt('shape:tweede-ronde', HOSTILE.plusMinus, 'stand', 1, 0),
  noteRecord('shape:verdwaald', HOSTILE.tab, -50_000, -50_000),
  // Not a sticky: a drawing, which the summary leaves out.
  {
    id: 'shape:tekening',
    typeName: 'shape',
    type: 'draw',
    x: 0,
    y: 0,
    parentId: 'page:page',
    props: {},
  } as BoardRecord,
]

export const fixtureVoteRounds: PublicVoteRound[] = [
  {
    roundId: 'ronde-stand-aaaaaaaaaaaa',
    stageId: 'stand',
    cardIds: ['vraag-een', 'vraag-twee', 'shape:idee-html'],
    settings: { votesPerParticipant: 3, maxVotesPerCard: 1, anonymous: true, results: 'on-reveal' },
    status: 'revealed',
    voterCount: 3,
    createdAt: minutes(8),
    tallies: [
      { cardId: 'vraag-een', votes: 3, voters: 3 },
      { cardId: 'shape:idee-html', votes: 2, voters: 2 },
      { cardId: 'vraag-twee', votes: 1, voters: 1 },
    ],
  },
  {
    roundId: 'ronde-geheim-bbbbbbbbbbb',
    stageId: 'verbeteren',
    title: HOSTILE.markdown.split('\n')[0] ?? '',
    cardIds: ['actie-een', 'actie-twee'],
    settings: { votesPerParticipant: 1, maxVotesPerCard: 1, anonymous: true, results: 'on-reveal' },
    status: 'closed',
    voterCount: 2,
    createdAt: minutes(25),
  },
]

export const fixtureActionPlan: ActionPlanItem[] = [
  {
    id: 'plan-1',
    text: 'Loop een dag mee met de wijkagent',
    owner: 'Zoë Ĳzerman',
    firstStep: 'Agenda’s naast elkaar leggen',
    date: '2025-06-01',
    source: { kind: 'action', id: 'actie-een' },
    createdAt: minutes(45),
  },
  {
    id: 'plan-2',
    text: HOSTILE.formula,
    owner: HOSTILE.at,
    firstStep: HOSTILE.html,
    date: '',
    source: null,
    createdAt: minutes(46),
  },
]

export const fixtureInput: SummaryInput = {
  session: {
    id: 'SessieSessieSessie0001',
    title: `Team Innovatie: café ${HOSTILE.html}`,
    createdAt: WORKSHOP_START - 3_600_000,
  },
  template: fixtureTemplate,
  facilitation,
  people: [
    { name: 'Fien Facilitator', role: 'facilitator' },
    { name: 'Anna', role: 'participant' },
    { name: 'Zoë <b>Ĳ</b>', role: 'participant' },
    { name: HOSTILE.formula, role: 'participant' },
  ],
  includeNames: false,
  voteRounds: fixtureVoteRounds,
  markCounts: new Map([['actie-een', { geprobeerd: 1, 'willen-we-proberen': 2, 'niet-relevant': 0 }]]),
  actionPlan: fixtureActionPlan,
  boardRecords: new Map(fixtureRecords.map((r) => [r.id, r])),
  now: minutes(70),
}
