import { findAddresses } from './addresses.ts'
import {
  clockTime,
  groupName,
  localDateTime,
  minutesText,
  percent,
  type RenderOptions,
  resolveOptions,
  stageName,
} from './labels.ts'
import type { SessionSummary, SummaryLinkedText } from './model.ts'

/**
 * The summary as Markdown for GitHub, GitLab and wikis (CommonMark with GFM tables). Every piece of data is
 * escaped so that it stays text: a sticky cannot open a link, an image, HTML, a heading, a list or a table
 * cell of its own, nor mention someone (`@name`) or reference an issue (`#12`).
 */

/**
 * Punctuation that means something inline in CommonMark or GFM (emphasis, code, links and images through
 * their brackets, table cells, strikethrough, maths, mentions and issue references), escaped wherever it
 * stands. `(`, `)` and `!` need no escape once no `[` can open a link.
 */
const INLINE_SPECIAL = '\\`*_[]#|~$@'

/** Every inline special character behind a backslash. */
const INLINE_ESCAPES = new Map<string, string>([...INLINE_SPECIAL].map((c): [string, string] => [c, `\\${c}`]))

/**
 * What only means something at the start of a line: list markers, setext underlines, block quotes, numbered lists.
 * Anchored, so it is tried at the start only, and `\d+` can give back only the digits it took: linear.
 */
const LINE_START_SPECIAL = /^([-+=>]|\d+[.)])/

/**
 * `<` opens HTML or an autolink only before a letter, `/`, `!` or `?`, and `&` an entity only before a letter, a
 * digit or `#`: only those get a backslash, so "Welkom & check-in" and "a < b" read as written in the Markdown
 * itself, not as `&amp;` and `&lt;`.
 */
function opensMarkup(c: string, next: number): boolean {
  const letterOrDigit =
    (next >= 0x30 && next <= 0x39) || (next >= 0x41 && next <= 0x5a) || (next >= 0x61 && next <= 0x7a)
  if (c === '<') return letterOrDigit || next === 0x2f || next === 0x21 || next === 0x3f
  return c === '&' && (letterOrDigit || next === 0x23)
}

/** `text` with the inline specials and markup openers behind a backslash; one pass, appending to a rope. */
function escapeText(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    const escaped = INLINE_ESCAPES.get(c) ?? (opensMarkup(c, text.charCodeAt(i + 1)) ? `\\${c}` : undefined)
    if (escaped === undefined) continue
    out += text.slice(from, i) + escaped
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}

/**
 * One line of user text, escaped. An address (see `findAddresses`) goes into a code span: shown exactly as
 * written, never a link; it holds no backtick or pipe, so the span cannot be closed early or split a table cell.
 * Every step is linear in the line: the patterns here match single characters or a bounded prefix.
 */
function escapeLine(line: string): string {
  let escaped = ''
  let from = 0
  const trimmed = line.trim()
  for (const { start, end } of findAddresses(trimmed)) {
    escaped += `${escapeText(trimmed.slice(from, start))}\`${trimmed.slice(start, end)}\``
    from = end
  }
  escaped += escapeText(trimmed.slice(from))
  return escaped.replace(LINE_START_SPECIAL, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`)
}

/**
 * The lines of `text` (split at CRLF, CR or LF), each passed through `line` and those that are not empty joined
 * by `separator`. One pass that appends to a rope: no array of every line, which on a sticky of 50,000 empty
 * lines costs the garbage collector more than ten times as much for ten times the lines.
 */
function joinLines(text: string, separator: string, line: (line: string) => string): string {
  let out = ''
  let from = 0
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a
    if (code !== 0x0a && code !== 0x0d) continue
    const kept = line(text.slice(from, i))
    if (kept !== '') out = out === '' ? kept : out + separator + kept
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++
    from = i + 1
  }
  return out
}

/** Data on one line (a heading, a table cell, a run of text): line breaks, and the spaces around them, become one space. */
export function escapeInline(text: string): string {
  return escapeLine(joinLines(text, ' ', (line) => line.trim()))
}

/** Data that may span lines, inside a list item indented by `indent`: each line kept, joined by hard breaks. */
export function escapeBlock(text: string, indent = '  '): string {
  return joinLines(text, `\\\n${indent}`, escapeLine)
}

function table(header: string[], align: Array<'left' | 'right'>, rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(align.map((a) => (a === 'right' ? '--:' : '---'))), ...rows.map(line)].join('\n')
}

/** Template links are https URLs from our own catalogue; still, only a plain https URL becomes a link. */
function link(url: string): string {
  return /^https:\/\/[^\s<>()]+$/.test(url) ? `<${url}>` : escapeInline(url)
}

function linked(label: string, text: SummaryLinkedText): string {
  const title = text.title ? `${escapeInline(text.title)}: ` : ''
  const links = text.links.length > 0 ? ` ${text.links.map(link).join(' ')}` : ''
  return `**${label}:** ${title}${escapeInline(text.text)}${links}`
}

export function renderMarkdown(summary: SessionSummary, options?: RenderOptions): string {
  const { labels: l, language, timeZone } = resolveOptions(options)
  const out: string[] = []
  const section = (title: string) => out.push('', `## ${title}`, '')

  out.push(`# ${l.summary}: ${escapeInline(summary.session.title)}`, '')
  const facts: string[][] = [
    [l.template, summary.template ? escapeInline(summary.template.title) : l.blankBoard],
    [l.date, summary.session.date],
  ]
  if (summary.duration) {
    const { startedAt, endedAt, ms } = summary.duration
    facts.push([
      l.duration,
      `${minutesText(ms, language)} (${clockTime(startedAt, timeZone)}–${clockTime(endedAt, timeZone)})`,
    ])
  }
  const names = summary.participants.names
  facts.push([
    l.participants,
    names && names.length > 0
      ? `${summary.participants.count}: ${names.map(escapeInline).join(', ')}`
      : String(summary.participants.count),
  ])
  out.push(table(['', ''], ['left', 'left'], facts))

  if (summary.stages.length > 0) {
    section(l.agenda)
    out.push(
      table(
        [l.stage, l.start, l.planned, l.spent],
        ['left', 'left', 'right', 'right'],
        summary.stages.map((stage) => [
          escapeInline(stageName(stage, l)),
          stage.startedAt ? clockTime(stage.startedAt, timeZone) : l.notStarted,
          `${stage.plannedMinutes} min`,
          stage.startedAt ? minutesText(stage.spentMs, language) : '',
        ]),
      ),
    )
  }

  if (summary.principles.length > 0) {
    section(l.principles)
    for (const p of summary.principles) out.push(`- ${escapeInline(p.title)} (${p.number}; ${l.pass(p.round)})`)
  }

  section(l.voteRounds)
  if (summary.voteRounds.length === 0) out.push(`_${l.noVoteRounds}_`)
  for (const round of summary.voteRounds) {
    out.push(`### ${escapeInline(round.title)}`, '')
    const about = [
      escapeInline(round.stageTitle),
      l.voters(round.voterCount, round.votesPerParticipant),
      ...(round.anonymous ? [l.anonymous] : []),
    ]
    out.push(`_${about.join(' · ')}_`, '')
    if (round.tallies) {
      out.push(
        table(
          [l.option, l.votes, l.share],
          ['left', 'right', 'right'],
          round.tallies.map((t) => [escapeInline(t.label), String(t.votes), percent(t.share)]),
        ),
        '',
      )
    } else {
      out.push(l.notRevealed, '')
    }
  }

  section(l.plays)
  if (summary.plays.length === 0) out.push(`_${l.noPlays}_`)
  for (const play of summary.plays) {
    out.push(`### ${escapeInline(play.title)}`, '')
    const votes = play.question.votes === null ? '' : ` (${l.voteCount(play.question.votes)})`
    out.push(`**${l.question}:** ${escapeInline(play.question.text)}${votes}`, '')
    out.push(
      table(
        [l.action, l.marks.geprobeerd, l.marks['willen-we-proberen'], l.marks['niet-relevant']],
        ['left', 'right', 'right', 'right'],
        play.actions.map((a) => [
          escapeInline(a.attribution ? `${a.text} (${a.attribution})` : a.text),
          String(a.marks.geprobeerd),
          String(a.marks['willen-we-proberen']),
          String(a.marks['niet-relevant']),
        ]),
      ),
      '',
    )
    if (play.case) out.push(linked(l.case, play.case), '')
    if (play.toolkit) out.push(linked(l.toolkit, play.toolkit), '')
  }

  section(l.actionPlan)
  if (summary.actionPlan.length === 0) out.push(`_${l.noActionPlan}_`)
  else {
    out.push(
      table(
        [l.action, l.owner, l.firstStep, l.dueDate],
        ['left', 'left', 'left', 'left'],
        summary.actionPlan.map((item) => [
          escapeInline(item.action),
          escapeInline(item.owner),
          escapeInline(item.firstStep),
          item.date,
        ]),
      ),
    )
  }

  section(l.stickies)
  for (const group of summary.stickyGroups) {
    out.push(`### ${escapeInline(groupName(group, l))}`, '')
    if (group.stickies.length === 0) out.push(`_${l.noStickies}_`)
    for (const sticky of group.stickies) {
      const votes = sticky.votes === null ? '' : ` (${l.voteCount(sticky.votes)})`
      out.push(`- ${escapeBlock(sticky.text) || '…'}${votes}`)
    }
    out.push('')
  }
  out.push('---', '', `_${l.exportedAt}: ${localDateTime(summary.session.exportedAt, timeZone, language)}_`)
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`
}
