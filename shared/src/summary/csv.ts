import {
  clockTime,
  groupName,
  percent,
  type RenderOptions,
  resolveOptions,
  type SummaryLabels,
  type SummaryLanguage,
} from './labels.ts'
import { dayIn } from './build.ts'
import type { SessionSummary } from './model.ts'
import { replaceEach } from './replaceEach.ts'

/**
 * The summary as a spreadsheet: one row per item (stage, principle, vote round, vote tally, play, action,
 * action-plan item, sticky), its first column saying which; every other column has one meaning (minutes are
 * numbers in their own columns, a stage's start is not the action plan's date), quoted as RFC 4180 says, CRLF line ends, UTF-8 with a byte order mark so Excel reads the
 * diacritics. Excel in a Dutch (or Belgian) locale splits a double-clicked CSV on `;`, not `,`, so the Dutch
 * file uses `;` and the English one `,`; quoting is the same either way.
 *
 * A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to a spreadsheet
 * (CSV injection): such user text gets a leading `'`, which shows it as the text it is.
 */
export type CsvDelimiter = ',' | ';'

export interface CsvOptions extends RenderOptions {
  delimiter?: CsvDelimiter
}

export const BOM = '\uFEFF'

/** The full-width forms count too: some spreadsheets read `＝` as `=`. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

const DOUBLED_QUOTE = new Map([['"', '""']])

export function csvField(value: string, delimiter: CsvDelimiter): string {
  return value.includes('"') || value.includes(delimiter) || value.includes('\r') || value.includes('\n')
    ? `"${replaceEach(value, DOUBLED_QUOTE)}"`
    : value
}

export function defaultDelimiter(language: SummaryLanguage): CsvDelimiter {
  return language === 'nl' ? ';' : ','
}

type Cell = string | number | null

/** The columns, each with one meaning; a row fills those that apply to its type and leaves the rest empty. */
const COLUMNS = [
  'type',
  'pass',
  'stage',
  'voteRound',
  'play',
  'text',
  'question',
  'votes',
  'share',
  'tried',
  'wantToTry',
  'notRelevant',
  'owner',
  'firstStep',
  'dueDate',
  'startedAt',
  'plannedMinutes',
  'spentMinutes',
] as const
type Column = (typeof COLUMNS)[number]
type Row = Partial<Record<Column, Cell>>

function headerOf(l: SummaryLabels): Record<Column, string> {
  return {
    type: l.csv.type,
    pass: l.csv.pass,
    stage: l.stage,
    voteRound: l.csv.voteRound,
    play: l.csv.play,
    text: l.text,
    question: l.question,
    votes: l.votes,
    share: l.share,
    tried: l.marks.geprobeerd,
    wantToTry: l.marks['willen-we-proberen'],
    notRelevant: l.marks['niet-relevant'],
    owner: l.owner,
    firstStep: l.firstStep,
    dueDate: l.dueDate,
    startedAt: l.start,
    plannedMinutes: l.csv.plannedMinutes,
    spentMinutes: l.csv.spentMinutes,
  }
}

export function renderCsv(summary: SessionSummary, options: CsvOptions = {}): string {
  const { labels: l, language, timeZone } = resolveOptions(options)
  const delimiter = options.delimiter ?? defaultDelimiter(language)
  const rows: Row[] = []

  for (const stage of summary.stages) {
    rows.push({
      type: l.kinds.stage,
      pass: stage.round + 1,
      stage: stage.title,
      startedAt: stage.startedAt
        ? `${dayIn(Date.parse(stage.startedAt), timeZone)} ${clockTime(stage.startedAt, timeZone)}`
        : '',
      plannedMinutes: stage.plannedMinutes,
      spentMinutes: stage.startedAt ? Math.round(stage.spentMs / 60_000) : null,
    })
  }
  for (const p of summary.principles) rows.push({ type: l.kinds.principle, pass: p.round + 1, text: p.title })
  for (const round of summary.voteRounds) {
    rows.push({
      type: l.kinds['vote-round'],
      stage: round.stageTitle,
      voteRound: round.title,
      text: round.tallies ? l.voters(round.voterCount, round.votesPerParticipant) : l.notRevealed,
    })
    for (const t of round.tallies ?? []) {
      rows.push({
        type: l.kinds.vote,
        stage: round.stageTitle,
        voteRound: round.title,
        text: t.label,
        votes: t.votes,
        share: percent(t.share),
      })
    }
  }
  for (const play of summary.plays) {
    rows.push({
      type: l.kinds.play,
      pass: play.round + 1,
      play: play.title,
      question: play.question.text,
      votes: play.question.votes,
    })
    for (const a of play.actions) {
      rows.push({
        type: l.kinds.action,
        pass: play.round + 1,
        play: play.title,
        text: a.text,
        tried: a.marks.geprobeerd,
        wantToTry: a.marks['willen-we-proberen'],
        notRelevant: a.marks['niet-relevant'],
      })
    }
  }
  for (const item of summary.actionPlan) {
    rows.push({
      type: l.kinds['action-plan'],
      text: item.action,
      owner: item.owner,
      firstStep: item.firstStep,
      dueDate: item.date,
    })
  }
  for (const group of summary.stickyGroups) {
    for (const sticky of group.stickies) {
      rows.push({
        type: l.kinds.sticky,
        pass: group.round === null ? null : group.round + 1,
        stage: group.kind === 'stage' ? (group.title ?? group.stageId) : groupName(group, l),
        text: sticky.text,
        votes: sticky.votes,
      })
    }
  }

  const header = headerOf(l)
  const line = (values: Cell[]) =>
    values
      .map((value) => (typeof value === 'number' ? String(value) : csvField(neutraliseFormula(value ?? ''), delimiter)))
      .join(delimiter)
  return `${BOM}${[COLUMNS.map((c) => header[c]), ...rows.map((row) => COLUMNS.map((c) => row[c] ?? null))]
    .map(line)
    .join('\r\n')}\r\n`
}
