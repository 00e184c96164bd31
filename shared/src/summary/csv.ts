import {
  clockTime,
  groupName,
  minutesText,
  percent,
  type RenderOptions,
  resolveOptions,
  stageName,
  type SummaryLanguage,
} from './labels.ts'
import { dayIn } from './build.ts'
import type { SessionSummary } from './model.ts'
import { replaceEach } from './replaceEach.ts'

/**
 * The summary as a spreadsheet: one row per item (stage, principle, vote tally, play, action, action-plan
 * item, sticky), quoted as RFC 4180 says, CRLF line ends, UTF-8 with a byte order mark so Excel reads the
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

interface Row {
  kind: string
  stage?: string
  text: string
  votes?: number | null
  share?: string
  marks?: [number, number, number]
  owner?: string
  firstStep?: string
  date?: string
}

export function renderCsv(summary: SessionSummary, options: CsvOptions = {}): string {
  const { labels: l, language, timeZone } = resolveOptions(options)
  const delimiter = options.delimiter ?? defaultDelimiter(language)
  const rows: Row[] = []

  for (const stage of summary.stages) {
    const timing = stage.startedAt
      ? `${minutesText(stage.spentMs, language)} / ${stage.plannedMinutes} min`
      : `${l.notStarted} / ${stage.plannedMinutes} min`
    rows.push({
      kind: l.kinds.stage,
      stage: stageName(stage, l),
      text: timing,
      date: stage.startedAt
        ? `${dayIn(Date.parse(stage.startedAt), timeZone)} ${clockTime(stage.startedAt, timeZone)}`
        : '',
    })
  }
  for (const p of summary.principles) rows.push({ kind: l.kinds.principle, stage: l.pass(p.round), text: p.title })
  for (const round of summary.voteRounds) {
    if (!round.tallies) rows.push({ kind: l.kinds.vote, stage: round.title, text: l.notRevealed })
    for (const t of round.tallies ?? [])
      rows.push({ kind: l.kinds.vote, stage: round.title, text: t.label, votes: t.votes, share: percent(t.share) })
  }
  for (const play of summary.plays) {
    rows.push({
      kind: l.kinds.play,
      stage: l.pass(play.round),
      text: `${play.title}: ${play.question.text}`,
      votes: play.question.votes,
    })
    for (const a of play.actions) {
      rows.push({
        kind: l.kinds.action,
        stage: play.title,
        text: a.text,
        marks: [a.marks.geprobeerd, a.marks['willen-we-proberen'], a.marks['niet-relevant']],
      })
    }
  }
  for (const item of summary.actionPlan) {
    rows.push({
      kind: l.kinds['action-plan'],
      stage: l.actionPlan,
      text: item.action,
      owner: item.owner,
      firstStep: item.firstStep,
      date: item.date,
    })
  }
  for (const group of summary.stickyGroups) {
    for (const sticky of group.stickies)
      rows.push({ kind: l.kinds.sticky, stage: groupName(group, l), text: sticky.text, votes: sticky.votes })
  }

  const header = [
    l.kind,
    l.stage,
    l.text,
    l.votes,
    l.share,
    l.marks.geprobeerd,
    l.marks['willen-we-proberen'],
    l.marks['niet-relevant'],
    l.owner,
    l.firstStep,
    l.dueDate,
  ]
  const cells = (row: Row): Cell[] => [
    row.kind,
    row.stage ?? '',
    row.text,
    row.votes ?? null,
    row.share ?? '',
    ...(row.marks ?? [null, null, null]),
    row.owner ?? '',
    row.firstStep ?? '',
    row.date ?? '',
  ]
  const line = (values: Cell[]) =>
    values
      .map((value) => (typeof value === 'number' ? String(value) : csvField(neutraliseFormula(value ?? ''), delimiter)))
      .join(delimiter)
  return `${BOM}${[header, ...rows.map(cells)].map(line).join('\r\n')}\r\n`
}
