import type { ActionMark } from '../vote/marks.ts'
import { DEFAULT_TIME_ZONE } from './build.ts'
import type { SummaryStage, SummaryStickyGroup } from './model.ts'

/**
 * The words every rendering of the summary uses around the data, in Dutch (the workshop's language) and
 * English. User text never goes through here: it is data, escaped by each renderer for its format.
 */
export const summaryLanguages = ['nl', 'en'] as const
export type SummaryLanguage = (typeof summaryLanguages)[number]

export interface SummaryLabels {
  summary: string
  template: string
  blankBoard: string
  date: string
  duration: string
  participants: string
  notStarted: string
  agenda: string
  stage: string
  start: string
  planned: string
  spent: string
  pass: (round: number) => string
  principles: string
  voteRounds: string
  option: string
  votes: string
  /** `1 stem`, `3 stemmen`: a count of votes in running text. */
  voteCount: (count: number) => string
  share: string
  voters: (count: number, perParticipant: number) => string
  anonymous: string
  notRevealed: string
  noVoteRounds: string
  plays: string
  noPlays: string
  question: string
  action: string
  marks: Record<ActionMark, string>
  case: string
  toolkit: string
  actionPlan: string
  noActionPlan: string
  owner: string
  firstStep: string
  dueDate: string
  stickies: string
  noStickies: string
  elsewhere: string
  board: string
  page: (page: number, of: number) => string
  exportedAt: string
  decisions: string
  topQuestions: string
  chosenPlays: string
  /** The line that lists a round's options that got no vote. */
  withoutVotes: (count: number) => string
  /** CSV: the first column's values. */
  kinds: Record<'stage' | 'principle' | 'vote-round' | 'vote' | 'play' | 'action' | 'action-plan' | 'sticky', string>
  /** CSV: the headers of columns no other rendering names. */
  csv: Record<'type' | 'pass' | 'voteRound' | 'play' | 'plannedMinutes' | 'spentMinutes', string>
  text: string
}

const nl: SummaryLabels = {
  summary: 'Samenvatting',
  template: 'Werkvorm',
  blankBoard: 'Leeg bord',
  date: 'Datum',
  duration: 'Duur',
  participants: 'Deelnemers',
  notStarted: 'niet gestart',
  agenda: 'Agenda',
  stage: 'Fase',
  start: 'Start',
  planned: 'Gepland',
  spent: 'Besteed',
  pass: (round) => `ronde ${round + 1}`,
  principles: 'Gekozen principe',
  voteRounds: 'Stemrondes',
  option: 'Keuze',
  votes: 'Stemmen',
  voteCount: (count) => `${count} ${count === 1 ? 'stem' : 'stemmen'}`,
  share: 'Aandeel',
  voters: (count, perParticipant) =>
    `${count} ${count === 1 ? 'deelnemer stemde' : 'deelnemers stemden'}, ${perParticipant} ${perParticipant === 1 ? 'stem' : 'stemmen'} per deelnemer`,
  anonymous: 'anoniem',
  notRevealed: 'De uitslag is niet aan iedereen getoond.',
  noVoteRounds: 'Er is niet gestemd.',
  plays: 'Vragen en plays',
  noPlays: 'Er zijn geen plays gekozen.',
  question: 'Vraag',
  action: 'Actie',
  marks: { geprobeerd: 'Geprobeerd', 'willen-we-proberen': 'Willen we proberen', 'niet-relevant': 'Niet relevant' },
  case: 'Praktijkvoorbeeld',
  toolkit: 'Toolkit',
  actionPlan: 'Actieplan',
  noActionPlan: 'Het actieplan is leeg.',
  owner: 'Eigenaar',
  firstStep: 'Eerste stap',
  dueDate: 'Datum',
  stickies: 'Stickies',
  noStickies: 'Geen stickies.',
  elsewhere: 'Elders op het bord',
  board: 'Het bord',
  page: (page, of) => `Pagina ${page} van ${of}`,
  exportedAt: 'Geëxporteerd',
  decisions: 'Besluiten en acties',
  topQuestions: 'Wat we willen verbeteren',
  chosenPlays: 'Gekozen plays',
  withoutVotes: (count) => `Zonder stemmen (${count})`,
  kinds: {
    stage: 'fase',
    principle: 'principe',
    'vote-round': 'stemronde',
    vote: 'stem',
    play: 'play',
    action: 'actie',
    'action-plan': 'actieplan',
    sticky: 'sticky',
  },
  csv: {
    type: 'Type',
    pass: 'Ronde',
    voteRound: 'Stemronde',
    play: 'Play',
    plannedMinutes: 'Gepland (min)',
    spentMinutes: 'Besteed (min)',
  },
  text: 'Tekst',
}

const en: SummaryLabels = {
  summary: 'Summary',
  template: 'Template',
  blankBoard: 'Blank board',
  date: 'Date',
  duration: 'Duration',
  participants: 'Participants',
  notStarted: 'not started',
  agenda: 'Agenda',
  stage: 'Stage',
  start: 'Start',
  planned: 'Planned',
  spent: 'Spent',
  pass: (round) => `round ${round + 1}`,
  principles: 'Chosen principle',
  voteRounds: 'Vote rounds',
  option: 'Option',
  votes: 'Votes',
  voteCount: (count) => `${count} ${count === 1 ? 'vote' : 'votes'}`,
  share: 'Share',
  voters: (count, perParticipant) =>
    `${count} ${count === 1 ? 'participant' : 'participants'} voted, ${perParticipant} ${perParticipant === 1 ? 'vote' : 'votes'} each`,
  anonymous: 'anonymous',
  notRevealed: 'The results were not shown to everyone.',
  noVoteRounds: 'There was no vote.',
  plays: 'Questions and plays',
  noPlays: 'No plays were chosen.',
  question: 'Question',
  action: 'Action',
  marks: { geprobeerd: 'Tried', 'willen-we-proberen': 'Want to try', 'niet-relevant': 'Not relevant' },
  case: 'Case',
  toolkit: 'Toolkit',
  actionPlan: 'Action plan',
  noActionPlan: 'The action plan is empty.',
  owner: 'Owner',
  firstStep: 'First step',
  dueDate: 'Date',
  stickies: 'Stickies',
  noStickies: 'No stickies.',
  elsewhere: 'Elsewhere on the board',
  board: 'The board',
  page: (page, of) => `Page ${page} of ${of}`,
  exportedAt: 'Exported',
  decisions: 'Decisions and actions',
  topQuestions: 'What we want to improve',
  chosenPlays: 'Chosen plays',
  withoutVotes: (count) => `Without votes (${count})`,
  kinds: {
    stage: 'stage',
    principle: 'principle',
    'vote-round': 'vote round',
    vote: 'vote',
    play: 'play',
    action: 'action',
    'action-plan': 'action plan',
    sticky: 'sticky',
  },
  csv: {
    type: 'Type',
    pass: 'Round',
    voteRound: 'Vote round',
    play: 'Play',
    plannedMinutes: 'Planned (min)',
    spentMinutes: 'Spent (min)',
  },
  text: 'Text',
}

export const summaryLabels: Record<SummaryLanguage, SummaryLabels> = { nl, en }

/** How a renderer writes: language and the time zone for clock times. */
export interface RenderOptions {
  language?: SummaryLanguage
  timeZone?: string
}

export function resolveOptions(options: RenderOptions = {}): {
  labels: SummaryLabels
  language: SummaryLanguage
  timeZone: string
} {
  const language = options.language ?? 'nl'
  return { labels: summaryLabels[language], language, timeZone: options.timeZone ?? DEFAULT_TIME_ZONE }
}

/** `10:06` in the workshop's time zone. */
export function clockTime(isoTime: string, timeZone: string): string {
  return new Intl.DateTimeFormat('nl-NL', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(isoTime),
  )
}

/** `4 december 2026 om 21:30 CET`: a moment as people in the workshop's time zone read it, with the zone named. */
export function localDateTime(isoTime: string, timeZone: string, language: SummaryLanguage): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(isoTime))
}

/** `16 min`, `1 u 05 min` / `1 h 05 min`. */
export function minutesText(ms: number, language: SummaryLanguage): string {
  const total = Math.round(ms / 60_000)
  if (total < 60) return `${total} min`
  const hours = Math.floor(total / 60)
  return `${hours} ${language === 'nl' ? 'u' : 'h'} ${String(total % 60).padStart(2, '0')} min`
}

/** `67%`: whole percents, which every spreadsheet locale reads alike. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

export function stageName(stage: Pick<SummaryStage, 'title' | 'round'>, labels: SummaryLabels): string {
  return stage.round > 0 ? `${stage.title} (${labels.pass(stage.round)})` : stage.title
}

export function groupName(group: SummaryStickyGroup, labels: SummaryLabels): string {
  if (group.kind === 'elsewhere') return labels.elsewhere
  if (group.kind === 'board') return labels.board
  return stageName({ title: group.title ?? group.stageId ?? '', round: group.round ?? 0 }, labels)
}
